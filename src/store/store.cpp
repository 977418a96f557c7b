#include "store/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <map>
#include <utility>

#include "store/migrations.h"
#include "store/schema_sql.h"

namespace crosscheck::store {
namespace {

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// Turns an SQLite failure into a Status that says what was being done.
Status FromException(const SQLite::Exception& e, const std::string& doing) {
  const int code = e.getErrorCode() & 0xFF;
  std::string message = doing + ": " + e.what();
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Status::StoreError(message + " (another crosscheck run is using this store; wait for it to finish)");
  }
  if (code == SQLITE_FULL) return Status::StoreError(message + " (the disk is full; nothing of this batch was kept)");
  if (code == SQLITE_READONLY) return Status::StoreError(message + " (the store or its folder is read-only)");
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::StoreCorrupt(message);
  if (code == SQLITE_CANTOPEN) return Status::IoError(message);
  return Status::StoreError(message);
}

void BindOptional(SQLite::Statement& st, int index, const std::string& value) {
  if (value.empty()) {
    st.bind(index);
  } else {
    st.bind(index, value);
  }
}

// For a row written at once: `value` outlives the statement's step, so SQLite
// need not copy it (the statement is reset before the next row is bound).
void BindOptionalNoCopy(SQLite::Statement& st, int index, const std::string& value) {
  if (value.empty()) {
    st.bind(index);
  } else {
    st.bindNoCopy(index, value);
  }
}

// The names of value kinds and modalities as strings that live as long as the
// program, so that rows bind them without a copy.
const std::string& ValueKindText(ValueKind kind) {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (ValueKind k : {ValueKind::kQuantity, ValueKind::kPlace, ValueKind::kEntity, ValueKind::kDate,
                        ValueKind::kEvent, ValueKind::kCategory}) {
      names.emplace_back(ValueKindName(k));
    }
    return names;
  }();
  return kNames.at(static_cast<size_t>(kind));
}

const std::string& ModalityText(Modality modality) {
  static const std::vector<std::string> kNames = {std::string(ModalityName(Modality::kAsserted)),
                                                  std::string(ModalityName(Modality::kHedged)),
                                                  std::string(ModalityName(Modality::kNegated))};
  return kNames.at(static_cast<size_t>(modality));
}

void BindBound(SQLite::Statement& st, int index, double value) {
  if (std::isinf(value) || std::isnan(value)) {
    st.bind(index);  // NULL stands for an unbounded end
  } else {
    st.bind(index, value);
  }
}

// A column's text without a copy: valid until the statement steps or resets.
std::string_view ColumnView(SQLite::Statement& st, int index) {
  const SQLite::Column c = st.getColumn(index);
  return std::string_view(static_cast<const char*>(c.getBlob()), static_cast<size_t>(c.getBytes()));
}

// Hands `visit` each sentence of a document_texts row (its `sentences` and
// `text`, see schemas/store.sql) in order. StoreError when they do not fit.
template <typename Visit>
Status SplitSentences(std::string_view layout, std::string_view text, Visit&& visit) {
  size_t offset = 0;
  const char* at = layout.data();
  const char* const end = layout.data() + layout.size();
  while (at < end) {
    uint64_t fields[4] = {0, 0, 0, 0};
    for (size_t f = 0; f < 4; ++f) {
      const auto [next, ec] = std::from_chars(at, end, fields[f]);
      const char separator = f < 3 ? ',' : ';';
      if (ec != std::errc() || (next < end && *next != separator) || (next == end && f < 3)) {
        return Status::StoreError("document_texts.sentences is not a list of \"paragraph,start,end,bytes\"");
      }
      at = next == end ? end : next + 1;
    }
    if (fields[3] > text.size() - offset) {
      return Status::StoreError("document_texts.sentences gives more text than the row holds");
    }
    visit(text.substr(offset, fields[3]));
    offset += fields[3];
  }
  if (offset != text.size()) return Status::StoreError("document_texts.text holds more than its sentences");
  return Status::Ok();
}

const char* SeverityName(Diagnostic::Severity severity) {
  switch (severity) {
    case Diagnostic::Severity::kNotice: return "notice";
    case Diagnostic::Severity::kWarning: return "warning";
    case Diagnostic::Severity::kError: return "error";
  }
  return "warning";
}

Diagnostic::Severity ParseSeverity(const std::string& name) {
  if (name == "notice") return Diagnostic::Severity::kNotice;
  if (name == "error") return Diagnostic::Severity::kError;
  return Diagnostic::Severity::kWarning;
}

std::string ColumnText(SQLite::Statement& st, int index) {
  SQLite::Column c = st.getColumn(index);
  return c.isNull() ? std::string() : c.getString();
}

// The claims of run ?1's documents (each under the first path with its
// content, so output does not depend on scan order), `where` narrowing them,
// as ReadClaimRow reads them (roles apart), in report order: ties broken by
// match end and template, never by row id, which differs between stores.
std::string RunClaimsSql(std::string_view where) {
  return "WITH src AS (SELECT document_id, min(path) AS path FROM document_sources WHERE last_run = ?1 "
         "             GROUP BY document_id) "
         "SELECT c.id, d.content_hash, s.path, ds.outlet, ds.url, ds.published, c.template_id, c.subject_kind, "
         "       c.pattern, c.value_kind, c.value_type, c.raw_value, c.value, c.value_id, c.value_unit, "
         "       c.value_lo, c.value_hi, c.value_lo_open, c.value_hi_open, c.modality, c.modality_cue, "
         "       c.attribution, c.event_time, c.sentence, c.sentence_start, c.sentence_end, c.sentence_text, "
         "       c.match_start, c.match_end, c.value_start, c.value_end, c.evidence_start, c.evidence_end "
         "FROM claims c JOIN src s ON s.document_id = c.document_id "
         "JOIN document_sources ds ON ds.path = s.path "
         "JOIN documents d ON d.id = c.document_id " +
         std::string(where) + " ORDER BY s.path, c.match_start, c.template_id, c.match_end";
}

// The roles of the same claims, as ReadRoleRow reads them, by claim.
std::string RunClaimRolesSql(std::string_view where) {
  return "WITH src AS (SELECT DISTINCT document_id FROM document_sources WHERE last_run = ?1) "
         "SELECT r.claim_id, r.role, e.name, e.kind, r.mention, r.via, r.sentence_ordinal "
         "FROM claim_roles r JOIN claims c ON c.id = r.claim_id JOIN src ON src.document_id = c.document_id "
         "JOIN entities e ON e.id = r.entity_id " +
         std::string(where) + " ORDER BY r.claim_id, r.ordinal";
}

// A result row's values, for ReadClaimRow and ReadRoleRow. SQLiteCpp's
// Column copies a shared_ptr and asks SQLite for a text's size twice per
// value (59 M of the check's 147 M claim read on 2 MB); RawRow reads a
// statement prepared through SQLite's own API (RawStatement).
struct CppRow {
  SQLite::Statement& st;
  bool IsNull(int i) const { return st.isColumnNull(i); }
  std::string Text(int i) const { return ColumnText(st, i); }
  int64_t Int(int i) const { return st.getColumn(i).getInt64(); }
  double Double(int i) const { return st.getColumn(i).getDouble(); }
};

struct RawRow {
  sqlite3_stmt* st;
  bool IsNull(int i) const { return sqlite3_column_type(st, i) == SQLITE_NULL; }
  std::string Text(int i) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
    return text == nullptr ? std::string() : std::string(text, static_cast<size_t>(sqlite3_column_bytes(st, i)));
  }
  int64_t Int(int i) const { return sqlite3_column_int64(st, i); }
  double Double(int i) const { return sqlite3_column_double(st, i); }
};

// A statement prepared through SQLite's API, finalised with its owner; errors
// are thrown as SQLiteCpp throws them.
using RawStatement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

RawStatement PrepareRaw(SQLite::Database& db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v2(db.getHandle(), sql, -1, &st, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(st);
    throw SQLite::Exception(db.getHandle(), rc);
  }
  return RawStatement(st, sqlite3_finalize);
}

// True with a row, false when done.
bool StepRaw(SQLite::Database& db, sqlite3_stmt* st) {
  const int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db.getHandle(), rc);
}

void BindRaw(SQLite::Database& db, sqlite3_stmt* st, int index, int64_t value) {
  const int rc = sqlite3_bind_int64(st, index, value);
  if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
}

