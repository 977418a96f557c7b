// Store: the SQLite database that keeps documents, sentences, claims, subjects,
// findings and runs (schema in schemas/store.sql).
//
// Opening a store creates or migrates it (PRAGMA user_version) and refuses one
// written by a newer crosscheck. The connection runs in WAL mode with foreign
// keys on; every write goes through prepared statements, one transaction per
// batch, so a crash leaves either the whole batch or none of it. Text from
// articles is always bound, never spliced into SQL. SQLite exceptions stop
// here and come back as Status values.
//
// Not thread-safe: one writer thread owns the Store.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/claim.h"
#include "crosscheck/diagnostic.h"
#include "crosscheck/document.h"
#include "crosscheck/finding.h"
#include "crosscheck/source_cluster.h"
#include "crosscheck/status.h"

namespace crosscheck::store {

// The schema version this build writes; see schemas/store.sql and migrations.h.
inline constexpr int kSchemaVersion = 8;
// PRAGMA application_id of crosscheck stores ("ccck"), to refuse other databases.
inline constexpr int kApplicationId = 0x6363636b;

// One template a document was extracted with (table document_templates).
struct TemplateRecord {
  std::string template_id;
  std::string fingerprint;
  std::vector<uint32_t> sentences;  // where it built a claim before overlaps were resolved; ascending
};

// A document's extraction, ready to be written.
struct DocumentWrite {
  const Document* document = nullptr;        // always set
  const std::vector<Claim>* claims = nullptr;  // null: content unchanged, only the source is recorded
  std::string extracted_with;                // fingerprint of the extractor's code + knowledge
  // With claims: the templates they were extracted with; replaces the
  // document's records. Claims of templates not among them are deleted.
  const std::vector<TemplateRecord>* templates = nullptr;
  // With claims, a partial re-extraction: `claims` replace the claims of
  // these sentences (ascending ordinals) only; the document's sentences,
  // removed spans, diagnostics and other claims stay.
  const std::vector<uint32_t>* replaced_sentences = nullptr;
};

struct StoredDocument {
  int64_t id = 0;
  std::string extracted_with;  // empty: never extracted by this schema version
};

// The report a completed run wrote (or kept), keyed on what it was made from.
struct ReportRecord {
  int64_t run = 0;
  std::string key;     // SHA-256 of everything the report is made from (see report_pipeline.cpp)
  std::string digest;  // SHA-256 of the report files' own SHA-256s
  size_t claims = 0;
  size_t subjects = 0;
  size_t findings = 0;
};

// A finding as the store keeps it, without its subject and claims: what a
// re-run needs to give it again when its subject group's inputs are unchanged.
struct StoredVerdict {
  std::string input_hash;
  Verdict verdict = Verdict::kSingleSource;
  ConflictStrength strength = ConflictStrength::kNone;
  std::string reason;
  size_t outlets = 0;
  size_t sources = 0;
  std::vector<SelfContradiction> self_contradictions;
};

struct RunCounts {
  size_t documents = 0;
  size_t documents_extracted = 0;
  size_t documents_skipped = 0;
  size_t claims = 0;
  size_t findings = 0;
};

class Store {
 public:
  // Opens or creates the store at `path`. IoError/StoreError with the path
  // when it cannot; StoreCorrupt when it is not a crosscheck store or is newer.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& path);
  // A private in-memory store, for tests.
  static Result<std::unique_ptr<Store>> OpenInMemory();
  // Opens an existing store for reading only; never creates or migrates one.
  static Result<std::unique_ptr<Store>> OpenForReading(const std::filesystem::path& path);
  ~Store();
  Store(const Store&) = delete;  // owns the connection and its prepared statements
  Store& operator=(const Store&) = delete;

  int schema_version() const { return schema_version_; }

  Result<int64_t> BeginRun(const std::string& corpus, const std::string& templates_fingerprint,
                           const std::string& knowledge_fingerprint);
  Status FinishRun(int64_t run, bool completed, const RunCounts& counts);

