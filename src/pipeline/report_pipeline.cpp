#include <SQLiteCpp/SQLiteCpp.h>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "check/consistency_checker.h"
#include "check/elapsed_check.h"
#include "check/group_input_hash.h"
#include "check/quote_drift.h"
#include "check/truth_discovery.h"
#include "check/value_comparator.h"
#include "crosscheck/pipeline.h"
#include "extract/date_parser.h"
#include "extract/event_time.h"
#include "extract/time_anchor.h"
#include "ingest/corpus_scanner.h"
#include "ingest/document_loader.h"
#include "ingest/outlet_manifest.h"
#include "link/source_clusters.h"
#include "link/subject_linker.h"
#include "pipeline/atomic_file.h"
#include "pipeline/engine_impl.h"
#include "pipeline/handoff_queue.h"
#include "pipeline/ordered_workers.h"
#include "pipeline/parallel_tasks.h"
#include "report/claim_spool.h"
#include "report/graphviz_renderer.h"
#include "report/html_report_writer.h"
#include "report/json_report_writer.h"
#include "report/markdown_report_writer.h"
#include "report/report_data.h"
#include "report/self_contradiction_spool.h"
#include "store/run_lock.h"
#include "store/store.h"
#include "check_fingerprint.h"
#include "report_fingerprint.h"
#include "util/content_hash.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

// Graphviz takes minutes on graphs much larger than this; the built-in layout does not.
constexpr size_t kMaxGraphvizVertices = 3000;

// With --jobs 2+, claims read ahead of the check, waiting to be judged (about a
// kilobyte each; a larger group is let through alone).
constexpr size_t kClaimsAhead = 2048;

// Threads allocate from malloc arenas of their own, and memory one thread's
// work freed is not reused by another's: after the stages that ran on two
// threads, the free pages go back to the system rather than add to the peak.
void ReleaseFreedMemory() {
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

// Fails early, with a clear message, when the output folder cannot be
// written (read-only mount, permissions): better than after an hour of extraction.
Status CheckWritable(const fs::path& dir) {
  const fs::path probe = dir / (".crosscheck-write-test-" + std::to_string(::getpid()));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    return Status::IoError(dir.generic_string() + ": the output folder is not writable: " + std::strerror(error));
  }
  ::close(fd);
  std::error_code ignored;
  fs::remove(probe, ignored);
  return Status::Ok();
}