template <typename Row>
SourcedClaim ReadClaimRow(const Row& row) {
  SourcedClaim sc;
  int i = 0;
  sc.id = row.Int(i++);
  sc.document_hash = row.Text(i++);
  sc.source.path = row.Text(i++);
  sc.source.outlet = row.Text(i++);
  sc.source.url = row.Text(i++);
  sc.source.published = row.Text(i++);
  Claim& c = sc.claim;
  c.template_id = row.Text(i++);
  c.subject_kind = row.Text(i++);
  c.pattern = static_cast<uint32_t>(row.Int(i++));
  const std::string kind = row.Text(i++);
  for (ValueKind k : {ValueKind::kQuantity, ValueKind::kPlace, ValueKind::kEntity, ValueKind::kDate,
                      ValueKind::kEvent, ValueKind::kCategory}) {
    if (ValueKindName(k) == kind) c.value.kind = k;
  }
  c.value.type = row.Text(i++);
  c.value.text = row.Text(i++);
  c.value.display = row.Text(i++);
  c.value.id = row.Text(i++);
  c.value.unit = row.Text(i++);
  const int lo = i++;
  const int hi = i++;
  if (c.value.kind == ValueKind::kQuantity || c.value.kind == ValueKind::kDate) {
    c.value.interval.lo = row.IsNull(lo) ? -Interval::kInfinity : row.Double(lo);
    c.value.interval.hi = row.IsNull(hi) ? Interval::kInfinity : row.Double(hi);
  }
  c.value.interval.lo_open = row.Int(i++) != 0;
  c.value.interval.hi_open = row.Int(i++) != 0;
  ParseModality(row.Text(i++), &c.modality);
  c.modality_cue = row.Text(i++);
  c.attribution = row.Text(i++);
  c.time = row.Text(i++);
  c.sentence = static_cast<uint32_t>(row.Int(i++));
  c.sentence_raw.begin = static_cast<uint32_t>(row.Int(i++));
  c.sentence_raw.end = static_cast<uint32_t>(row.Int(i++));
  c.evidence = row.Text(i++);
  c.match_raw.begin = static_cast<uint32_t>(row.Int(i++));
  c.match_raw.end = static_cast<uint32_t>(row.Int(i++));
  if (!row.IsNull(i)) {
    c.value_raw = {static_cast<uint32_t>(row.Int(i)), static_cast<uint32_t>(row.Int(i + 1))};
    c.value_in_evidence = {static_cast<uint32_t>(row.Int(i + 2)), static_cast<uint32_t>(row.Int(i + 3))};
  }
  return sc;
}

template <typename Row>
RoleFiller ReadRoleRow(const Row& row) {
  RoleFiller f;
  f.role = row.Text(1);
  f.entity = row.Text(2);
  f.entity_kind = row.Text(3);
  f.mention = row.Text(4);
  f.via = row.Text(5);
  f.sentence = static_cast<uint32_t>(row.Int(6));
  return f;
}

ConflictStrength ParseStrength(const std::string& name) {
  if (name == "firm") return ConflictStrength::kFirm;
  if (name == "weak") return ConflictStrength::kWeak;
  return ConflictStrength::kNone;
}

// Why a store that failed to open cannot be written, if that is the reason:
// SQLite says only "unable to open database file" when the file or its folder
// (where the -wal and -shm files go) is read-only.
std::string WhyNotWritable(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && ::access(path.c_str(), W_OK) != 0) {
    return " (the store is not writable: " + std::string(std::strerror(errno)) + ")";
  }
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (::access(folder.c_str(), W_OK) != 0) {
    return " (the store's folder is not writable: " + std::string(std::strerror(errno)) + ")";
  }
  return "";
}

// SQLite counts every allocation it makes for sqlite3_memory_used(), under a
// global mutex; nothing here reads the count, and a batch makes millions of
// allocations. Only possible before SQLite initialises: when something opened
// a database first (tests do), the call is refused and the counting stays.
void StopMemoryStatistics() {
  static const int kConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kConfigured;
}

// The INSERTs that write several rows at once: sql[n] is `head` followed by
// n rows of `columns` parameters, for 1 <= n <= most (starting and ending a
// statement costs more than one of its rows).
std::vector<std::string> MultiRowInserts(std::string_view head, int columns, size_t most) {
  std::string row = "(?";
  for (int k = 1; k < columns; ++k) row += ", ?";
  row += ')';
  std::vector<std::string> sql(most + 1);
  for (size_t n = 1; n <= most; ++n) {
    sql[n] = head;
    for (size_t k = 0; k < n; ++k) sql[n].append(k == 0 ? " " : ", ").append(row);
  }
  return sql;
}

// Rows of claims one INSERT writes at most (29 parameters each).
constexpr size_t kClaimsPerInsert = 16;

// The INSERT of `rows` claims, 1 <= rows <= kClaimsPerInsert.
const char* ClaimInsertSql(size_t rows) {
  static const std::vector<std::string> kSql = MultiRowInserts(
      "INSERT OR IGNORE INTO claims (id, document_id, sentence, sentence_start, sentence_end, sentence_text, "
      "template_id, pattern, subject_kind, value_kind, value_type, raw_value, value, value_id, value_unit, "
      "value_lo, value_hi, value_lo_open, value_hi_open, modality, modality_cue, attribution, event_time, "
      "match_start, match_end, value_start, value_end, evidence_start, evidence_end) VALUES",
      29, kClaimsPerInsert);
  return kSql.at(rows).c_str();
}

// Rows of claim_roles one INSERT writes at most (7 parameters each).
constexpr size_t kRolesPerInsert = 32;

// The INSERT of `rows` roles, 1 <= rows <= kRolesPerInsert.
const char* RoleInsertSql(size_t rows) {
  static const std::vector<std::string> kSql = MultiRowInserts(
      "INSERT INTO claim_roles (claim_id, ordinal, role, entity_id, mention, via, sentence_ordinal) VALUES", 7,
      kRolesPerInsert);
  return kSql.at(rows).c_str();
}

// Rows of temp.claim_lists one INSERT writes at most (3 parameters each).
constexpr size_t kListRowsPerInsert = 64;

// The INSERT of `rows` list rows, 1 <= rows <= kListRowsPerInsert.
const char* ListRowInsertSql(size_t rows) {
  static const std::vector<std::string> kSql =
      MultiRowInserts("INSERT INTO temp.claim_lists (list, ordinal, claim_id) VALUES", 3, kListRowsPerInsert);
  return kSql.at(rows).c_str();
}

// Rows of finding_claims one INSERT writes at most (3 parameters each).
constexpr size_t kMembersPerInsert = 32;

// The INSERT of `rows` finding_claims rows, 1 <= rows <= kMembersPerInsert.
const char* MemberInsertSql(size_t rows) {
  static const std::vector<std::string> kSql =
      MultiRowInserts("INSERT INTO finding_claims (finding_id, ordinal, claim_id) VALUES", 3, kMembersPerInsert);
  return kSql.at(rows).c_str();
}

void AppendNumber(uint64_t n, std::string* out) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
  (void)ec;  // 24 digits hold any 64-bit number
  out->append(buffer, end);
}

// One sentence of document_texts.sentences: "paragraph,start,end,bytes", ';' before all but the first.
void AppendSentenceLayout(uint64_t paragraph, uint64_t start, uint64_t end, uint64_t bytes, std::string* out) {
  if (!out->empty()) out->push_back(';');
  AppendNumber(paragraph, out);
  out->push_back(',');
  AppendNumber(start, out);
  out->push_back(',');
  AppendNumber(end, out);
  out->push_back(',');
  AppendNumber(bytes, out);
}

}  // namespace

const char* CurrentSchemaSql() { return kStoreSchemaSql; }

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& path) {
  StopMemoryStatistics();
  try {
    auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE |
                                                                      SQLite::OPEN_NOMUTEX);
    std::unique_ptr<Store> store(new Store(std::move(db)));
    Status status = store->Initialise();
    if (!status.ok()) return Status(status.code() == Status::Code::kStoreCorrupt
                                        ? Status::StoreCorrupt(path.generic_string() + ": " + status.message())
                                        : Status::StoreError(path.generic_string() + ": " + status.message() +
                                                             WhyNotWritable(path)));
    return store;
  } catch (const SQLite::Exception& e) {
    Status status = FromException(e, path.generic_string() + ": cannot open the store");
    if (status.code() == Status::Code::kStoreCorrupt) return status;
    const std::string message = status.message() + WhyNotWritable(path);
    return status.code() == Status::Code::kIoError ? Status::IoError(message) : Status::StoreError(message);
  }
}

Result<std::unique_ptr<Store>> Store::OpenForReading(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::IoError(path.generic_string() + ": no store here (crosscheck report writes OUT/crosscheck.db; pass --db)");
  }
  try {
    auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY);
    db->setBusyTimeout(10000);
    const int application_id = db->execAndGet("PRAGMA application_id").getInt();
    const int version = db->execAndGet("PRAGMA user_version").getInt();
    if (application_id != kApplicationId) {
      return Status::StoreCorrupt(path.generic_string() + ": not a crosscheck store");
    }
    if (version != kSchemaVersion) {
      return Status::StoreCorrupt(path.generic_string() + ": the store has schema version " + std::to_string(version) +
                                  " and this build reads version " + std::to_string(kSchemaVersion) +
                                  "; run crosscheck report on it to migrate it");
    }
    std::unique_ptr<Store> store(new Store(std::move(db)));
    store->schema_version_ = version;
    return store;
  } catch (const SQLite::Exception& e) {
    return FromException(e, path.generic_string() + ": cannot open the store");
  }
}