  // The stored document with this content hash, if any.
  Result<std::optional<StoredDocument>> FindDocument(const std::string& content_hash);
  // The templates a stored document was extracted with, sorted by id.
  Result<std::vector<TemplateRecord>> DocumentTemplates(int64_t document_id);
  // What ingest noticed in a stored document when it was extracted (encoding
  // converted, bytes repaired), with `path` as their path.
  Result<std::vector<Diagnostic>> DocumentDiagnostics(int64_t document_id, const std::string& path);
  // Marks runs still 'running' as 'failed': called by a run holding the run
  // lock (store/run_lock.h), so they are runs that were killed. Returns how many.
  Result<size_t> MarkInterruptedRuns();

  // Writes documents (and, where given, their sentences, claims and
  // diagnostics, replacing what was stored for that content) in one
  // transaction, and records each path as seen by `run`.
  Status WriteBatch(int64_t run, const std::vector<DocumentWrite>& batch);

  // Claims of every document seen by `run`, with their sources, ordered by
  // document path and offset.
  Result<std::vector<SourcedClaim>> LoadClaims(int64_t run);
  // The claims LoadClaims gives that come from these templates, in its order,
  // handed to `visit` one at a time, their roles carrying only the role, the
  // entity and its kind (no mention, via or sentence): what linking reads.
  // The roles of all those claims are held meanwhile as numbers into the few
  // distinct names, a few dozen bytes a claim instead of several hundred.
  Status ForEachClaimToLink(int64_t run, const std::vector<std::string>& template_ids,
                            const std::function<void(SourcedClaim&&)>& visit);
  // The claims of lists of row ids, handed to `visit` one list at a time
  // (the list's index, its claims in the list's order, as LoadClaims reads
  // them), for the lists in `order` (indices into `lists`; ascending runs are
  // read in one pass each): a caller holds one list's claims, never the
  // corpus's. `visit` returns false to stop. The lists are written to a
  // temporary table, again only when they differ from the last call's.
  // StoreError when a claim is not of `run`.
  using ClaimListVisitor = std::function<bool(size_t, std::vector<SourcedClaim>&&)>;
  Status ForEachClaimList(int64_t run, const std::vector<const std::vector<int64_t>*>& lists,
                          const std::vector<size_t>& order, const ClaimListVisitor& visit);
  // The entities of this kind ("place") that roles of those claims name.
  Result<std::set<std::string>> NamedEntities(int64_t run, const std::string& kind);
  // Documents seen by `run`, ordered by path.
  Result<std::vector<DocumentSource>> LoadSources(int64_t run);
  // How many documents `run` saw (paths, copies included).
  Result<size_t> CountDocumentTexts(int64_t run);
  // Hands `visit` each document `run` saw, in path order, with its path,
  // outlet, content hash and body sentences in order (the same SourceText is
  // refilled for each: a caller copies what it keeps). Reused documents too.
  Status ForEachDocumentText(int64_t run, const std::function<void(const SourceText&)>& visit);
  // The body sentences (normalised) of the document at `path`, in order;
  // empty when no document has that path.
  Result<std::vector<std::string>> DocumentSentences(const std::string& path);

  // The findings of the latest run that wrote any, with their subjects and
  // claims, conflicts first (the order of report.json). Empty when none.
  Result<std::vector<Finding>> LoadFindings();

  // The verdicts of the latest completed run, by finding id, for the findings
  // that have an input hash (not derived ones). Empty when a later run replaced
  // the findings and failed, or when there is no completed run.
  Result<std::unordered_map<std::string, StoredVerdict>> LoadStoredVerdicts();