// "PATH: reason" -> "reason", for messages already attached to a corpus file.
std::string WithoutPath(const std::string& message, const fs::path& path) {
  const std::string prefix = path.generic_string() + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

std::map<std::string, link::TemplateRules> RulesOf(const extract::TemplateSet& templates) {
  std::map<std::string, link::TemplateRules> rules;
  for (const auto& t : templates.templates()) {
    link::TemplateRules r;
    r.subject_kind = t.spec.subject_kind;
    r.label = t.spec.label;
    for (const auto& role : t.spec.roles) {
      if (!role.identifies) r.non_identifying_roles.insert(role.name);
    }
    rules[t.spec.id] = r;
  }
  return rules;
}

class Run {
 public:
  Run(const Engine& engine, const RunOptions& options, RunObserver* observer)
      : engine_(engine), impl_(engine.impl()), options_(options), observer_(observer) {}

  Result<RunSummary> Execute() {
    const auto started = std::chrono::steady_clock::now();
    Status status = Prepare();
    if (!status.ok()) return status;
    auto run = store_->BeginRun(options_.corpus.generic_string(), engine_.templates_fingerprint(),
                                engine_.knowledge_fingerprint());
    if (!run.ok()) return run.status();
    run_ = *run;
    status = Ingest();
    if (status.ok() && options_.strict && summary_.skipped > 0) status = StrictFailure();
    if (status.ok()) status = CheckAndReport();
    store::RunCounts counts{summary_.documents, summary_.extracted, summary_.skipped, summary_.claims, summary_.findings};
    Status recorded = store_->AddDiagnostics(run_, summary_.diagnostics);
    Status finished = store_->FinishRun(run_, status.ok(), counts);
    if (!status.ok()) return status;
    if (!recorded.ok()) return recorded;
    if (!finished.ok()) return finished;
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary_;
  }

 private:
  void Diagnose(Diagnostic d) {
    if (observer_ != nullptr) observer_->OnDiagnostic(d);
    summary_.diagnostics.push_back(std::move(d));
  }

  // A corpus file (or folder) that is not read: counted, reported, and the run goes on.
  void Skip(const std::string& relative, const std::string& reason) {
    ++summary_.skipped;
    skipped_.push_back(relative + ": " + reason);
    Diagnose({Diagnostic::Severity::kWarning, relative, 0, "skipped: " + reason});
  }

  // --strict: every skip was reported as it happened; the run fails, naming them.
  Status StrictFailure() const {
    std::string message = std::to_string(skipped_.size()) + (skipped_.size() == 1 ? " file" : " files") +
                          " skipped, and --strict makes that an error: ";
    for (size_t i = 0; i < skipped_.size() && i < 5; ++i) message += (i > 0 ? "; " : "") + skipped_[i];
    if (skipped_.size() > 5) message += "; and " + std::to_string(skipped_.size() - 5) + " more";
    return Status::InvalidInput(message);
  }

  Status Prepare() {
    auto listing = ingest::ScanCorpus(options_.corpus);
    if (!listing.ok()) return listing.status();
    listing_ = std::move(listing).value();
    for (Diagnostic& d : listing_.problems) Diagnose(std::move(d));
    for (const ingest::SkippedEntry& entry : listing_.skipped) Skip(entry.relative, entry.reason);
    fs::path manifest = options_.manifest;
    std::error_code ec;
    if (manifest.empty() && fs::is_regular_file(options_.corpus / ingest::OutletManifest::kDefaultFileName, ec)) {
      manifest = options_.corpus / ingest::OutletManifest::kDefaultFileName;
    }
    if (!manifest.empty()) {
      auto loaded = ingest::OutletManifest::Load(manifest);
      if (!loaded.ok()) return loaded.status();
      manifest_ = std::move(loaded).value();
    }
    fs::create_directories(options_.out_dir, ec);
    if (ec || !fs::is_directory(options_.out_dir, ec)) {
      return Status::IoError(options_.out_dir.generic_string() + ": cannot create the output folder" +
                             (ec ? ": " + ec.message() : ""));
    }
    Status writable = CheckWritable(options_.out_dir);
    if (!writable.ok()) return writable;
    summary_.db = options_.db.empty() ? options_.out_dir / "crosscheck.db" : options_.db;
    if (summary_.db.has_parent_path()) fs::create_directories(summary_.db.parent_path(), ec);
    // One run per store at a time; held until this run ends.
    auto lock = store::RunLock::Acquire(summary_.db);
    if (!lock.ok()) return lock.status();
    lock_ = std::move(lock).value();
    auto store = store::Store::Open(summary_.db);
    if (!store.ok()) return store.status();
    store_ = std::move(store).value();
    auto interrupted = store_->MarkInterruptedRuns();
    if (!interrupted.ok()) return interrupted.status();
    if (*interrupted > 0 && observer_ != nullptr) {
      // Logged, not reported: the report must not depend on how earlier runs ended.
      observer_->OnDiagnostic({Diagnostic::Severity::kNotice, summary_.db.generic_string(), 0,
                               std::to_string(*interrupted) +
                                   " earlier run(s) of this store were interrupted; their completed batches are "
                                   "reused, and they are now marked failed"});
    }
    return Status::Ok();
  }

  // One corpus file on its way through ingest and extract, in corpus order.
  struct Item {
    enum class Kind { kExtract, kReused, kSkipped };
    Kind kind = Kind::kExtract;
    size_t done = 0;            // files read so far, for progress
    std::string relative;
    bool html = false;
    std::string bytes;          // until the worker prepares the document
    std::string hash;
    text::TextSniff sniff;      // of the bytes, for the worker
    uint64_t size = 0;          // bytes read
    DocumentSource source;
    std::string reason;         // why it was skipped
    std::vector<Diagnostic> notes;  // a reused document's stored ingest notices
    bool duplicate = false;     // reused from a document extracted earlier in this run
    // A partial re-extraction (same content, extractor and knowledge; some
    // templates changed, added or removed): the changed and added templates
    // run first, and every template where they, or the changed and removed
    // ones before, built a claim.
    const extract::ExtractionFocus* focus = nullptr;
    std::vector<uint32_t> rerun_sentences;          // where changed or removed templates built claims before
    std::vector<store::TemplateRecord> stored_templates;  // as stored, by template id
    Document document;
    std::vector<Claim> claims;
    std::vector<store::TemplateRecord> templates;  // what the document is now extracted with
    std::vector<uint32_t> replaced_sentences;      // a partial re-extraction's matched sentences
  };

  // Runs on a worker thread: everything here is a pure function of the item.
  void Work(Item& item) {
    const auto started = std::chrono::steady_clock::now();
    item.document = impl_.loader->FromBytes(std::move(item.bytes), std::move(item.source), item.html,
                                            {item.hash, std::move(item.sniff)});
    const auto prepared = std::chrono::steady_clock::now();
    ingest_ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(prepared - started).count();
    if (std::string reason = ingest::EmptyDocumentReason(item.document); !reason.empty()) {
      item.kind = Item::Kind::kSkipped;  // e.g. a page of scripts and navigation only
      item.reason = std::move(reason);
      return;
    }
    extract::ExtractOptions extract_options;
    extract_options.focus = item.focus;
    extract_options.rerun_sentences = item.focus != nullptr ? &item.rerun_sentences : nullptr;
    extract::Extraction extraction = impl_.extractor->Extract(item.document, extract_options);
    item.claims = std::move(extraction.claims);
    item.templates = TemplateRecords(item, extraction);
    if (item.focus != nullptr) item.replaced_sentences = std::move(extraction.matched);
    extract_ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - prepared).count();
  }

  // The templates a document is extracted with after `extraction`: each
  // one's fingerprint and the sentences where it built a claim. After a
  // partial one, a template that did not run keeps its stored sentences
  // outside those matched again.
  std::vector<store::TemplateRecord> TemplateRecords(const Item& item, const extract::Extraction& extraction) const {
    const auto& all = impl_.templates->templates();
    std::vector<store::TemplateRecord> records;
    records.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      store::TemplateRecord record{all[i].spec.id, all[i].fingerprint, extraction.candidate_sentences[i]};
      if (item.focus != nullptr && !item.focus->templates()[i]) {
        auto stored = std::lower_bound(item.stored_templates.begin(), item.stored_templates.end(), record.template_id,
                                       [](const store::TemplateRecord& r, const std::string& id) { return r.template_id < id; });
        if (stored != item.stored_templates.end() && stored->template_id == record.template_id) {
          for (uint32_t sentence : stored->sentences) {
            if (!std::binary_search(extraction.matched.begin(), extraction.matched.end(), sentence)) {
              record.sentences.push_back(sentence);
            }
          }
          std::sort(record.sentences.begin(), record.sentences.end());
        }
      }
      records.push_back(std::move(record));
    }
    return records;
  }

  // Which templates a stored document, extracted with `stored`, must be
  // extracted with again: those changed or added since, and, when some were
  // changed or removed, the sentences where they built claims. False when
  // none: the stored claims stand.
  bool PlanPartial(const std::vector<store::TemplateRecord>& stored, Item* item) {
    std::map<std::string, const store::TemplateRecord*> by_id;
    for (const store::TemplateRecord& r : stored) by_id[r.template_id] = &r;
    std::vector<std::string> rerun;
    std::set<uint32_t> sentences;
    for (const extract::CompiledTemplate& t : impl_.templates->templates()) {
      auto it = by_id.find(t.spec.id);
      if (it != by_id.end() && it->second->fingerprint == t.fingerprint) {
        by_id.erase(it);
        continue;
      }
      rerun.push_back(t.spec.id);
      if (it != by_id.end()) {
        sentences.insert(it->second->sentences.begin(), it->second->sentences.end());
        by_id.erase(it);
      }
    }
    for (const auto& [id, removed] : by_id) sentences.insert(removed->sentences.begin(), removed->sentences.end());
    if (rerun.empty() && by_id.empty()) return false;
    std::string key;
    for (const std::string& id : rerun) key += id + '\n';
    std::unique_ptr<extract::ExtractionFocus>& focus = focuses_[key];
    if (focus == nullptr) focus = impl_.extractor->Focus(rerun);  // compiled once per run for each set of templates
    item->focus = focus.get();
    item->rerun_sentences.assign(sentences.begin(), sentences.end());
    item->stored_templates = stored;
    return true;
  }

  // Reads, hashes and looks up one file (the store is this thread's alone).
  Result<Item> Read(const ingest::CorpusFile& file, size_t done) {
    Item item;
    item.done = done;
    item.relative = file.relative;
    item.html = file.html;
    item.source = manifest_.Describe(file.relative);
    auto bytes = ingest::ReadFileBytes(file.path, options_.max_file_bytes);
    if (!bytes.ok()) {
      item.kind = Item::Kind::kSkipped;
      item.reason = WithoutPath(bytes.status().message(), file.path);
      return item;
    }
    item.sniff = text::SniffText(*bytes);  // kept for the worker: the bytes are looked at once
    if (!item.sniff.reject.empty()) {
      item.kind = Item::Kind::kSkipped;  // binary, empty or only white space
      item.reason = std::move(item.sniff.reject);
      return item;
    }
    item.hash = util::Sha256Hex(*bytes);
    item.size = bytes->size();
    if (auto first = extracted_here_.find(item.hash); first != extracted_here_.end()) {
      // A copy of a document this run extracts already (syndicated stories):
      // reused like a stored one, whichever thread gets there first.
      item.kind = Item::Kind::kReused;
      item.duplicate = true;
      item.document.source = std::move(item.source);
      return item;
    }
    auto stored = store_->FindDocument(item.hash);
    if (!stored.ok()) return stored.status();
    if (stored->has_value() && (*stored)->extracted_with == impl_.base_fingerprint) {
      auto templates = store_->DocumentTemplates((*stored)->id);
      if (!templates.ok()) return templates.status();
      if (!PlanPartial(*templates, &item)) {
        // Unchanged content, same templates and knowledge: the stored claims stand,
        // and so do the notices ingest gave when it was extracted.
        auto notes = store_->DocumentDiagnostics((*stored)->id, file.relative);
        if (!notes.ok()) return notes.status();
        item.kind = Item::Kind::kReused;
        item.notes = std::move(notes).value();
        item.document.source = std::move(item.source);
        return item;
      }
    }
    extracted_here_.emplace(item.hash, Earlier{});
    item.bytes = std::move(bytes).value();
    return item;
  }

  // Takes an item back in corpus order: its diagnostics, counts and store batch.
  Status Accept(Item item) {
    if (item.duplicate) {
      const Earlier& earlier = extracted_here_[item.hash];
      if (!earlier.skipped.empty()) {
        item.kind = Item::Kind::kSkipped;
        item.reason = earlier.skipped;
      }
      item.notes = earlier.notes;
    }
    if (item.kind == Item::Kind::kSkipped) {
      if (!item.hash.empty() && !item.duplicate) extracted_here_[item.hash].skipped = item.reason;
      Skip(item.relative, item.reason);
    } else {
      summary_.bytes += item.size;
      if (item.kind == Item::Kind::kReused) {
        for (Diagnostic& d : item.notes) {
          d.path = item.relative;
          Diagnose(std::move(d));
        }
        ++summary_.reused;
      } else {
        for (const Diagnostic& d : item.document.diagnostics) Diagnose(d);
        if (!item.document.diagnostics.empty()) extracted_here_[item.hash].notes = item.document.diagnostics;
        if (item.focus != nullptr) {
          ++summary_.reextracted;
          for (size_t i = 0; i < item.focus->templates().size(); ++i) {
            if (item.focus->templates()[i]) templates_rerun_.insert(impl_.templates->templates()[i].spec.id);
          }
          summary_.sentences_rematched += item.replaced_sentences.size();
        } else {
          ++summary_.extracted;
        }
      }
      item.document.content_hash = item.hash;
      batch_.push_back(std::move(item));
    }
    if (observer_ != nullptr) observer_->OnDocument(item.done, listing_.files.size(), summary_.bytes);
    return batch_.size() >= options_.batch_size ? Flush() : Status::Ok();
  }

  Status Flush() {
    const auto started = std::chrono::steady_clock::now();
    std::vector<store::DocumentWrite> writes;
    writes.reserve(batch_.size());
    for (const Item& item : batch_) {
      const bool extracted = item.kind == Item::Kind::kExtract;
      writes.push_back({&item.document, extracted ? &item.claims : nullptr, impl_.base_fingerprint,
                        extracted ? &item.templates : nullptr,
                        extracted && item.focus != nullptr ? &item.replaced_sentences : nullptr});
    }
    Status status = store_->WriteBatch(run_, writes);
    batch_.clear();
    store_seconds_ += Since(started);
    return status;
  }

  Status Ingest() {
    if (observer_ != nullptr) observer_->OnStage("extract");
    // Every article file, read or skipped (skipped links and folders included).
    summary_.documents = listing_.files.size() + listing_.skipped.size();
    const size_t jobs = options_.jobs > 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
    summary_.jobs = jobs;
    // With one job the reading thread extracts too; with more, `jobs` workers
    // extract while it reads, hashes and writes (mostly waiting on I/O and SQLite).
    const size_t workers = jobs > 1 ? jobs : 0;
    pipeline::OrderedWorkers<Item> pool(workers, std::max<size_t>(4 * jobs, options_.batch_size),
                                        [this](Item& item) { Work(item); });
    size_t done = 0;
    double read_seconds = 0;
    Status status = Status::Ok();
    for (const ingest::CorpusFile& file : listing_.files) {
      while (status.ok() && (pool.full() || pool.NextReady())) status = Accept(pool.TakeNext());
      if (!status.ok()) break;
      const auto started = std::chrono::steady_clock::now();
      auto item = Read(file, ++done);
      read_seconds += Since(started);
      if (!item.ok()) {
        status = item.status();
        break;
      }
      const bool extract = item->kind == Item::Kind::kExtract;
      pool.Submit(std::move(item).value(), extract);
    }
    while (pool.in_flight() > 0) {
      Status accepted = Accept(pool.TakeNext());
      if (status.ok()) status = accepted;
    }
    if (status.ok()) status = Flush();
    summary_.templates_rerun.assign(templates_rerun_.begin(), templates_rerun_.end());
    // Only reading needs these, and on a large corpus they hold a path, and a
    // hash with notes, per document, which linking can reuse.
    std::vector<ingest::CorpusFile>().swap(listing_.files);
    std::unordered_map<std::string, Earlier>().swap(extracted_here_);
    // The workers' arenas held ~140 MB of freed pages after a 1 GB corpus,
    // resident for the rest of the run though no later stage could use them.
    ReleaseFreedMemory();
    AddStage("ingest", read_seconds + static_cast<double>(ingest_ns_.load()) / 1e9);
    AddStage("extract", static_cast<double>(extract_ns_.load()) / 1e9);
    return status;
  }

  static double Since(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }

  void AddStage(std::string name, double seconds) {
    struct rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    summary_.stages.push_back({std::move(name), seconds, static_cast<uint64_t>(usage.ru_maxrss)});
  }

  // Everything a report is made from, hashed: the build, the engine
  // (templates, knowledge, extractor), the options that change the files, the
  // corpus name, what ingest reported, and each document of this run with its
  // source and the content and extraction the store holds for it.
  Result<std::string> ReportKey() {
    util::Sha256 key;
    auto field = [&key](std::string_view text) { key.Field(text); };
    field(kReportSourceFingerprint);
    field(engine_.fingerprint());
    field(options_.graphviz_dot);
    field(CorpusName());
    field(std::to_string(summary_.skipped));
    for (const Diagnostic& d : summary_.diagnostics) {
      field(std::to_string(static_cast<int>(d.severity)));
      field(d.path);
      field(std::to_string(d.line));
      field(d.message);
    }
    try {
      SQLite::Statement st(store_->database(),
                           "SELECT ds.path, ds.outlet, ifnull(ds.url, ''), ifnull(ds.published, ''), d.id, d.content_hash, "
                           "ifnull(d.extracted_with, '') FROM document_sources ds JOIN documents d ON d.id = ds.document_id "
                           "WHERE ds.last_run = ? ORDER BY ds.path");
      st.bind(1, run_);
      while (st.executeStep()) {
        for (int column = 0; column < 7; ++column) field(st.getColumn(column).getString());
      }
    } catch (const SQLite::Exception& e) {
      return Status::StoreError(summary_.db.generic_string() + ": reading the run's documents: " + e.what());
    }
    return key.HexDigest();
  }

  // The report files, in the order their digests are combined.
  std::vector<fs::path> ReportFiles() const {
    return {options_.out_dir / "report.json", options_.out_dir / "report.md", options_.out_dir / "report.html"};
  }

  static std::string CombinedDigest(const std::vector<std::string>& digests) {
    util::Sha256 combined;
    for (const std::string& d : digests) combined.Update(d + "\n");
    return combined.HexDigest();
  }

  // An unchanged corpus, store and build: when the latest report was made
  // from the same key and its files are still exactly what it wrote, linking,
  // checking and writing would give the same bytes, so the files stay.
  Result<bool> KeepUnchangedReport(const std::string& key) {
    auto latest = store_->LatestReport();
    if (!latest.ok()) return latest.status();
    if (!latest->has_value() || (*latest)->key != key) return false;
    std::vector<std::string> digests;
    for (const fs::path& file : ReportFiles()) {
      digests.push_back(pipeline::FileSha256Hex(file));
      if (digests.back().empty()) return false;
    }
    if (CombinedDigest(digests) != (*latest)->digest) return false;
    const store::ReportRecord& record = **latest;
    auto verdicts = store_->CountVerdicts();
    if (!verdicts.ok()) return verdicts.status();
    auto groups = store_->CountSubjectGroups();
    if (!groups.ok()) return groups.status();
    Status status = store_->AdoptFindings(run_);
    if (!status.ok()) return status;
    status = store_->RecordReport(run_, record);
    if (!status.ok()) return status;
    summary_.claims = record.claims;
    summary_.subjects = record.subjects;
    summary_.subject_groups = *groups;
    summary_.findings = record.findings;
    summary_.verdicts = std::move(verdicts).value();
    summary_.report_kept = true;
    SetReportPaths();
    std::error_code ignored;
    for (const fs::path& file : ReportFiles()) fs::remove(file.string() + ".tmp", ignored);  // a killed run's leftovers
    return true;
  }

  void SetReportPaths() {
    const std::vector<fs::path> files = ReportFiles();
    summary_.report_json = files[0];
    summary_.report_md = files[1];
    summary_.report_html = files[2];
  }

  Status CheckAndReport() {
    auto started = std::chrono::steady_clock::now();
    auto key = ReportKey();
    if (!key.ok()) return key.status();
    report_key_ = std::move(key).value();
    auto kept = KeepUnchangedReport(report_key_);
    if (!kept.ok()) return kept.status();
    store_seconds_ += Since(started);
    if (*kept) {
      AddStage("store", store_seconds_);
      AddStage("link", 0);
      AddStage("check", 0);
      AddStage("report", 0);
      return Status::Ok();
    }
    started = std::chrono::steady_clock::now();
    auto documents = store_->LoadSources(run_);
    if (!documents.ok()) return documents.status();
    documents_ = std::move(documents).value();
    if (!std::is_sorted(documents_.begin(), documents_.end(), ByPath)) std::sort(documents_.begin(), documents_.end(), ByPath);
    store_seconds_ += Since(started);
    if (observer_ != nullptr) observer_->OnStage("link");
    // Copies of one story and quote drift from the documents' texts as the
    // store has them; then the subjects, which need the documents' anchors.
    started = std::chrono::steady_clock::now();
    TextFindings texts;
    Result<link::LinkResult> linked_or = Status::Internal("link: not run");
    double link_seconds = 0;
    double check_seconds = 0;
    if (summary_.jobs <= 1) {
      Status read = ReadTexts(store_.get(), /*anchors=*/true, &texts);
      if (!read.ok()) return read;
      link_seconds += texts.copies_seconds;
      check_seconds += texts.drift_seconds;
      const auto linking = std::chrono::steady_clock::now();
      linked_or = LinkByKind();
      link_seconds += Since(linking);
    } else {
      // The copies and quotations do not need the subjects, nor the linker
      // the copies: a second thread finds them on a read connection of its
      // own while this one reads the anchors (a pass over the texts of its
      // own, much cheaper than the copies) and links.
      Status read = Status::Internal("link: the documents' texts were not read");
      pipeline::RunTasks(2, {[&] {
                               auto reader = store::Store::OpenForReading(summary_.db);
                               read = reader.ok() ? ReadTexts(reader->get(), /*anchors=*/false, &texts) : reader.status();
                             },
                             [&] {
                               anchors_.assign(documents_.size(), {});
                               Status anchors = store_->ForEachDocumentText(run_, [this](const SourceText& text) { ChooseAnchor(text); });
                               linked_or = anchors.ok() ? LinkByKind() : Result<link::LinkResult>(anchors);
                             }});
      ReleaseFreedMemory();
      if (!read.ok()) return read;
      // Wall seconds: the linker's and the copies' overlap; the drift's busy seconds count as checking.
      link_seconds += Since(started);
      check_seconds += texts.drift_seconds;
    }
    if (!linked_or.ok()) return linked_or.status();
    SourceClusters sources = std::move(texts.sources);
    std::vector<check::QuoteDrift> drift = std::move(texts.drift);
    started = std::chrono::steady_clock::now();
    link::LinkResult linked = std::move(linked_or).value();
    link::AddSourceClusters(sources, &linked.graph);
    // The check reads each group's claims by their row ids: the linker's own
    // numbers for them (8 bytes a claim) are not needed again.
    for (link::SubjectGroup& g : linked.groups) std::vector<size_t>().swap(g.claims);
    link_seconds += Since(started);
    if (observer_ != nullptr) observer_->OnStage("check");
    started = std::chrono::steady_clock::now();
    check::ValueComparator comparator(impl_.knowledge.places());
    comparator.SetOfficeModifiers(impl_.knowledge.office_modifiers());
    for (const std::string& name : impl_.templates->types().Names()) {
      if (const auto* q = dynamic_cast<const extract::QuantitySlotType*>(impl_.templates->types().Find(name))) {
        comparator.SetTolerance(name, q->spec().tolerance);
      }
    }
    check::ConsistencyChecker checker(comparator);
    checker.SetSourceClusters(&sources);
    // A subject group whose inputs are those of a finding the last completed
    // run stored gets that finding again instead of being checked.
    auto stored = store_->LoadStoredVerdicts();
    if (!stored.ok()) return stored.status();
    auto reuse = [this, &stored, &sources](Finding* f) {
      f->input_hash = check::GroupInputHash(f->template_id, f->subject, f->claims, &sources, engine_.fingerprint(),
                                            kCheckSourceFingerprint);
      auto it = stored->find(f->id);
      if (it == stored->end() || it->second.input_hash != f->input_hash) return false;
      store::StoredVerdict& v = it->second;
      f->verdict = v.verdict;
      f->strength = v.strength;
      f->reason = std::move(v.reason);
      f->outlets = v.outlets;
      f->sources = v.sources;
      f->self_contradictions = std::move(v.self_contradictions);
      return true;
    };
    // One subject group at a time: its claims are read from the store, checked
    // (or its stored finding reused), weighed for the consensus, and let go;
    // the finding keeps their row ids. Only the groups a derived check
    // compares keep their claims until it runs.
    const std::vector<check::ElapsedRule> rules = ElapsedRules();
    const std::vector<bool> derived_input = DerivedInputs(linked, rules);
    link::LinkResult derived_linked;
    std::vector<SourcedClaim> derived_claims;
    // Its evidence waits in a file in the output folder beside the claim spool.
    check::TruthDiscoverer discoverer(&sources, comparator, {}, {options_.out_dir});
    const std::set<std::string> undated = UndatedTemplates();
    std::vector<Finding> findings;
    findings.reserve(linked.groups.size());
    std::vector<ClaimTrace> traces;  // by finding: what the report needs of its claims
    traces.reserve(linked.groups.size());
    // The writers read the claims several times: once from the store, here, then from this spool.
    auto spool = std::make_unique<report::ClaimSpool>(options_.out_dir);
    // And the findings' self-contradictions (321,000 at 1 GB) wait in one beside it.
    auto contradictions = std::make_unique<report::SelfContradictionSpool>(options_.out_dir);
    std::vector<const std::vector<int64_t>*> lists;
    lists.reserve(linked.groups.size());
    std::vector<size_t> in_order;
    in_order.reserve(linked.groups.size());
    for (const link::SubjectGroup& group : linked.groups) {
      in_order.push_back(lists.size());
      lists.push_back(&group.claim_ids);
    }
    size_t checked = 0;
    size_t loaded = 0;
    double judging_seconds = 0;
    auto judge = [&](size_t g, std::vector<SourcedClaim>&& claims) {
      const auto begun = std::chrono::steady_clock::now();
      const link::SubjectGroup& group = linked.groups[g];
      loaded += claims.size();
      if (derived_input[g]) {
        link::SubjectGroup copy{group.subject, group.template_id, {}, {}};
        for (const SourcedClaim& c : claims) {
          copy.claims.push_back(derived_claims.size());
          derived_claims.push_back(c);
        }
        derived_linked.groups.push_back(std::move(copy));
      }
      bool judged = false;
      Finding f = checker.CheckGroup(group, std::move(claims), reuse, &judged);
      checked += judged ? 1 : 0;
      discoverer.Add(f);
      traces.push_back(LetClaimsGo(&f, spool.get(), contradictions.get()));
      findings.push_back(std::move(f));
      judging_seconds += Since(begun);
    };
    Status read = Status::Ok();
    if (summary_.jobs <= 1) {
      read = store_->ForEachClaimList(run_, lists, in_order, [&](size_t g, std::vector<SourcedClaim>&& claims) {
        const auto begun = std::chrono::steady_clock::now();
        for (SourcedClaim& c : claims) ResolveTime(undated, &c);
        judging_seconds += Since(begun);
        judge(g, std::move(claims));
        return true;
      });
    } else {
      // A second thread reads the groups (and dates their claims) while this
      // one judges them, in the same order; a few groups wait in between.
      using Group = std::pair<size_t, std::vector<SourcedClaim>>;
      pipeline::HandoffQueue<Group> queue(kClaimsAhead);
      std::thread reader([&] {
        size_t position = 0;  // in in_order, of the group just read
        read = store_->ForEachClaimList(run_, lists, in_order, [&](size_t g, std::vector<SourcedClaim>&& claims) {
          for (SourcedClaim& c : claims) ResolveTime(undated, &c);
          const size_t weight = claims.size();
          if (!queue.Push({g, std::move(claims)}, weight)) return false;
          // The next group is read only when it may join what is held: a
          // large one is not read while another is judged (two of ~100,000
          // claims were ~300 MB at 1 GB).
          ++position;
          return position >= in_order.size() || queue.WaitForRoom(lists[in_order[position]]->size());
        });
        queue.Close();
      });
      // The reader ends even when judging throws.
      struct Joined {
        pipeline::HandoffQueue<Group>* queue;
        std::thread* reader;
        ~Joined() {
          queue->Cancel();
          reader->join();
        }
      } joined{&queue, &reader};
      while (std::optional<Group> group = queue.Pop()) judge(group->first, std::move(group->second));
    }
    if (summary_.jobs > 1) ReleaseFreedMemory();
    if (!read.ok()) return read;
    if (!spool->status().ok()) return spool->status();
    // Every claim is in one group unless its template is unknown to this engine,
    // which a store this engine wrote cannot hold.
    if (loaded != summary_.claims) {
      return Status::Internal(std::to_string(summary_.claims) + " claims are stored, but " + std::to_string(loaded) +
                              " were linked");
    }
    std::unordered_map<std::string, store::StoredVerdict>().swap(*stored);
    // The report's order (conflicts first), and the consensus weighed in it.
    std::vector<size_t> order(findings.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&findings](size_t a, size_t b) { return check::ReportedBefore(findings[a], findings[b]); });
    {
      std::vector<Finding> sorted;
      std::vector<ClaimTrace> sorted_traces;
      sorted.reserve(findings.size());
      sorted_traces.reserve(findings.size());
      for (size_t i : order) {
        sorted.push_back(std::move(findings[i]));
        sorted_traces.push_back(std::move(traces[i]));
      }
      findings = std::move(sorted);
      traces = std::move(sorted_traces);
    }
    // Consensus weighs values of one subject; a derived check compares two kinds and has none.
    check::TruthDiscovery truth = discoverer.Run(order);
    if (!discoverer.status().ok()) return discoverer.status();
    // Derived facts (durations against start dates) after the findings they come from.
    const size_t judged = findings.size();  // the findings of subject groups; derived ones follow
    std::vector<Finding> derived = check::CheckElapsed(
        derived_linked, derived_claims, rules,
        [this](const std::string& path) -> const extract::TimeAnchor* {
          const size_t d = FindDocument(path);
          return d < anchors_.size() ? &anchors_[d] : nullptr;
        },
        comparator, &sources);
    std::vector<SourcedClaim>().swap(derived_claims);
    for (Finding& f : derived) {
      traces.push_back(LetClaimsGo(&f, spool.get(), contradictions.get()));
      findings.push_back(std::move(f));
    }
    // Each document's claims in findings order, for report.html's document view.
    std::vector<std::vector<int64_t>> document_claims(documents_.size());
    std::vector<size_t> claims_of_document(documents_.size(), 0);  // of the groups' claims, not derived findings' copies
    std::vector<std::vector<std::string>> outlets;
    outlets.reserve(findings.size());
    std::vector<std::vector<int64_t>> spooled;  // by finding: its claims' keys in the spool
    spooled.reserve(findings.size());
    std::vector<bool> timed(findings.size());  // by finding: some claim says when
    std::vector<int64_t> contradiction_keys(findings.size());  // by finding: its key in `contradictions`
    for (size_t i = 0; i < findings.size(); ++i) {
      for (size_t j = 0; j < traces[i].documents.size(); ++j) {
        const uint32_t document = traces[i].documents[j];
        if (document >= document_claims.size()) continue;
        document_claims[document].push_back(traces[i].spooled[j]);
        if (i < judged) ++claims_of_document[document];
      }
      outlets.push_back(std::move(traces[i].outlets));
      spooled.push_back(std::move(traces[i].spooled));
      timed[i] = traces[i].timed;
      contradiction_keys[i] = traces[i].contradictions;
    }
    std::vector<ClaimTrace>().swap(traces);
    if (!stray_.empty()) {
      return Status::Internal(stray_ + ": a claim's document is not among the run's " +
                              std::to_string(documents_.size()) + " documents");
    }
    // The findings hold their claims' row ids: the groups' lists are not read again.
    for (link::SubjectGroup& g : linked.groups) std::vector<int64_t>().swap(g.claim_ids);
    summary_.subjects = linked.subjects;
    summary_.subject_groups = linked.groups.size();
    summary_.subjects_checked = checked;
    summary_.findings = findings.size();
    for (const Finding& f : findings) ++summary_.verdicts[f.verdict];
    const double total_seconds = Since(started);
    check_seconds += judging_seconds;
    store_seconds_ += total_seconds - judging_seconds;  // reading the claims back
    // The writers find a finding's claims by their keys in the spool; the
    // store keeps their row ids.
    std::vector<std::vector<int64_t>> row_ids(findings.size());
    for (size_t i = 0; i < findings.size(); ++i) {
      row_ids[i] = std::move(findings[i].claim_ids);
      findings[i].claim_ids = std::move(spooled[i]);
    }
    std::vector<std::vector<int64_t>>().swap(spooled);
    Status status = Status::Ok();
    if (summary_.jobs <= 1) {
      started = std::chrono::steady_clock::now();
      status = store_->ReplaceFindings(run_, findings, &row_ids, ContradictionsOf(*contradictions, contradiction_keys));
      if (!status.ok()) return status;
      std::vector<std::vector<int64_t>>().swap(row_ids);
      store_seconds_ += Since(started);
    }
    AddStage("store", store_seconds_);
    AddStage("link", link_seconds);
    AddStage("check", check_seconds);
    started = std::chrono::steady_clock::now();
    // With --jobs 2+ the findings are stored beside the writers (row_ids not empty).
    status = WriteReport(std::move(claims_of_document), linked, std::move(findings), std::move(outlets),
                         std::move(timed), std::move(document_claims), *spool, *contradictions,
                         std::move(contradiction_keys), std::move(sources), std::move(drift), std::move(truth),
                         summary_.jobs <= 1 ? nullptr : &row_ids);
    AddStage("report", Since(started));
    return status;
  }

  // What the documents' texts give: copies of one story and quote drift,
  // with the busy seconds of each.
  struct TextFindings {
    SourceClusters sources;
    std::vector<check::QuoteDrift> drift;
    double copies_seconds = 0;
    double drift_seconds = 0;
  };

  // One pass over the run's documents in `store` for copies and quotations,
  // and their anchors when `anchors` (into anchors_); none of them keeps a
  // document's text.
  Status ReadTexts(store::Store* store, bool anchors, TextFindings* out) {
    const auto started = std::chrono::steady_clock::now();
    auto count = store->CountDocumentTexts(run_);
    if (!count.ok()) return count.status();
    link::SourceClusterDetector copies(*count);
    check::QuoteDriftFinder drift_finder;
    if (anchors) anchors_.assign(documents_.size(), {});
    double drift_seconds = 0;
    Status read = store->ForEachDocumentText(run_, [&](const SourceText& text) {
      if (anchors) ChooseAnchor(text);
      copies.Add(text);
      const auto begun = std::chrono::steady_clock::now();
      drift_finder.Add(text);
      drift_seconds += Since(begun);
    });
    if (!read.ok()) return read;
    auto clusters = copies.Finish();
    if (!clusters.ok()) return clusters.status();
    out->sources = std::move(clusters).value();
    out->copies_seconds = Since(started) - drift_seconds;
    const auto finishing = std::chrono::steady_clock::now();
    out->drift = drift_finder.Finish();
    out->drift_seconds = drift_seconds + Since(finishing);
    return Status::Ok();
  }

  // What the report needs of a finding's claims once they are let go: their
  // outlets, sorted, the document of each (its number in documents_), and
  // each one's key in the spool the writers read them from.
  struct ClaimTrace {
    std::vector<std::string> outlets;
    std::vector<uint32_t> documents;
    std::vector<int64_t> spooled;
    bool timed = false;  // some claim says when its event happened
    int64_t contradictions = -1;  // the key of its self-contradictions in their spool
  };

  // Keeps a finding's claims as row ids, and what the report needs of them.
  ClaimTrace LetClaimsGo(Finding* f, report::ClaimSpool* spool, report::SelfContradictionSpool* contradictions) {
    std::set<std::string> outlets;
    ClaimTrace trace;
    trace.documents.reserve(f->claims.size());
    trace.spooled.reserve(f->claims.size());
    f->claim_ids.clear();
    f->claim_ids.reserve(f->claims.size());
    for (const SourcedClaim& c : f->claims) {
      f->claim_ids.push_back(c.id);
      outlets.insert(c.source.outlet);
      trace.documents.push_back(DocumentOf(c.source.path));
      trace.spooled.push_back(spool->Append(c));
      trace.timed = trace.timed || c.claim.has_when;
    }
    std::vector<SourcedClaim>().swap(f->claims);
    trace.outlets.assign(outlets.begin(), outlets.end());
    trace.contradictions = contradictions->Take(&f->self_contradictions);
    return trace;
  }

  // How the store reads findings' self-contradictions from their spool.
  static store::Store::ContradictionsOf ContradictionsOf(const report::SelfContradictionSpool& spool,
                                                        const std::vector<int64_t>& keys) {
    return [&spool, &keys](size_t finding, std::vector<SelfContradiction>* out) {
      if (finding >= keys.size()) return Status::Internal("writing findings: no self-contradictions for finding " + std::to_string(finding));
      return spool.Read(keys[finding], out) ? Status::Ok() : spool.status();
    };
  }

  // The groups some derived check compares: a duration template's and its
  // start template's groups of subjects that have both.
  static std::vector<bool> DerivedInputs(const link::LinkResult& linked, const std::vector<check::ElapsedRule>& rules) {
    std::vector<bool> wanted(linked.groups.size(), false);
    for (const check::ElapsedRule& rule : rules) {
      std::set<std::string> durations;
      std::set<std::string> starts;
      for (const link::SubjectGroup& g : linked.groups) {
        if (g.template_id == rule.duration_template) durations.insert(g.subject.id);
        if (g.template_id == rule.start_template) starts.insert(g.subject.id);
      }
      for (size_t i = 0; i < linked.groups.size(); ++i) {
        const link::SubjectGroup& g = linked.groups[i];
        if ((g.template_id == rule.duration_template || g.template_id == rule.start_template) &&
            durations.count(g.subject.id) > 0 && starts.count(g.subject.id) > 0) {
          wanted[i] = true;
        }
      }
    }
    return wanted;
  }

  Result<size_t> CountClaims() {
    try {
      SQLite::Statement st(store_->database(),
                           "SELECT count(*) FROM claims WHERE document_id IN "
                           "(SELECT document_id FROM document_sources WHERE last_run = ?)");
      st.bind(1, run_);
      st.executeStep();
      return static_cast<size_t>(st.getColumn(0).getInt64());
    } catch (const SQLite::Exception& e) {
      return Status::StoreError(summary_.db.generic_string() + ": counting claims: " + e.what());
    }
  }

  Status WriteReport(std::vector<size_t> claims_per_document, const link::LinkResult& linked,
                     std::vector<Finding> findings, std::vector<std::vector<std::string>> outlets,
                     std::vector<bool> timed, std::vector<std::vector<int64_t>> document_claims, const report::ClaimSpool& claims,
                     const report::SelfContradictionSpool& contradictions, std::vector<int64_t> contradiction_keys,
                     SourceClusters sources,
                     std::vector<check::QuoteDrift> drift, check::TruthDiscovery truth,
                     const std::vector<std::vector<int64_t>>* row_ids) {
    if (observer_ != nullptr) observer_->OnStage("report");
    Status status = Status::Ok();
    report::ReportData data;
    data.corpus = CorpusName();
    data.documents = std::move(documents_);
    data.anchors = std::move(anchors_);  // no longer read: the claims are resolved
    data.claims_per_document = std::move(claims_per_document);
    data.claims = summary_.claims;
    data.subjects = linked.subjects;
    data.skipped_documents = summary_.skipped;
    data.findings = std::move(findings);
    data.finding_outlets = std::move(outlets);
    data.finding_timed = std::move(timed);
    data.document_claims = std::move(document_claims);
    data.claim_reader = &claims;
    data.contradictions = &contradictions;
    data.contradiction_keys = std::move(contradiction_keys);
    data.sources = std::move(sources);
    data.quote_drift = std::move(drift);
    data.truth = std::move(truth);
    data.diagnostics = summary_.diagnostics;
    std::stable_sort(data.diagnostics.begin(), data.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.path != b.path ? a.path < b.path : a.line < b.line;
    });
    status = LoadDocumentStats(&data);
    if (!status.ok()) return status;
    data.graph_svg = DrawGraph(linked.graph);
    SetReportPaths();
    // Each report streams straight to its file: they are several times the
    // size of the claims on large corpora.
    // A report whose claims could not all be read is not written.
    auto unless_failed = [&claims, &contradictions](std::ostream& out) {
      if (!claims.status().ok() || !contradictions.status().ok()) out.setstate(std::ios::badbit);
    };
    const std::vector<std::function<void(std::ostream&)>> writers = {
        [&](std::ostream& out) { report::WriteJsonReport(data, out); unless_failed(out); },
        [&](std::ostream& out) { report::WriteMarkdownReport(data, out); unless_failed(out); },
        [&](std::ostream& out) { report::WriteHtmlReport(data, out); unless_failed(out); }};
    const std::vector<fs::path> files = ReportFiles();
    // With --jobs 2 and more the files are written side by side, report.json
    // (the largest) first; each reads the spool through its own window.
    std::vector<Result<std::string>> written(files.size(), Status::Internal("report: not written"));
    std::vector<std::function<void()>> tasks;
    Status stored = Status::Ok();
    for (size_t i : {size_t{0}, size_t{2}, size_t{1}}) {
      tasks.push_back([&, i] { written[i] = pipeline::WriteFileAtomically(files[i], writers[i]); });
      // The findings into the store, beside the writers: neither changes them.
      if (i == 0 && row_ids != nullptr) tasks.push_back([&] {
        stored = store_->ReplaceFindings(run_, data.findings, row_ids, ContradictionsOf(contradictions, data.contradiction_keys));
      });
    }
    pipeline::RunTasks(summary_.jobs, tasks);
    if (!stored.ok()) return stored;
    if (!claims.status().ok()) return claims.status();
    if (!contradictions.status().ok()) return contradictions.status();
    std::vector<std::string> digests;
    for (Result<std::string>& digest : written) {
      if (!digest.ok()) return digest.status();
      digests.push_back(std::move(digest).value());
    }
    store::ReportRecord record;
    record.key = report_key_;
    record.digest = CombinedDigest(digests);
    record.subjects = summary_.subjects;
    return store_->RecordReport(run_, record);
  }

  // The corpus folder's name, as the report gives it.
  std::string CorpusName() const {
    std::string corpus = fs::absolute(options_.corpus).lexically_normal().filename().string();
    if (corpus.empty()) corpus = fs::absolute(options_.corpus).lexically_normal().parent_path().filename().string();
    return ingest::DisplayPath(corpus);  // a folder name need not be UTF-8; the report is
  }

  // Duration templates checked against the start dates they count from (`since`).
  std::vector<check::ElapsedRule> ElapsedRules() const {
    std::vector<check::ElapsedRule> rules;
    for (const auto& t : impl_.templates->templates()) {
      if (t.spec.since.empty()) continue;
      const auto* q = dynamic_cast<const extract::QuantitySlotType*>(impl_.templates->types().Find(t.spec.value_type));
      if (q == nullptr) continue;  // refused when the templates were loaded
      rules.push_back({t.spec.id, t.spec.since, extract::DaysPerUnit(q->spec().base_unit)});
    }
    return rules;
  }

  static bool ByPath(const DocumentSource& a, const DocumentSource& b) { return a.path < b.path; }

  // The number of `path` in `documents` (sorted by path), or SIZE_MAX when it is not there.
  static size_t FindDocument(const std::vector<DocumentSource>& documents, const std::string& path) {
    auto it = std::lower_bound(documents.begin(), documents.end(), path,
                               [](const DocumentSource& d, const std::string& p) { return d.path < p; });
    return it != documents.end() && it->path == path ? static_cast<size_t>(it - documents.begin()) : SIZE_MAX;
  }
  size_t FindDocument(const std::string& path) const { return FindDocument(documents_, path); }

  // The same for a claim's document, which must be one of the run's: a stray
  // one is remembered (and fails the run) and counted as the first.
  uint32_t DocumentOf(const std::string& path) {
    const size_t d = FindDocument(path);
    if (d < documents_.size()) return static_cast<uint32_t>(d);
    if (stray_.empty()) stray_ = path.empty() ? "(no path)" : path;
    return 0;
  }

  // A document's anchor date: the manifest's publication date, else a date its text states.
  void ChooseAnchor(const SourceText& text) {
    const size_t d = FindDocument(text.source.path);
    if (d < anchors_.size()) {
      anchors_[d] = extract::ChooseAnchor(manifest_.Describe(text.source.path).published, text.sentences);
    }
  }

  // Templates whose claims a date does not date: `dated = false` (a title is
  // no event), and durations counted from a start date ("three years of
  // war"), whose sentence's day is when it was said.
  std::set<std::string> UndatedTemplates() const {
    std::set<std::string> undated;
    for (const check::ElapsedRule& rule : ElapsedRules()) undated.insert(rule.duration_template);
    for (const auto& t : impl_.templates->templates()) {
      if (!t.spec.dated) undated.insert(t.spec.id);
    }
    return undated;
  }

  void ResolveTime(const std::set<std::string>& undated, SourcedClaim* claim) {
    Claim& c = claim->claim;
    if (undated.count(c.template_id) > 0 && c.value.kind != ValueKind::kDate) {
      c.time.clear();
      c.has_when = false;  // the sentence's day is not when this happened: no need to search for it
      return;
    }
    const size_t d = FindDocument(claim->source.path);
    extract::ResolveClaimTime(d < anchors_.size() ? anchors_[d] : extract::TimeAnchor{}, &c);
  }

  // Links each subject kind's claims, read from the store as light
  // projections (link::LinkClaim) and let go before the next kind. Groups
  // carry store row ids, by which the check reads them back.
  Result<link::LinkResult> LinkByKind() {
    const std::map<std::string, link::TemplateRules> rules = RulesOf(*impl_.templates);
    std::map<std::string, std::vector<std::string>> templates_of;  // by kind, in ascending order
    for (const auto& [id, rule] : rules) templates_of[rule.subject_kind].push_back(id);
    auto place_names = store_->NamedEntities(run_, "place");
    if (!place_names.ok()) return place_names.status();
    // The graph is kept only as large as Graphviz will draw it. Every claim is
    // one of its vertices, so with more claims than that it cannot be drawn: a
    // limit of none then spares the fields it would need of each claim, and
    // lets identical claims fold (hundreds of MB on a 1 GB corpus).
    auto claim_count = CountClaims();
    if (!claim_count.ok()) return claim_count.status();
    summary_.claims = *claim_count;  // the check compares what it reads with it
    const size_t graph_vertices =
        options_.graphviz_dot.empty() || summary_.claims > kMaxGraphvizVertices ? 0 : kMaxGraphvizVertices;
    link::SubjectLinker linker(rules, &impl_.knowledge.places(), std::move(place_names).value(), graph_vertices);
    const std::set<std::string> undated = UndatedTemplates();
    for (const auto& [kind, templates] : templates_of) {
      link::SharedStrings strings;
      link::LinkClaimFolder claims;
      size_t count = 0;
      Status read = store_->ForEachClaimToLink(run_, templates, [&](SourcedClaim&& claim) {
        ResolveTime(undated, &claim);
        claims.Add(link::ToLinkClaim(claim, count++, &strings, graph_vertices > 0));
      });
      if (!read.ok()) return read;
      linker.LinkKind(kind, claims.claims());
    }
    return linker.Finish();
  }

  // Sentence and boilerplate counts of each document in the report, for the
  // HTML document view. Read from the store, which has them for reused
  // documents too.
  Status LoadDocumentStats(report::ReportData* data) {
    try {
      SQLite::Statement st(store_->database(),
                           "SELECT ds.path, d.sentences, (SELECT count(*) FROM removed_spans r WHERE r.document_id = d.id) "
                           "FROM document_sources ds JOIN documents d ON d.id = ds.document_id WHERE ds.last_run = ?");
      st.bind(1, run_);
      data->document_stats.assign(data->documents.size(), std::nullopt);
      while (st.executeStep()) {
        const size_t d = FindDocument(data->documents, st.getColumn(0).getString());
        if (d >= data->document_stats.size()) continue;
        report::DocumentStats& stats = data->document_stats[d].emplace();
        stats.sentences = static_cast<size_t>(st.getColumn(1).getInt64());
        stats.removed = static_cast<size_t>(st.getColumn(2).getInt64());
      }
      return Status::Ok();
    } catch (const SQLite::Exception& e) {
      return Status::StoreError(summary_.db.generic_string() + ": reading document statistics: " + e.what());
    }
  }

  // The subject graph drawn by Graphviz, or "" for report.html's built-in
  // layout when dot is not wanted, missing, slow or failing (a notice says so).
  std::string DrawGraph(const link::SubjectGraph& graph) {
    if (options_.graphviz_dot.empty()) return "";
    if (graph.overflowed() || boost::num_vertices(graph.graph()) > kMaxGraphvizVertices) {
      Notify("the subject graph is too large for Graphviz; report.html draws the built-in layout");
      return "";
    }
    if (boost::num_vertices(graph.graph()) == 0) return "";
    std::ostringstream dot;
    graph.WriteGraphviz(dot);
    report::GraphvizOptions graphviz;
    graphviz.program = options_.graphviz_dot;
    auto svg = report::RenderSvgWithGraphviz(dot.str(), graphviz);
    if (!svg.ok()) {
      Notify(svg.status().message() + "; report.html draws the subject graph with the built-in layout");
      return "";
    }
    return std::move(svg).value();
  }

  // Tells the observer without making it part of the report: whether Graphviz
  // is installed must not change report.json.
  void Notify(std::string message) {
    if (observer_ != nullptr) observer_->OnDiagnostic({Diagnostic::Severity::kNotice, "report.html", 0, std::move(message)});
  }

  const Engine& engine_;
  const Engine::Impl& impl_;
  const RunOptions& options_;
  RunObserver* observer_;
  ingest::CorpusListing listing_;
  ingest::OutletManifest manifest_;
  std::unique_ptr<store::RunLock> lock_;  // declared before the store: released after it closes
  std::unique_ptr<store::Store> store_;
  std::vector<std::string> skipped_;  // "path: reason", for --strict
  // The run's documents, sorted by path: the report's per-document data is
  // kept by their numbers here, not in maps keyed by path.
  std::vector<DocumentSource> documents_;
  std::vector<extract::TimeAnchor> anchors_;  // by document
  std::string stray_;  // the first claim's document that is not among the run's
  int64_t run_ = 0;
  std::string report_key_;  // see ReportKey()
  RunSummary summary_;
  std::vector<Item> batch_;                 // accepted, not yet written
  // Content this run extracts, by hash: what copies of it inherit.
  struct Earlier {
    std::vector<Diagnostic> notes;  // ingest notices
    std::string skipped;            // why it was skipped after reading, if it was
  };
  std::unordered_map<std::string, Earlier> extracted_here_;
  // Focuses of partial re-extractions, by the templates re-run ("id\n..."): built once per run.
  std::map<std::string, std::unique_ptr<extract::ExtractionFocus>> focuses_;
  std::set<std::string> templates_rerun_;  // templates some document was re-extracted with
  std::atomic<int64_t> ingest_ns_{0};       // preparing documents, summed over threads
  std::atomic<int64_t> extract_ns_{0};      // extracting claims, summed over threads
  double store_seconds_ = 0;                // writing and reading the store
};

}  // namespace

Result<RunSummary> RunReport(const Engine& engine, const RunOptions& options, RunObserver* observer) {
  return Run(engine, options, observer).Execute();
}

}  // namespace crosscheck