Result<std::unique_ptr<Store>> Store::OpenInMemory() {
  try {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::unique_ptr<Store> store(new Store(std::move(db)));
    Status status = store->Initialise();
    if (!status.ok()) return status;
    return store;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "cannot open an in-memory store");
  }
}

Store::~Store() = default;

SQLite::Statement& Store::Cached(const char* sql, bool unbind) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    it = statements_.emplace(sql, std::make_unique<SQLite::Statement>(*db_, sql)).first;
  } else {
    it->second->reset();
    if (unbind) it->second->clearBindings();
  }
  return *it->second;
}

Status Store::Initialise() {
  try {
    db_->setBusyTimeout(10000);
    db_->exec("PRAGMA foreign_keys = ON");
    const int application_id = db_->execAndGet("PRAGMA application_id").getInt();
    const int version = db_->execAndGet("PRAGMA user_version").getInt();
    const int tables = db_->execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").getInt();
    if (tables > 0 && application_id != kApplicationId) {
      return Status::StoreCorrupt("not a crosscheck store (it holds other tables); choose another --db path");
    }
    if (version > kSchemaVersion) {
      return Status::StoreCorrupt("the store has schema version " + std::to_string(version) +
                                  ", written by a newer crosscheck; this build knows versions up to " +
                                  std::to_string(kSchemaVersion) + ". Upgrade crosscheck or use another --db");
    }
    if (tables == 0) {
      SQLite::Transaction transaction(*db_);
      db_->exec(kStoreSchemaSql);
      db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      db_->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
      transaction.commit();
    } else if (version < kSchemaVersion) {
      Status migrated = Migrate(*db_, version, kSchemaVersion, KnownMigrations());
      if (!migrated.ok()) return migrated;
    }
    // WAL lets readers (the CLI views) work while a run writes, and survives
    // crashes. Set only once the store is accepted: a refused one is left as it was.
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
    // Each batch adds rows to a dozen indexes spread over the whole file: with
    // SQLite's default 2 MB of cache most of their pages are read again per batch.
    db_->exec("PRAGMA cache_size = -16384");
    schema_version_ = kSchemaVersion;
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "initialising the store");
  }
}

Result<int64_t> Store::BeginRun(const std::string& corpus, const std::string& templates_fingerprint,
                                const std::string& knowledge_fingerprint) {
  try {
    SQLite::Statement& st = Cached(
                         "INSERT INTO runs (started_at, corpus, templates_fingerprint, knowledge_fingerprint) "
                         "VALUES (?, ?, ?, ?)");
    st.bind(1, NowUtc());
    st.bind(2, corpus);
    st.bind(3, templates_fingerprint);
    st.bind(4, knowledge_fingerprint);
    st.exec();
    return static_cast<int64_t>(db_->getLastInsertRowid());
  } catch (const SQLite::Exception& e) {
    return FromException(e, "recording the run");
  }
}

Status Store::FinishRun(int64_t run, bool completed, const RunCounts& counts) {
  try {
    SQLite::Statement& st = Cached(
                         "UPDATE runs SET finished_at = ?, status = ?, documents = ?, documents_extracted = ?, "
                         "documents_skipped = ?, claims = ?, findings = ? WHERE id = ?");
    st.bind(1, NowUtc());
    st.bind(2, completed ? "completed" : "failed");
    st.bind(3, static_cast<int64_t>(counts.documents));
    st.bind(4, static_cast<int64_t>(counts.documents_extracted));
    st.bind(5, static_cast<int64_t>(counts.documents_skipped));
    st.bind(6, static_cast<int64_t>(counts.claims));
    st.bind(7, static_cast<int64_t>(counts.findings));
    st.bind(8, run);
    st.exec();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "finishing the run");
  }
}

Result<std::optional<StoredDocument>> Store::FindDocument(const std::string& content_hash) {
  try {
    SQLite::Statement& st = Cached( "SELECT id, extracted_with FROM documents WHERE content_hash = ?");
    st.bind(1, content_hash);
    if (!st.executeStep()) return std::optional<StoredDocument>();
    StoredDocument found{st.getColumn(0).getInt64(), ColumnText(st, 1)};
    st.reset();
    return std::optional<StoredDocument>(found);
  } catch (const SQLite::Exception& e) {
    return FromException(e, "looking up a document");
  }
}

Result<std::vector<Diagnostic>> Store::DocumentDiagnostics(int64_t document_id, const std::string& path) {
  try {
    std::vector<Diagnostic> out;
    SQLite::Statement& st = Cached(
        "SELECT severity, line, message FROM document_diagnostics WHERE document_id = ? ORDER BY ordinal");
    st.bind(1, document_id);
    while (st.executeStep()) {
      out.push_back({ParseSeverity(ColumnText(st, 0)), path, static_cast<uint32_t>(st.getColumn(1).getInt64()),
                     ColumnText(st, 2)});
    }
    st.reset();
    return out;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading a document's diagnostics");
  }
}

Result<size_t> Store::MarkInterruptedRuns() {
  try {
    SQLite::Statement& st = Cached("UPDATE runs SET status = 'failed' WHERE status = 'running'");
    return static_cast<size_t>(st.exec());
  } catch (const SQLite::Exception& e) {
    return FromException(e, "closing interrupted runs");
  }
}

Result<int64_t> Store::EntityId(const std::string& kind, const std::string& name, bool known) {
  // One buffer for the key: most roles name an entity already seen, and a lookup should not allocate.
  std::string& key = entity_key_;
  key.assign(kind);
  key += '\t';
  key += name;
  if (auto it = entity_ids_.find(key); it != entity_ids_.end()) return it->second;
  SQLite::Statement& insert = Cached( "INSERT INTO entities (kind, name, known) VALUES (?, ?, ?) "
                                 "ON CONFLICT (kind, name) DO UPDATE SET known = max(known, excluded.known) "
                                 "RETURNING id");
  insert.bind(1, kind);
  insert.bind(2, name);
  insert.bind(3, known ? 1 : 0);
  insert.executeStep();
  const int64_t id = insert.getColumn(0).getInt64();
  insert.reset();
  entity_ids_.emplace(key, id);
  return id;
}