  // Replaces subjects and findings with those of `run`, in one transaction.
  // A finding's claims are its `claims`, or its `claim_ids` when it holds none;
  // or, given `claim_ids`, claim_ids[i] for findings[i] (whose own may then
  // be keys of something else: the report's spool). A finding's
  // self-contradictions are its own, or, when it holds none and
  // `contradictions_of` is given, what that gives for its index (the report
  // spools them; an error ends the write).
  using ContradictionsOf = std::function<Status(size_t, std::vector<SelfContradiction>*)>;
  Status ReplaceFindings(int64_t run, const std::vector<Finding>& findings,
                         const std::vector<std::vector<int64_t>>* claim_ids = nullptr,
                         const ContradictionsOf& contradictions_of = nullptr);
  Status AddDiagnostics(int64_t run, const std::vector<Diagnostic>& diagnostics);

  // The report of the latest completed run, when it recorded one and the
  // findings stored are still that run's (no later run replaced them).
  Result<std::optional<ReportRecord>> LatestReport();
  // Records the report `run` wrote or kept (record.run is ignored).
  Status RecordReport(int64_t run, const ReportRecord& record);
  // Makes the stored findings `run`'s, for a run that keeps the previous
  // report: they are what it would have found.
  Status AdoptFindings(int64_t run);
  // How many stored findings are of a subject group (not derived).
  Result<size_t> CountSubjectGroups();
  // How many stored findings have each verdict.
  Result<std::map<Verdict, size_t>> CountVerdicts();

  // For queries the CLI views run directly (read-only use).
  SQLite::Database& database() { return *db_; }

 private:
  explicit Store(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
  Status Initialise();
  Result<int64_t> EntityId(const std::string& kind, const std::string& name, bool known);
  Status WriteDocument(int64_t run, const DocumentWrite& write);
  Status InsertClaims(int64_t document_id, const Document& doc, const std::vector<Claim>& claims);
  // `fresh`: the document was first stored by this batch, so it has no templates or claims to replace.
  Status ReplaceTemplates(int64_t document_id, const std::vector<TemplateRecord>& templates, bool fresh);
  // Every row the store writes refers to rows it wrote before or read from
  // the store, and its deletions remove by hand what the keys would cascade
  // to (DeleteClaims, ReplaceFindings): checking each reference cost a seek
  // per claim, role and finding's claim, an eighth of the store's
  // instructions. So the first write turns the connection's foreign key
  // checks off for good: switching them per batch made SQLite prepare every
  // statement again (it expires them when the pragma changes).
  // `PRAGMA foreign_key_check` finds what a bug here would leave (tests do).
  void StopKeyChecks();
  // Deletes the claims whose ids `ids` (a prepared, bound SELECT) gives, with
  // their roles and their places in findings.
  void DeleteClaims(SQLite::Statement& ids);
  // Partial re-extraction of a stored document: see DocumentWrite::replaced_sentences.
  Result<int64_t> ReplaceSomeClaims(const DocumentWrite& write);
  // The prepared statement for `sql`, prepared once per connection, reset and
  // unbound (`unbind` false: the caller binds every parameter again, and
  // unbinding the 464 of a claims INSERT costs more than binding them).
  // `sql` must live as long as the store (a literal, or a static string):
  // statements are found by its address, not by hashing the text, which is
  // 2 KB for that INSERT.
  SQLite::Statement& Cached(const char* sql, bool unbind = true);

  std::unique_ptr<SQLite::Database> db_;
  int schema_version_ = 0;
  std::unordered_map<std::string, int64_t> entity_ids_;  // "kind\tname" -> id
  std::string templates_;                                 // ReplaceTemplates' row, reused
  std::vector<int64_t> doomed_claims_;                    // DeleteClaims' ids, reused
  bool checking_keys_ = true;                             // see StopKeyChecks
  std::string entity_key_;                                // EntityId's lookup key, reused
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;  // by the SQL's address
  // A document's row of document_texts as it is written, reused.
  std::string layout_;
  std::string text_;
  std::vector<std::string> sentence_texts_;  // the sentences of the claims an INSERT writes
};

// The SQL run when a new store is created (schemas/store.sql).
const char* CurrentSchemaSql();

}  // namespace crosscheck::store