Status Store::InsertClaims(int64_t document_id, const Document& doc, const std::vector<Claim>& claims) {
  // Claims and roles several to a statement (starting and ending one costs
  // about as much as a row), with the claims' ids given here as SQLite would
  // give them (one more than the largest), so that their roles can follow.
  // OR IGNORE applies row by row: a claim that matches one already stored or
  // an earlier one of the statement is not written, and neither are its roles.
  // A claim's roles are numbered in its order; the same role and entity twice
  // is written once (claim_roles' key is the ordinal, schemas/store.sql).
  struct PendingRole {
    int64_t claim_id;
    int64_t ordinal;
    int64_t entity_id;
    const RoleFiller* filler;
  };
  std::vector<PendingRole> roles;
  roles.reserve(kRolesPerInsert);
  std::vector<std::pair<const std::string*, int64_t>> written_roles;  // one claim's role and entity pairs
  auto insert_roles = [&] {
    if (roles.empty()) return;
    SQLite::Statement& role = Cached(RoleInsertSql(roles.size()), false);
    int i = 1;
    for (const PendingRole& r : roles) {
      role.bind(i++, r.claim_id);
      role.bind(i++, r.ordinal);
      role.bindNoCopy(i++, r.filler->role);
      role.bind(i++, r.entity_id);
      role.bindNoCopy(i++, r.filler->mention);
      role.bindNoCopy(i++, r.filler->via);
      role.bind(i++, static_cast<int64_t>(r.filler->sentence));
    }
    role.exec();
    roles.clear();
  };
  for (const Claim& c : claims) {
    if (c.sentence >= doc.sentences.size()) {
      return Status::Internal(doc.source.path + ": a claim names sentence " + std::to_string(c.sentence) +
                              " of a document with " + std::to_string(doc.sentences.size()));
    }
  }
  SQLite::Statement& last = Cached("SELECT ifnull(max(id), 0) FROM claims");
  last.executeStep();
  int64_t next_id = last.getColumn(0).getInt64() + 1;
  last.reset();
  sentence_texts_.resize(kClaimsPerInsert);
  for (size_t at = 0; at < claims.size();) {
    const size_t rows = std::min(kClaimsPerInsert, claims.size() - at);
    const int64_t first_id = next_id;
    SQLite::Statement& claim = Cached(ClaimInsertSql(rows), false);
    int i = 1;
    for (size_t k = 0; k < rows; ++k) {
      const Claim& c = claims[at + k];
      const Sentence& sentence = doc.sentences[c.sentence];
      claim.bind(i++, next_id++);
      claim.bind(i++, document_id);
      claim.bind(i++, static_cast<int64_t>(c.sentence));
      claim.bind(i++, static_cast<int64_t>(sentence.raw.begin));
      claim.bind(i++, static_cast<int64_t>(sentence.raw.end));
      // Bound as TEXT from a string: SQLiteCpp binds a pointer and a size as a BLOB.
      sentence_texts_[k].assign(doc.SentenceText(sentence));
      claim.bindNoCopy(i++, sentence_texts_[k]);
      claim.bindNoCopy(i++, c.template_id);
      claim.bind(i++, static_cast<int64_t>(c.pattern));
      claim.bindNoCopy(i++, c.subject_kind);
      claim.bindNoCopy(i++, ValueKindText(c.value.kind));
      claim.bindNoCopy(i++, c.value.type);
      claim.bindNoCopy(i++, c.value.text);
      claim.bindNoCopy(i++, c.value.display);
      BindOptionalNoCopy(claim, i++, c.value.id);
      BindOptionalNoCopy(claim, i++, c.value.unit);
      if (c.value.kind == ValueKind::kQuantity || c.value.kind == ValueKind::kDate) {
        BindBound(claim, i++, c.value.interval.lo);
        BindBound(claim, i++, c.value.interval.hi);
      } else {
        claim.bind(i++);
        claim.bind(i++);
      }
      claim.bind(i++, c.value.interval.lo_open ? 1 : 0);
      claim.bind(i++, c.value.interval.hi_open ? 1 : 0);
      claim.bindNoCopy(i++, ModalityText(c.modality));
      BindOptionalNoCopy(claim, i++, c.modality_cue);
      BindOptionalNoCopy(claim, i++, c.attribution);
      BindOptionalNoCopy(claim, i++, c.time);
      claim.bind(i++, static_cast<int64_t>(c.match_raw.begin));
      claim.bind(i++, static_cast<int64_t>(c.match_raw.end));
      if (c.value_raw.empty()) {
        claim.bind(i++);
        claim.bind(i++);
        claim.bind(i++);
        claim.bind(i++);
      } else {
        claim.bind(i++, static_cast<int64_t>(c.value_raw.begin));
        claim.bind(i++, static_cast<int64_t>(c.value_raw.end));
        claim.bind(i++, static_cast<int64_t>(c.value_in_evidence.begin));
        claim.bind(i++, static_cast<int64_t>(c.value_in_evidence.end));
      }
    }
    const auto written = static_cast<size_t>(claim.exec());
    // Which claims were written: all of them, but for the same match twice.
    std::vector<bool> kept(rows, true);
    if (written < rows) {
      kept.assign(rows, false);
      SQLite::Statement& present = Cached("SELECT id FROM claims WHERE id BETWEEN ? AND ?");
      present.bind(1, first_id);
      present.bind(2, first_id + static_cast<int64_t>(rows) - 1);
      while (present.executeStep()) kept[static_cast<size_t>(present.getColumn(0).getInt64() - first_id)] = true;
      present.reset();
    }
    for (size_t k = 0; k < rows; ++k) {
      if (!kept[k]) continue;
      written_roles.clear();
      for (const RoleFiller& f : claims[at + k].roles) {
        auto entity = EntityId(f.entity_kind, f.entity, true);
        if (!entity.ok()) return entity.status();
        const bool repeated = std::any_of(written_roles.begin(), written_roles.end(), [&](const auto& w) {
          return w.second == *entity && *w.first == f.role;
        });
        if (repeated) continue;
        roles.push_back({first_id + static_cast<int64_t>(k), static_cast<int64_t>(written_roles.size()), *entity, &f});
        written_roles.emplace_back(&f.role, *entity);
        if (roles.size() == kRolesPerInsert) insert_roles();
      }
    }
    at += rows;
  }
  insert_roles();
  return Status::Ok();
}

Status Store::ReplaceTemplates(int64_t document_id, const std::vector<TemplateRecord>& templates, bool fresh) {
  // One row for the document (schemas/store.sql): a row per template cost a
  // B-tree insert each, for templates that mostly found nothing.
  std::string& record = templates_;
  record.clear();
  for (const TemplateRecord& t : templates) {
    if (!record.empty()) record.push_back(';');
    record += t.template_id;
    record.push_back(':');
    record += t.fingerprint;
    record.push_back(':');
    for (size_t k = 0; k < t.sentences.size(); ++k) {
      if (k > 0) record.push_back(',');
      AppendNumber(t.sentences[k], &record);
    }
  }
  SQLite::Statement& insert =
      Cached("INSERT OR REPLACE INTO document_templates (document_id, templates) VALUES (?, ?)");
  insert.bind(1, document_id);
  insert.bindNoCopy(2, record);
  insert.exec();
  if (fresh) return Status::Ok();  // its claims are all of these templates
  // Claims of templates the document is no longer extracted with (removed ones),
  // the ids as a JSON array: they are letters, digits and '_' only.
  std::string ids = "[";
  for (const TemplateRecord& t : templates) {
    if (ids.size() > 1) ids.push_back(',');
    ids += '"' + t.template_id + '"';
  }
  ids.push_back(']');
  SQLite::Statement& orphans = Cached(
      "SELECT id FROM claims WHERE document_id = ?1 AND template_id NOT IN (SELECT value FROM json_each(?2))");
  orphans.bind(1, document_id);
  orphans.bind(2, ids);
  DeleteClaims(orphans);
  return Status::Ok();
}

Result<int64_t> Store::ReplaceSomeClaims(const DocumentWrite& write) {
  const Document& doc = *write.document;
  auto stored = FindDocument(doc.content_hash);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return Status::Internal("document " + doc.source.path + " is not in the store");
  const int64_t document_id = (*stored)->id;
  SQLite::Statement& clear = Cached("SELECT id FROM claims WHERE document_id = ? AND sentence = ?");
  for (uint32_t ordinal : *write.replaced_sentences) {
    if (ordinal >= doc.sentences.size()) {
      return Status::Internal(doc.source.path + ": sentence " + std::to_string(ordinal) + " of " +
                              std::to_string(doc.sentences.size()) +
                              " is not in the document; the stored document has other sentences");
    }
    clear.bind(1, document_id);
    clear.bind(2, static_cast<int64_t>(ordinal));
    DeleteClaims(clear);
  }
  Status status = InsertClaims(document_id, doc, *write.claims);
  if (!status.ok()) return status;
  if (write.templates != nullptr) {
    status = ReplaceTemplates(document_id, *write.templates, false);
    if (!status.ok()) return status;
  }
  return document_id;
}

Result<std::vector<TemplateRecord>> Store::DocumentTemplates(int64_t document_id) {
  try {
    std::vector<TemplateRecord> out;
    SQLite::Statement& st = Cached("SELECT templates FROM document_templates WHERE document_id = ?");
    st.bind(1, document_id);
    const std::string record = st.executeStep() ? ColumnText(st, 0) : std::string();
    st.reset();
    // "template_id:fingerprint:sentences" separated by ';' (schemas/store.sql).
    std::string_view rest = record;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find(';'), rest.size());
      const std::string_view item = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      const size_t first = item.find(':');
      const size_t second = first == std::string_view::npos ? first : item.find(':', first + 1);
      if (second == std::string_view::npos) {
        return Status::StoreCorrupt("document_templates: '" + std::string(item) + "' is not template:fingerprint:sentences");
      }
      TemplateRecord t{std::string(item.substr(0, first)), std::string(item.substr(first + 1, second - first - 1)), {}};
      std::string_view list = item.substr(second + 1);
      while (!list.empty()) {
        const size_t comma = std::min(list.find(','), list.size());
        uint32_t ordinal = 0;
        const auto [ptr, ec] = std::from_chars(list.data(), list.data() + comma, ordinal);
        if (ec != std::errc() || ptr != list.data() + comma) {
          return Status::StoreCorrupt("document_templates: a sentence list that is not numbers: '" +
                                      std::string(item.substr(second + 1)) + "'");
        }
        t.sentences.push_back(ordinal);
        list.remove_prefix(std::min(comma + 1, list.size()));
      }
      out.push_back(std::move(t));
    }
    // In template id order, as the rows were read before version 8.
    std::sort(out.begin(), out.end(),
              [](const TemplateRecord& a, const TemplateRecord& b) { return a.template_id < b.template_id; });
    return out;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading the templates a document was extracted with");
  }
}

Status Store::WriteDocument(int64_t run, const DocumentWrite& write) {
  const Document& doc = *write.document;
  int64_t document_id = 0;
  if (write.claims != nullptr && write.replaced_sentences != nullptr) {
    auto replaced = ReplaceSomeClaims(write);
    if (!replaced.ok()) return replaced.status();
    document_id = *replaced;
  } else if (write.claims != nullptr) {
    // Content never stored (most documents of a first run) has nothing to
    // replace: its rows are only inserted.
    auto stored = FindDocument(doc.content_hash);
    if (!stored.ok()) return stored.status();
    const bool fresh = !stored->has_value();
    SQLite::Statement& upsert = Cached(
                             "INSERT INTO documents (content_hash, bytes, html, extracted_with, sentences) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO UPDATE SET "
                             "extracted_with = excluded.extracted_with, sentences = excluded.sentences, "
                             "html = excluded.html RETURNING id");
    upsert.bind(1, doc.content_hash);
    upsert.bind(2, static_cast<int64_t>(doc.raw.size()));
    upsert.bind(3, doc.html ? 1 : 0);
    upsert.bind(4, write.extracted_with);
    upsert.bind(5, static_cast<int64_t>(doc.sentences.size()));
    upsert.executeStep();
    document_id = upsert.getColumn(0).getInt64();
    upsert.reset();
    if (!fresh) {
      // Replacing the extraction.
      SQLite::Statement& clear_claims = Cached("SELECT id FROM claims WHERE document_id = ?");
      clear_claims.bind(1, document_id);
      DeleteClaims(clear_claims);
      SQLite::Statement& clear_removed = Cached("DELETE FROM removed_spans WHERE document_id = ?");
      clear_removed.bind(1, document_id);
      clear_removed.exec();
      SQLite::Statement& clear_diagnostics = Cached("DELETE FROM document_diagnostics WHERE document_id = ?");
      clear_diagnostics.bind(1, document_id);
      clear_diagnostics.exec();
    }

    // The sentences as one row (schemas/store.sql, document_texts): a row
    // each was half the rows a run wrote.
    std::string& layout = layout_;
    std::string& text = text_;
    layout.clear();
    text.clear();
    for (size_t k = 0; k < doc.sentences.size(); ++k) {
      const Sentence& s = doc.sentences[k];
      if (s.index != k) {
        return Status::Internal(doc.source.path + ": sentence " + std::to_string(s.index) + " of " +
                                std::to_string(doc.sentences.size()) + " is out of order");
      }
      const std::string_view sentence = doc.SentenceText(s);
      text += sentence;
      AppendSentenceLayout(s.paragraph, s.raw.begin, s.raw.end, sentence.size(), &layout);
    }
    SQLite::Statement& texts = Cached(
        "INSERT OR REPLACE INTO document_texts (document_id, sentences, text) VALUES (?, ?, ?)");
    texts.bind(1, document_id);
    texts.bindNoCopy(2, layout);
    texts.bindNoCopy(3, text);
    texts.exec();
    SQLite::Statement& diagnostic = Cached(
        "INSERT INTO document_diagnostics (document_id, ordinal, severity, line, message) VALUES (?, ?, ?, ?, ?)");
    for (size_t k = 0; k < doc.diagnostics.size(); ++k) {
      const Diagnostic& d = doc.diagnostics[k];
      diagnostic.bind(1, document_id);
      diagnostic.bind(2, static_cast<int64_t>(k));
      diagnostic.bind(3, SeverityName(d.severity));
      diagnostic.bind(4, static_cast<int64_t>(d.line));
      diagnostic.bind(5, d.message);
      diagnostic.exec();
      diagnostic.reset();
    }
    SQLite::Statement& removed = Cached( "INSERT OR REPLACE INTO removed_spans (document_id, start, end, reason) VALUES (?, ?, ?, ?)");
    for (const RemovedSpan& r : doc.removed) {
      removed.bind(1, document_id);
      removed.bind(2, static_cast<int64_t>(r.raw.begin));
      removed.bind(3, static_cast<int64_t>(r.raw.end));
      removed.bind(4, r.reason);
      removed.exec();
      removed.reset();
    }
    Status inserted = InsertClaims(document_id, doc, *write.claims);
    if (!inserted.ok()) return inserted;
    if (write.templates != nullptr) {
      Status recorded = ReplaceTemplates(document_id, *write.templates, fresh);
      if (!recorded.ok()) return recorded;
    }
  } else {
    auto stored = FindDocument(doc.content_hash);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) return Status::Internal("document " + doc.source.path + " is not in the store");
    document_id = (*stored)->id;
  }
  SQLite::Statement& source = Cached(
                           "INSERT INTO document_sources (path, document_id, outlet, url, published, last_run) "
                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, "
                           "outlet = excluded.outlet, url = excluded.url, published = excluded.published, "
                           "last_run = excluded.last_run");
  source.bind(1, doc.source.path);
  source.bind(2, document_id);
  source.bind(3, doc.source.outlet);
  BindOptional(source, 4, doc.source.url);
  BindOptional(source, 5, doc.source.published);
  source.bind(6, run);
  source.exec();
  return Status::Ok();
}

void Store::StopKeyChecks() {
  if (!checking_keys_) return;
  db_->exec("PRAGMA foreign_keys = OFF");  // a no-op inside a transaction: then they stay on, and correct
  checking_keys_ = db_->execAndGet("PRAGMA foreign_keys").getInt() != 0;
}

void Store::DeleteClaims(SQLite::Statement& ids) {
  // What deleting the claims cascades to when foreign keys are on (they are
  // off once the store has written: see StopKeyChecks).
  std::vector<int64_t>& doomed = doomed_claims_;
  doomed.clear();
  while (ids.executeStep()) doomed.push_back(ids.getColumn(0).getInt64());
  ids.reset();
  SQLite::Statement& members = Cached("DELETE FROM finding_claims WHERE claim_id = ?");
  SQLite::Statement& roles = Cached("DELETE FROM claim_roles WHERE claim_id = ?");
  SQLite::Statement& claims = Cached("DELETE FROM claims WHERE id = ?");
  for (int64_t id : doomed) {
    for (SQLite::Statement* st : {&members, &roles, &claims}) {
      st->bind(1, id);
      st->exec();
      st->reset();
    }
  }
}

Status Store::WriteBatch(int64_t run, const std::vector<DocumentWrite>& batch) {
  try {
    StopKeyChecks();
    SQLite::Transaction transaction(*db_);
    for (const DocumentWrite& write : batch) {
      Status status = WriteDocument(run, write);
      if (!status.ok()) {
        entity_ids_.clear();  // ids inserted by the rolled-back transaction are gone
        return status;        // the transaction rolls back on scope exit
      }
    }
    transaction.commit();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    entity_ids_.clear();
    return FromException(e, "writing a batch of documents");
  }
}

Result<std::vector<DocumentSource>> Store::LoadSources(int64_t run) {
  try {
    std::vector<DocumentSource> out;
    SQLite::Statement& st = Cached(
                         "SELECT path, outlet, url, published FROM document_sources WHERE last_run = ? ORDER BY path");
    st.bind(1, run);
    while (st.executeStep()) {
      out.push_back({ColumnText(st, 0), ColumnText(st, 1), ColumnText(st, 2), ColumnText(st, 3)});
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading documents");
  }
}

Result<std::vector<SourcedClaim>> Store::LoadClaims(int64_t run) {
  try {
    std::vector<SourcedClaim> out;
    {
      // Sized once: growing by doubling would hold up to twice the claims while it copies.
      SQLite::Statement count(*db_,
                              "SELECT count(*) FROM claims WHERE document_id IN "
                              "(SELECT document_id FROM document_sources WHERE last_run = ?)");
      count.bind(1, run);
      if (count.executeStep()) out.reserve(static_cast<size_t>(count.getColumn(0).getInt64()));
    }
    const std::string sql = RunClaimsSql("");
    RawStatement claim_rows = PrepareRaw(*db_, sql.c_str());  // see RawRow
    sqlite3_stmt* const st = claim_rows.get();
    BindRaw(*db_, st, 1, run);
    std::map<int64_t, size_t> by_id;
    while (StepRaw(*db_, st)) {
      SourcedClaim sc = ReadClaimRow(RawRow{st});
      by_id.emplace(sc.id, out.size());
      out.push_back(std::move(sc));
    }
    SQLite::Statement roles(*db_, RunClaimRolesSql(""));
    roles.bind(1, run);
    while (roles.executeStep()) {
      auto it = by_id.find(roles.getColumn(0).getInt64());
      if (it == by_id.end()) continue;
      out[it->second].claim.roles.push_back(ReadRoleRow(CppRow{roles}));
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading claims");
  }
}

Status Store::ForEachClaimToLink(int64_t run, const std::vector<std::string>& template_ids,
                                const std::function<void(SourcedClaim&&)>& visit) {
  try {
    // The templates as a temporary table: bound, whatever their names.
    db_->exec("CREATE TEMP TABLE IF NOT EXISTS wanted_templates (id TEXT PRIMARY KEY)");
    db_->exec("DELETE FROM wanted_templates");
    {
      SQLite::Statement add(*db_, "INSERT OR IGNORE INTO wanted_templates (id) VALUES (?)");
      for (const std::string& id : template_ids) {
        add.bind(1, id);
        add.exec();
        add.reset();
      }
    }
    // Roles first, by claim (ascending ids), each as three numbers into `names`.
    std::vector<std::string> names;
    std::unordered_map<std::string, uint32_t> name_numbers;
    auto number = [&](SQLite::Statement& st, int column) {
      const std::string text = ColumnText(st, column);
      auto [it, added] = name_numbers.try_emplace(text, static_cast<uint32_t>(names.size()));
      if (added) names.push_back(text);
      return it->second;
    };
    std::vector<int64_t> role_claims;  // distinct claim ids, ascending
    std::vector<uint32_t> role_begins;  // where each claim's roles begin in `roles`
    std::vector<std::array<uint32_t, 3>> roles;  // role, entity, entity kind
    constexpr const char* kWanted = "WHERE c.template_id IN (SELECT id FROM wanted_templates)";
    {
      SQLite::Statement st(*db_, RunClaimRolesSql(kWanted));
      st.bind(1, run);
      while (st.executeStep()) {
        const int64_t claim = st.getColumn(0).getInt64();
        if (role_claims.empty() || role_claims.back() != claim) {
          role_claims.push_back(claim);
          role_begins.push_back(static_cast<uint32_t>(roles.size()));
        }
        roles.push_back({number(st, 1), number(st, 2), number(st, 3)});
      }
    }
    role_begins.push_back(static_cast<uint32_t>(roles.size()));
    const std::string sql = RunClaimsSql(kWanted);
    RawStatement claim_rows = PrepareRaw(*db_, sql.c_str());  // every claim of the run: see RawRow
    sqlite3_stmt* const st = claim_rows.get();
    BindRaw(*db_, st, 1, run);
    while (StepRaw(*db_, st)) {
      SourcedClaim sc = ReadClaimRow(RawRow{st});
      auto it = std::lower_bound(role_claims.begin(), role_claims.end(), sc.id);
      if (it != role_claims.end() && *it == sc.id) {
        const size_t k = static_cast<size_t>(it - role_claims.begin());
        for (uint32_t r = role_begins[k]; r < role_begins[k + 1]; ++r) {
          RoleFiller f;
          f.role = names[roles[r][0]];
          f.entity = names[roles[r][1]];
          f.entity_kind = names[roles[r][2]];
          sc.claim.roles.push_back(std::move(f));
        }
      }
      visit(std::move(sc));
    }
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading claims");
  }
}

Status Store::ForEachClaimList(int64_t run, const std::vector<const std::vector<int64_t>*>& lists,
                               const std::vector<size_t>& order, const ClaimListVisitor& visit) {
  try {
    // The lists as a temporary table, scanned by list: claims and roles come
    // back list by list without sorting, each claim found by its row id. The
    // table is filled from the lists themselves: no copy of their ids is
    // kept, which on a 1 GB corpus would be 17 MB.
    {
      // Lists jump about the claims and sentences tables: a page cache of a
      // fixed size (32 MiB, not the default 2) saves rereading pages from the
      // OS on every claim, and bounds the memory it takes.
      db_->exec("PRAGMA cache_size = -32768");
      db_->exec("CREATE TEMP TABLE IF NOT EXISTS claim_lists (list INTEGER NOT NULL, ordinal INTEGER NOT NULL, "
                "claim_id INTEGER NOT NULL, PRIMARY KEY (list, ordinal)) WITHOUT ROWID");
      SQLite::Transaction transaction(*db_);
      db_->exec("DELETE FROM claim_lists");
      // Several rows to a statement: starting and ending one cost more than its row.
      size_t pending = 0;
      std::array<int64_t, 3 * kListRowsPerInsert> values{};
      auto add = [&] {
        SQLite::Statement& insert = Cached(ListRowInsertSql(pending), false);
        for (size_t v = 0; v < 3 * pending; ++v) insert.bind(static_cast<int>(v + 1), values[v]);
        insert.exec();
        pending = 0;
      };
      for (size_t k = 0; k < lists.size(); ++k) {
        for (size_t i = 0; i < lists[k]->size(); ++i) {
          values[3 * pending] = static_cast<int64_t>(k);
          values[3 * pending + 1] = static_cast<int64_t>(i);
          values[3 * pending + 2] = (*lists[k])[i];
          if (++pending == kListRowsPerInsert) add();
        }
      }
      if (pending > 0) add();
      transaction.commit();
    }
    // Each document of the run under its first path, as RunClaimsSql gives
    // it, found once here rather than by three lookups for every claim read.
    db_->exec("CREATE TEMP TABLE IF NOT EXISTS run_sources (document_id INTEGER PRIMARY KEY, content_hash TEXT, "
              "path TEXT, outlet TEXT, url TEXT, published TEXT)");
    {
      SQLite::Transaction transaction(*db_);
      db_->exec("DELETE FROM run_sources");
      SQLite::Statement& fill = Cached(
          "INSERT INTO temp.run_sources (document_id, content_hash, path, outlet, url, published) "
          "SELECT ds.document_id, d.content_hash, ds.path, ds.outlet, ds.url, ds.published "
          "FROM document_sources ds JOIN documents d ON d.id = ds.document_id "
          "WHERE ds.last_run = ?1 AND ds.path = (SELECT min(x.path) FROM document_sources x "
          "                                      WHERE x.last_run = ?1 AND x.document_id = ds.document_id)");
      fill.bind(1, run);
      fill.exec();
      transaction.commit();
    }
    // Read through SQLite's API (RawRow): this is the store's largest read.
    RawStatement claim_rows = PrepareRaw(*db_,
        "SELECT c.id, ds.content_hash, ds.path, ds.outlet, ds.url, ds.published, c.template_id, c.subject_kind, "
        "       c.pattern, c.value_kind, c.value_type, c.raw_value, c.value, c.value_id, c.value_unit, "
        "       c.value_lo, c.value_hi, c.value_lo_open, c.value_hi_open, c.modality, c.modality_cue, "
        "       c.attribution, c.event_time, c.sentence, c.sentence_start, c.sentence_end, c.sentence_text, "
        "       c.match_start, c.match_end, c.value_start, c.value_end, c.evidence_start, c.evidence_end, m.list, m.ordinal "
        "FROM temp.claim_lists m CROSS JOIN claims c ON c.id = m.claim_id "
        "JOIN temp.run_sources ds ON ds.document_id = c.document_id "
        "WHERE m.list BETWEEN ?1 AND ?2 ORDER BY m.list, m.ordinal");
    RawStatement role_rows = PrepareRaw(*db_,
        "SELECT r.claim_id, r.role, e.name, e.kind, r.mention, r.via, r.sentence_ordinal, m.list, m.ordinal "
        "FROM temp.claim_lists m CROSS JOIN claim_roles r ON r.claim_id = m.claim_id "
        "JOIN entities e ON e.id = r.entity_id WHERE m.list BETWEEN ?1 AND ?2 ORDER BY m.list, m.ordinal, r.ordinal");
    sqlite3_stmt* const st = claim_rows.get();
    sqlite3_stmt* const roles = role_rows.get();
    std::vector<SourcedClaim> claims;
    // Hands over list `k` (whole, or an error when a claim was not found).
    auto hand_over = [&](size_t k) -> Result<bool> {
      if (claims.size() != lists[k]->size()) {
        return Status::StoreError("claims of list " + std::to_string(k) + " are missing: " +
                                  std::to_string(lists[k]->size() - claims.size()) + " not of run " + std::to_string(run));
      }
      const bool more = visit(k, std::move(claims));
      claims.clear();
      return more;
    };
    for (size_t at = 0; at < order.size();) {
      // A run of consecutive lists, read in one pass.
      const size_t first = order[at];
      size_t last = first;
      size_t next = at + 1;
      while (next < order.size() && order[next] == last + 1) last = order[next++];
      at = next;
      BindRaw(*db_, st, 1, static_cast<int64_t>(first));
      BindRaw(*db_, st, 2, static_cast<int64_t>(last));
      BindRaw(*db_, roles, 1, static_cast<int64_t>(first));
      BindRaw(*db_, roles, 2, static_cast<int64_t>(last));
      bool role_row = StepRaw(*db_, roles);
      size_t current = first;
      Status status = Status::Ok();
      bool more = true;
      while (more && StepRaw(*db_, st)) {
        const auto list = static_cast<size_t>(sqlite3_column_int64(st, 33));
        const int64_t ordinal = sqlite3_column_int64(st, 34);
        while (more && current < list) {
          auto handed = hand_over(current++);
          if (!handed.ok()) status = handed.status();
          more = handed.ok() && *handed;
        }
        if (!more) break;
        SourcedClaim sc = ReadClaimRow(RawRow{st});
        // Roles come in the same order: skip those of claims not read, take this one's.
        while (role_row) {
          const auto role_list = static_cast<size_t>(sqlite3_column_int64(roles, 7));
          const int64_t role_ordinal = sqlite3_column_int64(roles, 8);
          if (role_list > list || (role_list == list && role_ordinal > ordinal)) break;
          if (role_list == list && role_ordinal == ordinal) sc.claim.roles.push_back(ReadRoleRow(RawRow{roles}));
          role_row = StepRaw(*db_, roles);
        }
        claims.push_back(std::move(sc));
      }
      while (more && current <= last) {
        auto handed = hand_over(current++);
        if (!handed.ok()) status = handed.status();
        more = handed.ok() && *handed;
      }
      sqlite3_reset(st);
      sqlite3_reset(roles);
      if (!status.ok()) return status;
      if (!more) return Status::Ok();
    }
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading claims");
  }
}

Result<std::set<std::string>> Store::NamedEntities(int64_t run, const std::string& kind) {
  try {
    std::set<std::string> names;
    SQLite::Statement st(*db_,
                         "WITH src AS (SELECT DISTINCT document_id FROM document_sources WHERE last_run = ?1) "
                         "SELECT DISTINCT e.name FROM claim_roles r JOIN claims c ON c.id = r.claim_id "
                         "JOIN src ON src.document_id = c.document_id JOIN entities e ON e.id = r.entity_id "
                         "WHERE e.kind = ?2");
    st.bind(1, run);
    st.bind(2, kind);
    while (st.executeStep()) names.insert(ColumnText(st, 0));
    return names;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading entities");
  }
}

Result<size_t> Store::CountDocumentTexts(int64_t run) {
  try {
    SQLite::Statement& st = Cached("SELECT count(*) FROM document_sources WHERE last_run = ?");
    st.bind(1, run);
    st.executeStep();
    const auto count = static_cast<size_t>(st.getColumn(0).getInt64());
    st.reset();
    return count;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "counting documents");
  }
}

Status Store::ForEachDocumentText(int64_t run, const std::function<void(const SourceText&)>& visit) {
  try {
    // The documents first, sorted by path (a few thousand short rows), then
    // each one's sentences through their (document, ordinal) index: one
    // query joining both sorted every sentence's text in a temporary B-tree.
    SQLite::Statement documents(*db_,
                                "SELECT ds.path, ds.outlet, d.content_hash, d.id FROM document_sources ds "
                                "JOIN documents d ON d.id = ds.document_id WHERE ds.last_run = ? ORDER BY ds.path");
    documents.bind(1, run);
    SQLite::Statement& sentences = Cached("SELECT sentences, text FROM document_texts WHERE document_id = ?");
    SourceText text;
    while (documents.executeStep()) {
      text.source.path = documents.getColumn(0).getText();
      text.source.outlet = documents.getColumn(1).getText();
      text.content_hash = documents.getColumn(2).getText();
      sentences.bind(1, documents.getColumn(3).getInt64());
      size_t count = 0;
      if (sentences.executeStep()) {
        Status split = SplitSentences(ColumnView(sentences, 0), ColumnView(sentences, 1), [&](std::string_view sentence) {
          // Refilled in place: the strings keep their buffers from one document to the next.
          if (count < text.sentences.size()) text.sentences[count].assign(sentence);
          else text.sentences.emplace_back(sentence);
          ++count;
        });
        if (!split.ok()) return Status::StoreCorrupt("document " + text.source.path + ": " + split.message());
      }
      sentences.reset();
      text.sentences.resize(count);
      visit(text);
    }
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading document texts");
  }
}

Result<std::vector<std::string>> Store::DocumentSentences(const std::string& path) {
  try {
    std::vector<std::string> out;
    SQLite::Statement& st = Cached(
        "SELECT t.sentences, t.text FROM document_sources ds JOIN document_texts t ON t.document_id = ds.document_id "
        "WHERE ds.path = ?");
    st.bind(1, path);
    if (st.executeStep()) {
      Status split = SplitSentences(ColumnView(st, 0), ColumnView(st, 1),
                                    [&out](std::string_view sentence) { out.emplace_back(sentence); });
      if (!split.ok()) return Status::StoreCorrupt("document " + path + ": " + split.message());
    }
    st.reset();
    return out;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading the sentences of " + path);
  }
}

Result<std::vector<Finding>> Store::LoadFindings() {
  try {
    std::vector<Finding> findings;
    SQLite::Column latest = db_->execAndGet("SELECT max(run_id) FROM findings");
    if (latest.isNull()) return findings;
    const int64_t run = latest.getInt64();
    auto claims = LoadClaims(run);
    if (!claims.ok()) return claims.status();
    std::map<int64_t, const SourcedClaim*> by_id;
    for (const SourcedClaim& c : *claims) by_id.emplace(c.id, &c);
    std::map<std::string, size_t> index;
    SQLite::Statement st(*db_,
                         "SELECT f.id, f.template_id, f.verdict, f.strength, f.reason, f.outlets, f.sources, "
                         "f.derived_from, f.input_hash, s.id, s.kind, s.label, s.event_time "
                         "FROM findings f JOIN subjects s ON s.id = f.subject_id ORDER BY f.id");
    while (st.executeStep()) {
      Finding f;
      int i = 0;
      f.id = ColumnText(st, i++);
      f.template_id = ColumnText(st, i++);
      ParseVerdict(ColumnText(st, i++), &f.verdict);
      f.strength = ParseStrength(ColumnText(st, i++));
      f.reason = ColumnText(st, i++);
      f.outlets = static_cast<size_t>(st.getColumn(i++).getInt64());
      f.sources = static_cast<size_t>(st.getColumn(i++).getInt64());
      f.derived_from = ColumnText(st, i++);
      f.input_hash = ColumnText(st, i++);
      f.subject.id = ColumnText(st, i++);
      f.subject.kind = ColumnText(st, i++);
      f.subject.label = ColumnText(st, i++);
      f.subject.time = ColumnText(st, i++);
      index.emplace(f.id, findings.size());
      findings.push_back(std::move(f));
    }
    SQLite::Statement participants(*db_,
                                   "SELECT DISTINCT se.subject_id, e.name FROM subject_entities se "
                                   "JOIN entities e ON e.id = se.entity_id ORDER BY se.subject_id, e.name");
    std::map<std::string, std::vector<std::string>> names;
    while (participants.executeStep()) names[ColumnText(participants, 0)].push_back(ColumnText(participants, 1));
    // The claims in the order the finding was made with.
    SQLite::Statement members(*db_, "SELECT finding_id, claim_id FROM finding_claims ORDER BY finding_id, ordinal");
    while (members.executeStep()) {
      auto f = index.find(ColumnText(members, 0));
      auto c = by_id.find(members.getColumn(1).getInt64());
      if (f != index.end() && c != by_id.end()) findings[f->second].claims.push_back(*c->second);
    }
    SQLite::Statement contradictions(*db_,
                                     "SELECT finding_id, document, outlet, reason FROM finding_self_contradictions "
                                     "ORDER BY finding_id, ordinal");
    while (contradictions.executeStep()) {
      auto f = index.find(ColumnText(contradictions, 0));
      if (f == index.end()) continue;
      findings[f->second].self_contradictions.push_back(
          {ColumnText(contradictions, 1), ColumnText(contradictions, 2), ColumnText(contradictions, 3)});
    }
    for (Finding& f : findings) f.subject.participants = names[f.subject.id];
    // The order of report.json: conflicts first, flat contradictions before weak ones, then by id.
    auto rank = [](Verdict v) {
      switch (v) {
        case Verdict::kConflict: return 0;
        case Verdict::kCompatible: return 1;
        case Verdict::kAgree: return 2;
        case Verdict::kSingleSource: return 3;
      }
      return 4;
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
      if (rank(a.verdict) != rank(b.verdict)) return rank(a.verdict) < rank(b.verdict);
      return a.strength != b.strength && a.strength == ConflictStrength::kFirm;
    });
    return findings;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading findings");
  }
}

Result<std::unordered_map<std::string, StoredVerdict>> Store::LoadStoredVerdicts() {
  try {
    std::unordered_map<std::string, StoredVerdict> out;
    // Findings of the latest completed run only: a later run that failed may
    // have replaced some of them.
    SQLite::Column latest = db_->execAndGet("SELECT max(id) FROM runs WHERE status = 'completed'");
    if (latest.isNull()) return out;
    const int64_t run = latest.getInt64();
    SQLite::Statement others(*db_, "SELECT count(*) FROM findings WHERE run_id != ?");
    others.bind(1, run);
    if (others.executeStep() && others.getColumn(0).getInt64() != 0) return out;
    SQLite::Statement st(*db_,
                         "SELECT id, input_hash, verdict, strength, reason, outlets, sources FROM findings "
                         "WHERE run_id = ? AND input_hash IS NOT NULL");
    st.bind(1, run);
    while (st.executeStep()) {
      StoredVerdict v;
      v.input_hash = ColumnText(st, 1);
      ParseVerdict(ColumnText(st, 2), &v.verdict);
      v.strength = ParseStrength(ColumnText(st, 3));
      v.reason = ColumnText(st, 4);
      v.outlets = static_cast<size_t>(st.getColumn(5).getInt64());
      v.sources = static_cast<size_t>(st.getColumn(6).getInt64());
      out.emplace(ColumnText(st, 0), std::move(v));
    }
    SQLite::Statement contradictions(*db_,
                                     "SELECT finding_id, document, outlet, reason FROM finding_self_contradictions "
                                     "ORDER BY finding_id, ordinal");
    while (contradictions.executeStep()) {
      auto it = out.find(ColumnText(contradictions, 0));
      if (it == out.end()) continue;
      it->second.self_contradictions.push_back(
          {ColumnText(contradictions, 1), ColumnText(contradictions, 2), ColumnText(contradictions, 3)});
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading the previous run's findings");
  }
}

Status Store::ReplaceFindings(int64_t run, const std::vector<Finding>& findings,
                              const std::vector<std::vector<int64_t>>* claim_ids,
                              const ContradictionsOf& contradictions_of) {
  if (claim_ids != nullptr && claim_ids->size() != findings.size()) {
    return Status::Internal("writing findings: " + std::to_string(claim_ids->size()) + " claim lists for " +
                            std::to_string(findings.size()) + " findings");
  }
  try {
    // The rows refer to the subjects and findings written here and to claims
    // and entities read from the store; with the key checks off (StopKeyChecks)
    // the tables are emptied by hand, children first, as the keys would cascade.
    StopKeyChecks();
    SQLite::Transaction transaction(*db_);
    db_->exec("DELETE FROM finding_claims; DELETE FROM finding_self_contradictions; DELETE FROM findings; "
              "DELETE FROM subject_entities; DELETE FROM subjects");
    SQLite::Statement& subject = Cached( "INSERT OR IGNORE INTO subjects (id, kind, label, event_time) VALUES (?, ?, ?, ?)");
    SQLite::Statement& subject_entity = Cached(
        "INSERT OR IGNORE INTO subject_entities (subject_id, entity_id) VALUES (?, ?)");
    // Participants are names, of any kind: the entities by name, read once
    // (entities has no index by name alone, and a scan per participant grows
    // with the knowledge the corpus names).
    std::unordered_multimap<std::string, int64_t> entities_by_name;
    {
      SQLite::Statement& all = Cached("SELECT name, id FROM entities");
      while (all.executeStep()) entities_by_name.emplace(ColumnText(all, 0), all.getColumn(1).getInt64());
      all.reset();
    }
    SQLite::Statement& finding = Cached(
        "INSERT INTO findings (id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, "
        "derived_from, input_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // A finding's claims are most of the rows: several to a statement, across findings.
    struct PendingMember {
      const std::string* finding_id;
      int64_t ordinal;
      int64_t claim_id;
    };
    std::vector<PendingMember> members_pending;
    members_pending.reserve(kMembersPerInsert);
    auto insert_members = [&] {
      if (members_pending.empty()) return;
      SQLite::Statement& member = Cached(MemberInsertSql(members_pending.size()), false);
      int i = 1;
      for (const PendingMember& m : members_pending) {
        member.bindNoCopy(i++, *m.finding_id);
        member.bind(i++, m.ordinal);
        member.bind(i++, m.claim_id);
      }
      member.exec();
      members_pending.clear();
    };
    SQLite::Statement& contradiction = Cached(
        "INSERT INTO finding_self_contradictions (finding_id, ordinal, document, outlet, reason) VALUES (?, ?, ?, ?, ?)");
    std::vector<SelfContradiction> spooled;  // a finding's, when it does not hold them
    for (size_t index = 0; index < findings.size(); ++index) {
      const Finding& f = findings[index];
      // Every text bound lives until the row is written: no copies.
      subject.bindNoCopy(1, f.subject.id);
      subject.bindNoCopy(2, f.subject.kind);
      subject.bindNoCopy(3, f.subject.label);
      BindOptionalNoCopy(subject, 4, f.subject.time);
      subject.exec();
      subject.reset();
      for (const std::string& participant : f.subject.participants) {
        const auto [first, last] = entities_by_name.equal_range(participant);
        for (auto it = first; it != last; ++it) {
          subject_entity.bindNoCopy(1, f.subject.id);
          subject_entity.bind(2, it->second);
          subject_entity.exec();
          subject_entity.reset();
        }
      }
      const std::string_view verdict = VerdictName(f.verdict);
      const std::string_view strength = ConflictStrengthName(f.strength);
      finding.bindNoCopy(1, f.id);
      finding.bind(2, run);
      finding.bindNoCopy(3, f.subject.id);
      finding.bindNoCopy(4, f.template_id);
      finding.bindNoCopy(5, verdict.data());  // string literals: they live as long as the program
      finding.bindNoCopy(6, strength.data());
      finding.bindNoCopy(7, f.reason);
      finding.bind(8, static_cast<int64_t>(f.outlets));
      finding.bind(9, static_cast<int64_t>(f.sources));
      finding.bindNoCopy(10, f.derived_from);
      BindOptionalNoCopy(finding, 11, f.input_hash);
      finding.exec();
      finding.reset();
      const std::vector<int64_t>* ids = claim_ids != nullptr ? &(*claim_ids)[index] : &f.claim_ids;
      const bool held = claim_ids == nullptr && !f.claims.empty();
      const size_t members = held ? f.claims.size() : ids->size();
      for (size_t i = 0; i < members; ++i) {
        members_pending.push_back({&f.id, static_cast<int64_t>(i), held ? f.claims[i].id : (*ids)[i]});
        if (members_pending.size() == kMembersPerInsert) insert_members();
      }
      const std::vector<SelfContradiction>* contradictions = &f.self_contradictions;
      if (f.self_contradictions.empty() && contradictions_of) {
        spooled.clear();
        Status read = contradictions_of(index, &spooled);
        if (!read.ok()) return read;
        contradictions = &spooled;
      }
      for (size_t i = 0; i < contradictions->size(); ++i) {
        const SelfContradiction& c = (*contradictions)[i];
        contradiction.bind(1, f.id);
        contradiction.bind(2, static_cast<int64_t>(i));
        contradiction.bind(3, c.document);
        contradiction.bind(4, c.outlet);
        contradiction.bind(5, c.reason);
        contradiction.exec();
        contradiction.reset();
      }
    }
    insert_members();
    transaction.commit();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "writing findings");
  }
}

Status Store::AddDiagnostics(int64_t run, const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return Status::Ok();
  try {
    SQLite::Transaction transaction(*db_);
    SQLite::Statement& st = Cached( "INSERT INTO diagnostics (run_id, severity, path, line, message) VALUES (?, ?, ?, ?, ?)");
    for (const Diagnostic& d : diagnostics) {
      st.bind(1, run);
      st.bind(2, SeverityName(d.severity));
      st.bind(3, d.path);
      st.bind(4, static_cast<int64_t>(d.line));
      st.bind(5, d.message);
      st.exec();
      st.reset();
    }
    transaction.commit();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "recording diagnostics");
  }
}

Result<std::optional<ReportRecord>> Store::LatestReport() {
  try {
    std::optional<ReportRecord> none;
    SQLite::Statement st(*db_,
                         "SELECT r.id, rr.report_key, rr.report_digest, r.claims, rr.subjects, r.findings "
                         "FROM runs r LEFT JOIN run_reports rr ON rr.run_id = r.id "
                         "WHERE r.status = 'completed' ORDER BY r.id DESC LIMIT 1");
    if (!st.executeStep() || st.getColumn(1).isNull()) return none;
    ReportRecord record;
    record.run = st.getColumn(0).getInt64();
    record.key = ColumnText(st, 1);
    record.digest = ColumnText(st, 2);
    record.claims = static_cast<size_t>(st.getColumn(3).getInt64());
    record.subjects = static_cast<size_t>(st.getColumn(4).getInt64());
    record.findings = static_cast<size_t>(st.getColumn(5).getInt64());
    // A later run that failed after replacing the findings leaves findings
    // that are not this report's.
    SQLite::Statement findings(*db_, "SELECT count(*), count(*) FILTER (WHERE run_id != ?) FROM findings");
    findings.bind(1, record.run);
    findings.executeStep();
    if (static_cast<size_t>(findings.getColumn(0).getInt64()) != record.findings || findings.getColumn(1).getInt64() != 0) {
      return none;
    }
    return std::optional<ReportRecord>(std::move(record));
  } catch (const SQLite::Exception& e) {
    return FromException(e, "reading the previous report");
  }
}

Status Store::RecordReport(int64_t run, const ReportRecord& record) {
  try {
    SQLite::Statement& st = Cached(
        "INSERT OR REPLACE INTO run_reports (run_id, report_key, report_digest, subjects) VALUES (?, ?, ?, ?)");
    st.bind(1, run);
    st.bind(2, record.key);
    st.bind(3, record.digest);
    st.bind(4, static_cast<int64_t>(record.subjects));
    st.exec();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "recording the report");
  }
}

Status Store::AdoptFindings(int64_t run) {
  try {
    SQLite::Statement& st = Cached("UPDATE findings SET run_id = ? WHERE run_id != ?");
    st.bind(1, run);
    st.bind(2, run);
    st.exec();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "keeping the findings");
  }
}

Result<size_t> Store::CountSubjectGroups() {
  try {
    return static_cast<size_t>(db_->execAndGet("SELECT count(*) FROM findings WHERE input_hash IS NOT NULL").getInt64());
  } catch (const SQLite::Exception& e) {
    return FromException(e, "counting findings");
  }
}

Result<std::map<Verdict, size_t>> Store::CountVerdicts() {
  try {
    std::map<Verdict, size_t> counts;
    SQLite::Statement& st = Cached("SELECT verdict, count(*) FROM findings GROUP BY verdict");
    while (st.executeStep()) {
      Verdict verdict{};
      if (ParseVerdict(ColumnText(st, 0), &verdict)) counts[verdict] = static_cast<size_t>(st.getColumn(1).getInt64());
    }
    return counts;
  } catch (const SQLite::Exception& e) {
    return FromException(e, "counting verdicts");
  }
}

}  // namespace crosscheck::store
