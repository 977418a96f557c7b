// Tests for store/migrations: upgrading a store in one transaction, or not at all.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/store.h"
#include "test_support.h"

namespace {

using crosscheck::Status;
using crosscheck::store::Migrate;
using crosscheck::store::Migration;

int UserVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

// The schema as SQLite records it: every object's SQL, sorted by name.
std::string SchemaOf(SQLite::Database& db) {
  std::string out;
  SQLite::Statement st(db, "SELECT type, name, ifnull(sql, '') FROM sqlite_schema ORDER BY name");
  while (st.executeStep()) {
    out += st.getColumn(0).getString() + " " + st.getColumn(1).getString() + ": " + st.getColumn(2).getString() + "\n";
  }
  return out;
}

// A migrated store: at the current version, with exactly the schema a new store gets.
void CheckCurrentSchema(SQLite::Database& db) {
  CHECK(UserVersion(db) == crosscheck::store::kSchemaVersion);
  auto reference = crosscheck::store::Store::OpenInMemory();
  REQUIRE(reference.ok());
  CHECK(SchemaOf(db) == SchemaOf((*reference)->database()));
}

// A database at schema version 1 with one table and one row.
void MakeVersionOne(SQLite::Database& db) {
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); "
          "INSERT INTO notes (body) VALUES ('kept'); PRAGMA user_version = 1");
}

int CountCommits(void* counter) {
  ++*static_cast<int*>(counter);
  return 0;  // let the commit go ahead
}

const std::vector<Migration> kSteps = {
    {1, "add tags", "CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes(id), tag TEXT NOT NULL)"},
    {2, "add a column and backfill it",
     "ALTER TABLE notes ADD COLUMN created TEXT; UPDATE notes SET created = '2025-01-01'"},
    {3, "index tags", "CREATE INDEX tags_by_tag ON tags(tag)"},
};

// The findings tables as versions 1 to 3 had them (before findings kept their inputs).
const char* const kOldFindingTables =
    "DROP TABLE finding_self_contradictions; DROP TABLE finding_claims; DROP TABLE findings; "
    "CREATE TABLE findings (id TEXT PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id), "
    "subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE, template_id TEXT NOT NULL, "
    "verdict TEXT NOT NULL, reason TEXT NOT NULL, outlets INTEGER NOT NULL); "
    "CREATE TABLE finding_claims (finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE, "
    "claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE, PRIMARY KEY (finding_id, claim_id)); "
    "CREATE INDEX finding_claims_by_claim ON finding_claims(claim_id); ";

// Makes `path` a store of schema version 6 (tests/store/fixtures/store_v6.sql)
// with one run: the tests of older steps turn it into what those versions had.
void MakeVersionSixStore(const std::filesystem::path& path) {
  std::ifstream in(crosscheck::testing::SourceDir() / "tests/store/fixtures/store_v6.sql");
  REQUIRE(in);
  std::stringstream sql;
  sql << in.rdbuf();
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(sql.str());
  db.exec("PRAGMA application_id = " + std::to_string(crosscheck::store::kApplicationId) +
          "; PRAGMA user_version = 6; "
          "INSERT INTO runs (started_at, corpus, templates_fingerprint, knowledge_fingerprint) "
          "VALUES ('2026-01-01T00:00:00Z', 'corpus', 'templates', 'knowledge')");
}

// Makes `path` a store of schema version 7 (tests/store/fixtures/store_v7.sql) with one run.
void MakeVersionSevenStore(const std::filesystem::path& path) {
  std::ifstream in(crosscheck::testing::SourceDir() / "tests/store/fixtures/store_v7.sql");
  REQUIRE(in);
  std::stringstream sql;
  sql << in.rdbuf();
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(sql.str());
  db.exec("PRAGMA application_id = " + std::to_string(crosscheck::store::kApplicationId) +
          "; PRAGMA user_version = 7; "
          "INSERT INTO runs (started_at, corpus, templates_fingerprint, knowledge_fingerprint) "
          "VALUES ('2026-01-01T00:00:00Z', 'corpus', 'templates', 'knowledge')");
}

}  // namespace

TEST_CASE("Migrate applies the injected steps and bumps user_version in one transaction", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  int commits = 0;
  sqlite3_commit_hook(db.getHandle(), CountCommits, &commits);

  const Status status = Migrate(db, 1, 4, kSteps);
  sqlite3_commit_hook(db.getHandle(), nullptr, nullptr);
  REQUIRE(status.ok());
  CHECK(commits == 1);
  CHECK(UserVersion(db) == 4);
  CHECK(db.tableExists("tags"));
  CHECK(db.execAndGet("SELECT created FROM notes WHERE body = 'kept'").getString() == "2025-01-01");
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'tags_by_tag'").getInt() == 1);
}

TEST_CASE("Migrate runs only the steps between the two versions", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  db.exec("CREATE TABLE tags (note_id INTEGER, tag TEXT); PRAGMA user_version = 2");

  REQUIRE(Migrate(db, 2, 3, kSteps).ok());
  CHECK(UserVersion(db) == 3);
  CHECK(db.execAndGet("SELECT created FROM notes").getString() == "2025-01-01");
  // Step 3 (the index) was not asked for.
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'tags_by_tag'").getInt() == 0);
}

TEST_CASE("Steps may be given in any order", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  const std::vector<Migration> reversed(kSteps.rbegin(), kSteps.rend());
  REQUIRE(Migrate(db, 1, 4, reversed).ok());
  CHECK(UserVersion(db) == 4);
  CHECK(db.tableExists("tags"));
}

TEST_CASE("A failing step leaves the old version and schema untouched", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  const std::string schema_before = SchemaOf(db);

  std::vector<Migration> steps = kSteps;
  SECTION("the last step is not valid SQL") {
    steps[2].sql = "CREATE INDEX broken ON no_such_table(x)";
  }
  SECTION("a step fails half way through its own statements") {
    steps[1].sql = "ALTER TABLE notes ADD COLUMN created TEXT; INSERT INTO notes (id, body) VALUES (1, 'duplicate')";
  }
  const Status status = Migrate(db, 1, 4, steps);
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == Status::Code::kStoreError);
  CHECK_THAT(status.message(), Catch::Contains("schema version 1") && Catch::Contains("4"));
  CHECK(UserVersion(db) == 1);
  CHECK(SchemaOf(db) == schema_before);
  CHECK_FALSE(db.tableExists("tags"));
  CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 1);
  // The connection is usable afterwards: no transaction was left open.
  CHECK(sqlite3_get_autocommit(db.getHandle()) != 0);
  REQUIRE(Migrate(db, 1, 4, kSteps).ok());
  CHECK(UserVersion(db) == 4);
}

TEST_CASE("Migrate refuses to go down a version and leaves user_version alone", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  db.exec("PRAGMA user_version = 2");
  const std::string schema_before = SchemaOf(db);
  const Status status = Migrate(db, 2, 1, kSteps);
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == Status::Code::kStoreCorrupt);
  CHECK_THAT(status.message(), Catch::Contains("version 2 to 1"));
  CHECK(UserVersion(db) == 2);
  CHECK(SchemaOf(db) == schema_before);
  CHECK(sqlite3_get_autocommit(db.getHandle()) != 0);
}

TEST_CASE("A failing migration step is named by its description", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  std::vector<Migration> steps = kSteps;
  SECTION("the last step fails") {
    steps[2].sql = "CREATE INDEX broken ON no_such_table(x)";
    const Status status = Migrate(db, 1, 4, steps);
    REQUIRE_FALSE(status.ok());
    CHECK(status.code() == Status::Code::kStoreError);
    CHECK_THAT(status.message(), Catch::Contains("index tags") && Catch::Contains("version 3"));
    CHECK_THAT(status.message(), !Catch::Contains("add tags"));
  }
  SECTION("the first step fails") {
    steps[0].sql = "CREATE TABLE notes (id INTEGER)";  // already exists
    const Status status = Migrate(db, 1, 4, steps);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("add tags") && Catch::Contains("version 1"));
  }
  CHECK(UserVersion(db) == 1);
}

TEST_CASE("A missing step is refused and nothing is applied", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  const std::string schema_before = SchemaOf(db);
  const std::vector<Migration> gap = {kSteps[0], kSteps[2]};  // nothing from 2 to 3

  const Status status = Migrate(db, 1, 4, gap);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("no migration from schema version 2 to 3"));
  CHECK(UserVersion(db) == 1);
  CHECK(SchemaOf(db) == schema_before);
  CHECK_FALSE(db.tableExists("tags"));  // step 1 ran, then was rolled back
  CHECK(sqlite3_get_autocommit(db.getHandle()) != 0);
}

TEST_CASE("Migrating with no steps at all is refused", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  MakeVersionOne(db);
  const Status status = Migrate(db, 1, 2, {});
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("1 to 2"));
  CHECK(UserVersion(db) == 1);
}

TEST_CASE("The known migrations form a chain up to the current schema version", "[store]") {
  const std::vector<Migration>& steps = crosscheck::store::KnownMigrations();
  REQUIRE(steps.size() == static_cast<size_t>(crosscheck::store::kSchemaVersion - 1));
  for (size_t i = 0; i < steps.size(); ++i) {
    CHECK(steps[i].from_version == static_cast<int>(i) + 1);
    CHECK_FALSE(steps[i].sql.empty());
    CHECK_FALSE(steps[i].description.empty());
  }
}

TEST_CASE("A new store's schema is exactly schemas/store.sql", "[store]") {
  auto store = crosscheck::store::Store::OpenInMemory();
  REQUIRE(store.ok());
  SQLite::Database reference(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  reference.exec(crosscheck::store::CurrentSchemaSql());
  CHECK(SchemaOf((*store)->database()) == SchemaOf(reference));
  CHECK_FALSE(SchemaOf(reference).empty());
  // And the compiled-in SQL is the file's text.
  const std::string file = crosscheck::testing::ReadFile(crosscheck::testing::SourceDir() / "schemas" / "store.sql");
  CHECK(std::string(crosscheck::store::CurrentSchemaSql()) == file);
}

TEST_CASE("A crosscheck store older than every known step is refused on open", "[store]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "old.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE documents (id INTEGER PRIMARY KEY); PRAGMA user_version = 0; PRAGMA application_id = " +
            std::to_string(crosscheck::store::kApplicationId));
  }
  auto opened = crosscheck::store::Store::Open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == Status::Code::kStoreCorrupt);
  CHECK_THAT(opened.status().message(), Catch::Contains("no migration from schema version 0"));
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 0);
  CHECK_FALSE(db.tableExists("claims"));
}

TEST_CASE("A refused store is not switched to WAL", "[store]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "refused.db";
  const int newer = crosscheck::store::kSchemaVersion + 1;
  // A crosscheck store in rollback-journal mode, at the version each section sets.
  auto make = [&](int version) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("CREATE TABLE documents (id INTEGER PRIMARY KEY); PRAGMA application_id = " +
            std::to_string(crosscheck::store::kApplicationId) + "; PRAGMA user_version = " + std::to_string(version));
    REQUIRE(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
  };
  int version = 0;
  SECTION("written by a newer crosscheck") {
    version = newer;
    make(version);
    auto opened = crosscheck::store::Store::Open(path);
    REQUIRE_FALSE(opened.ok());
    CHECK_THAT(opened.status().message(), Catch::Contains("newer"));
  }
  SECTION("older than every known migration step") {
    version = 0;
    make(version);
    auto opened = crosscheck::store::Store::Open(path);
    REQUIRE_FALSE(opened.ok());
    CHECK_THAT(opened.status().message(), Catch::Contains("no migration from schema version 0"));
  }
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == version);
}

TEST_CASE("A version 2 store is migrated to the current schema, keeping its runs", "[store]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "v2.db";
  MakeVersionSixStore(path);
  {
    // What version 2 had: everything but the tables versions 3 and 5 add, and the old findings tables.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(std::string(kOldFindingTables) + "DROP TABLE run_reports; DROP TABLE document_templates; PRAGMA user_version = 2");
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  CHECK((*store)->schema_version() == crosscheck::store::kSchemaVersion);
  SQLite::Database& db = (*store)->database();
  CheckCurrentSchema(db);
  CHECK(db.tableExists("run_reports"));
  CHECK(db.execAndGet("SELECT count(*) FROM runs").getInt() == 1);
  // A migrated store has no report recorded: its next run writes one.
  auto latest = (*store)->LatestReport();
  REQUIRE(latest.ok());
  CHECK_FALSE(latest->has_value());
}

// The step that gives findings their inputs (3 -> 4); the store before it
// had the findings tables of version 1.
TEST_CASE("A store from before findings kept their inputs is migrated: findings keep what a re-run reuses",
          "[store][recheck]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "before.db";
  MakeVersionSixStore(path);
  {
    // What version 3 had: the findings tables of version 1, with a finding in them, and no document_templates.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(std::string(kOldFindingTables) +
        "DROP TABLE document_templates; "
        "INSERT INTO subjects (id, kind, label) VALUES ('call:a+b', 'call', 'call between A and B'); "
        "INSERT INTO findings VALUES ('call_duration/call:a+b', 1, 'call:a+b', 'call_duration', 'agree', 'r', 2); "
        "PRAGMA user_version = 3");
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  SQLite::Database& db = (*store)->database();
  CheckCurrentSchema(db);
  CHECK(db.execAndGet("SELECT count(*) FROM runs").getInt() == 1);
  // The old findings cannot say their strength or inputs: the next run checks every group again.
  CHECK(db.execAndGet("SELECT count(*) FROM findings").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM subjects").getInt() == 0);
  auto stored = (*store)->LoadStoredVerdicts();
  REQUIRE(stored.ok());
  CHECK(stored->empty());
}

// The step that records each document's templates: documents stored before it
// have one fingerprint for their whole extraction.
TEST_CASE("A version 4 store is migrated to version 5: its documents are extracted again in full once", "[store]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "v4.db";
  MakeVersionSixStore(path);
  {
    // What version 4 had: everything but document_templates, and one fingerprint for a document's whole extraction.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE document_templates; PRAGMA user_version = 4");
    db.exec("INSERT INTO documents (content_hash, bytes, extracted_with, sentences) VALUES ('abc', 10, 'engine', 1)");
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  SQLite::Database& db = (*store)->database();
  CheckCurrentSchema(db);
  CHECK(db.tableExists("document_templates"));
  auto found = (*store)->FindDocument("abc");
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  // No template recorded and no fingerprint: the next run extracts it in full and records its templates.
  CHECK((*found)->extracted_with.empty());
  auto templates = (*store)->DocumentTemplates((*found)->id);
  REQUIRE(templates.ok());
  CHECK(templates->empty());
  CHECK(db.execAndGet("SELECT count(*) FROM runs").getInt() == 1);
}

// The step that builds claims and claim_roles again (5 -> 6): their CHECKs
// compare with each value instead of an IN list, and claims get an index by
// sentence. Rows, ids, the order of roles and the rows that refer to claims stay.
TEST_CASE("A version 5 store is migrated to version 6: claims, roles and findings' claims are kept", "[store]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "v5.db";
  MakeVersionSixStore(path);
  {
    // What version 5 had: claims and claim_roles with IN-list CHECKs and no claims_by_sentence.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = OFF; DROP TABLE claim_roles; DROP TABLE claims; "
            "CREATE TABLE claims (id INTEGER PRIMARY KEY, "
            "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
            "sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, template_id TEXT NOT NULL, "
            "pattern INTEGER NOT NULL, subject_kind TEXT NOT NULL, value_kind TEXT NOT NULL, value_type TEXT NOT NULL, "
            "raw_value TEXT NOT NULL, value TEXT NOT NULL, value_id TEXT, value_unit TEXT, value_lo REAL, value_hi REAL, "
            "value_lo_open INTEGER NOT NULL DEFAULT 0, value_hi_open INTEGER NOT NULL DEFAULT 0, "
            "modality TEXT NOT NULL CHECK (modality IN ('asserted', 'hedged', 'negated')), modality_cue TEXT, "
            "attribution TEXT, event_time TEXT, match_start INTEGER NOT NULL, match_end INTEGER NOT NULL, "
            "value_start INTEGER, value_end INTEGER, evidence_start INTEGER, evidence_end INTEGER, "
            "UNIQUE (document_id, template_id, match_start, match_end)); "
            "CREATE INDEX claims_by_template ON claims(template_id); "
            "CREATE TABLE claim_roles (claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE, "
            "role TEXT NOT NULL, entity_id INTEGER NOT NULL REFERENCES entities(id), mention TEXT NOT NULL, "
            "via TEXT NOT NULL CHECK (via IN ('slot', 'sentence', 'context')), sentence_ordinal INTEGER NOT NULL, "
            "PRIMARY KEY (claim_id, role, entity_id)); "
            "CREATE INDEX claim_roles_by_entity ON claim_roles(entity_id); "
            "PRAGMA foreign_keys = ON; "
            "INSERT INTO documents (id, content_hash, bytes, extracted_with, sentences) VALUES (7, 'abc', 40, 'engine', 2); "
            "INSERT INTO sentences (id, document_id, ordinal, paragraph, start, end, text) "
            "  VALUES (11, 7, 0, 0, 0, 20, 'The call lasted 1 h.'), (12, 7, 1, 0, 21, 40, 'It was in Riyadh.'); "
            "INSERT INTO claims (id, document_id, sentence_id, template_id, pattern, subject_kind, value_kind, value_type, "
            "  raw_value, value, modality, match_start, match_end) "
            "  VALUES (41, 7, 11, 'call_duration', 0, 'call', 'quantity', 'duration', '1 h', '60 min', 'hedged', 4, 19), "
            "         (42, 7, 12, 'call_place', 0, 'call', 'place', 'place', 'Riyadh', 'Riyadh', 'negated', 31, 37); "
            "INSERT INTO entities (id, kind, name, known) VALUES (1, 'person', 'Putin', 1), (2, 'person', 'Trump', 1); "
            // Roles in an order that is not their key's: readers list them by rowid.
            "INSERT INTO claim_roles VALUES (41, 'participants', 2, 'Trump', 'context', 0), "
            "  (41, 'participants', 1, 'Putin', 'slot', 0), (42, 'participants', 2, 'Trump', 'sentence', 1); "
            "INSERT INTO subjects (id, kind, label) VALUES ('call:putin+trump', 'call', 'call'); "
            "INSERT INTO findings (id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, "
            "  derived_from) VALUES ('call_duration/call:putin+trump', 1, 'call:putin+trump', 'call_duration', "
            "  'single_source', '', 'r', 1, 1, ''); "
            "INSERT INTO finding_claims VALUES ('call_duration/call:putin+trump', 0, 41); "
            "PRAGMA user_version = 5");
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  SQLite::Database& db = (*store)->database();
  CheckCurrentSchema(db);
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);  // on again after the step
  // (Version 7 keeps each claim's sentence with it.)
  CHECK(db.execAndGet("SELECT group_concat(id || ':' || sentence || ':' || sentence_text || ':' || modality, ' ') "
                      "FROM claims").getString() == "41:0:The call lasted 1 h.:hedged 42:1:It was in Riyadh.:negated");
  // (Since version 8 the order of a claim's roles is their ordinal.)
  CHECK(db.execAndGet("SELECT group_concat(claim_id || ':' || entity_id || ':' || via, ' ') FROM "
                      "(SELECT * FROM claim_roles ORDER BY claim_id, ordinal)").getString() ==
        "41:2:context 41:1:slot 42:2:sentence");
  CHECK(db.execAndGet("SELECT claim_id FROM finding_claims").getInt() == 41);
  CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
  // The CHECKs still refuse what they refused.
  CHECK_THROWS(db.exec("UPDATE claims SET modality = 'maybe' WHERE id = 41"));
  CHECK_THROWS(db.exec("UPDATE claim_roles SET via = 'guess' WHERE claim_id = 42"));
  // Deleting the document cascades to its text, its claims, their roles and the finding's claims.
  db.exec("DELETE FROM documents WHERE id = 7");
  CHECK(db.execAndGet("SELECT count(*) FROM document_texts").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM claims").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM claim_roles").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM finding_claims").getInt() == 0);
}

// The step that stores a document's sentences as one row (6 -> 7): claims
// keep their sentence, documents their sentences in order, and the tables
// built again WITHOUT ROWID keep their rows.
TEST_CASE("A version 6 store is migrated to version 7: sentences become one row per document, nothing is lost",
          "[store]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "v6.db";
  MakeVersionSixStore(path);
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON; "
            "INSERT INTO documents (id, content_hash, bytes, extracted_with, sentences) VALUES "
            "  (7, 'abc', 60, 'engine', 3), (8, 'empty', 5, 'engine', 0); "
            "INSERT INTO document_sources (path, document_id, outlet, last_run) VALUES "
            "  ('b/one.txt', 7, 'B', 1), ('a/copy.txt', 7, 'A', 1), ('c/empty.txt', 8, 'C', 1); "
            // Sentence ids not in ordinal order, and text of several bytes a character.
            "INSERT INTO sentences (id, document_id, ordinal, paragraph, start, end, text) VALUES "
            "  (30, 7, 2, 1, 41, 60, 'Zürich; später.'), (11, 7, 0, 0, 0, 20, 'The call lasted 1 h.'), "
            "  (12, 7, 1, 0, 21, 40, 'It was in Riyadh.'); "
            "INSERT INTO removed_spans (document_id, start, end, reason) VALUES (7, 61, 70, 'boilerplate line'); "
            "INSERT INTO document_templates (document_id, template_id, fingerprint, sentences) VALUES "
            "  (7, 'call_place', 'f2', '1'), (7, 'call_duration', 'f1', '0,2'); "
            "INSERT INTO claims (id, document_id, sentence_id, template_id, pattern, subject_kind, value_kind, value_type, "
            "  raw_value, value, modality, match_start, match_end) "
            "  VALUES (41, 7, 30, 'call_place', 0, 'call', 'place', 'place', 'Zürich', 'Zürich', 'asserted', 41, 48), "
            "         (40, 7, 11, 'call_duration', 0, 'call', 'quantity', 'duration', '1 h', '60 min', 'hedged', 4, 19); "
            "INSERT INTO entities (id, kind, name, known) VALUES (1, 'person', 'Putin', 1); "
            "INSERT INTO claim_roles VALUES (41, 'participants', 1, 'Putin', 'context', 0); "
            "INSERT INTO subjects (id, kind, label) VALUES ('call:putin', 'call', 'call'); "
            "INSERT INTO subject_entities VALUES ('call:putin', 1); "
            "INSERT INTO findings (id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, "
            "  derived_from, input_hash) VALUES ('call_place/call:putin', 1, 'call:putin', 'call_place', "
            "  'single_source', '', 'r', 1, 1, '', 'h'); "
            "INSERT INTO finding_claims VALUES ('call_place/call:putin', 0, 41); "
            "INSERT INTO finding_self_contradictions VALUES ('call_place/call:putin', 0, 'b/one.txt', 'B', 'why'); "
            "UPDATE runs SET status = 'completed'");
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  SQLite::Database& db = (*store)->database();
  CheckCurrentSchema(db);
  CHECK_FALSE(db.tableExists("sentences"));
  CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
  CHECK(db.execAndGet("SELECT group_concat(document_id || '|' || sentences || '|' || text, ' / ') FROM "
                      "(SELECT * FROM document_texts ORDER BY document_id)").getString() ==
        "7|0,0,20,20;0,21,40,17;1,41,60,17|The call lasted 1 h.It was in Riyadh.Zürich; später. / 8||");
  auto sentences = (*store)->DocumentSentences("a/copy.txt");
  REQUIRE(sentences.ok());
  CHECK(*sentences == std::vector<std::string>{"The call lasted 1 h.", "It was in Riyadh.", "Zürich; später."});
  std::vector<std::pair<std::string, size_t>> texts;
  REQUIRE((*store)->ForEachDocumentText(1, [&](const crosscheck::SourceText& t) {
    texts.emplace_back(t.source.path, t.sentences.size());
  }).ok());
  CHECK(texts == std::vector<std::pair<std::string, size_t>>{{"a/copy.txt", 3}, {"b/one.txt", 3}, {"c/empty.txt", 0}});
  // Claims keep their ids, row order and sentence; LoadClaims reads them as before.
  CHECK(db.execAndGet("SELECT group_concat(id || ':' || sentence || ':' || sentence_start || '-' || sentence_end || ':' || "
                      "sentence_text, ' / ') FROM claims").getString() ==
        "40:0:0-20:The call lasted 1 h. / 41:2:41-60:Zürich; später.");
  auto claims = (*store)->LoadClaims(1);
  REQUIRE(claims.ok());
  REQUIRE(claims->size() == 2);
  CHECK((*claims)[1].claim.evidence == "Zürich; später.");
  CHECK((*claims)[1].claim.sentence == 2);
  CHECK((*claims)[1].source.path == "a/copy.txt");
  REQUIRE((*claims)[1].claim.roles.size() == 1);
  CHECK((*claims)[1].claim.roles[0].entity == "Putin");
  auto templates = (*store)->DocumentTemplates(7);
  REQUIRE(templates.ok());
  REQUIRE(templates->size() == 2);
  CHECK((*templates)[0].template_id == "call_duration");
  CHECK((*templates)[0].sentences == std::vector<uint32_t>{0, 2});
  CHECK(db.execAndGet("SELECT reason FROM removed_spans WHERE document_id = 7").getString() == "boilerplate line");
  // The findings survive, with what a re-run reuses.
  auto findings = (*store)->LoadFindings();
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  CHECK((*findings)[0].subject.participants == std::vector<std::string>{"Putin"});
  REQUIRE((*findings)[0].claims.size() == 1);
  CHECK((*findings)[0].claims[0].id == 41);
  REQUIRE((*findings)[0].self_contradictions.size() == 1);
  auto verdicts = (*store)->LoadStoredVerdicts();
  REQUIRE(verdicts.ok());
  CHECK(verdicts->count("call_place/call:putin") == 1);
  // Deleting the document cascades to everything of it.
  db.exec("DELETE FROM documents WHERE id = 7");
  for (const char* table : {"document_texts", "claims", "claim_roles", "finding_claims", "document_templates",
                            "removed_spans"}) {
    INFO(table);
    CHECK(db.execAndGet(std::string("SELECT count(*) FROM ") + table + " WHERE " +
                        (std::string(table) == "claim_roles" || std::string(table) == "finding_claims" ? "1" : "document_id = 7"))
              .getInt() == 0);
  }
}

TEST_CASE("No CHECK of the schema lists its values with IN, which costs a temporary table per row written", "[store]") {
  auto store = crosscheck::store::Store::OpenInMemory();
  REQUIRE(store.ok());
  SQLite::Statement st((*store)->database(), "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL");
  size_t checks = 0;
  while (st.executeStep()) {
    const std::string sql = st.getColumn(1).getString();
    for (size_t at = sql.find("CHECK ("); at != std::string::npos; at = sql.find("CHECK (", at + 1)) {
      ++checks;
      const size_t end = sql.find(')', at);
      INFO(st.getColumn(0).getString() << ": " << sql.substr(at, end - at + 1));
      CHECK(sql.substr(at, end - at).find(" IN ") == std::string::npos);
    }
  }
  CHECK(checks >= 8);
}

TEST_CASE("A step that leaves a row referring to a missing one is refused, the store unchanged", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA foreign_keys = ON; "
          "CREATE TABLE notes (id INTEGER PRIMARY KEY); CREATE TABLE tags (note_id INTEGER REFERENCES notes(id)); "
          "INSERT INTO notes VALUES (1); INSERT INTO tags VALUES (1); PRAGMA user_version = 1");
  const std::vector<Migration> steps = {{1, "drop notes", "DROP TABLE notes; CREATE TABLE notes (id INTEGER PRIMARY KEY)"}};
  const Status status = Migrate(db, 1, 2, steps);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("tags refers to a missing row of notes"));
  CHECK(UserVersion(db) == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 1);
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

// The step that keys claim_roles by (claim_id, ordinal) WITHOUT ROWID (7 -> 8):
// each claim's roles keep the order they were written in (their row ids, which
// are not their old key's order), and every read gives them as before.
TEST_CASE("A version 7 store is migrated to version 8: roles keep their order, every read gives the same", "[store]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "v7.db";
  MakeVersionSevenStore(path);
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON; "
            "INSERT INTO documents (id, content_hash, bytes, extracted_with, sentences) VALUES (7, 'abc', 60, 'engine', 2); "
            "INSERT INTO document_sources (path, document_id, outlet, last_run) VALUES "
            "  ('b/one.txt', 7, 'B', 1), ('a/copy.txt', 7, 'A', 1); "
            "INSERT INTO document_texts (document_id, sentences, text) VALUES "
            "  (7, '0,0,20,20;0,21,40,17', 'The call lasted 1 h.It was in Riyadh.'); "
            // Templates out of id order, one that found nothing.
            "INSERT INTO document_templates (document_id, template_id, fingerprint, sentences) VALUES "
            "  (7, 'call_place', 'f2', '1'), (7, 'invitation', 'f3', ''), (7, 'call_duration', 'f1', '0,12'); "
            "INSERT INTO claims (id, document_id, template_id, pattern, subject_kind, value_kind, value_type, "
            "  raw_value, value, modality, match_start, match_end, sentence, sentence_start, sentence_end, sentence_text) "
            "  VALUES (41, 7, 'call_duration', 0, 'call', 'quantity', 'duration', '1 h', '60 min', 'hedged', 4, 19, "
            "          0, 0, 20, 'The call lasted 1 h.'), "
            "         (42, 7, 'call_place', 0, 'call', 'place', 'place', 'Riyadh', 'Riyadh', 'asserted', 31, 37, "
            "          1, 21, 40, 'It was in Riyadh.'); "
            "INSERT INTO entities (id, kind, name, known) VALUES (1, 'person', 'Putin', 1), (2, 'person', 'Trump', 1), "
            "  (3, 'organisation', 'Kremlin', 0); "
            // Row ids out of the key's order (Trump before Putin, the second role first) and a claim written later.
            "INSERT INTO claim_roles VALUES (42, 'participants', 2, 'Trump', 'sentence', 1), "
            "  (41, 'participants', 2, 'Trump', 'context', 0), (41, 'participants', 1, 'Putin', 'slot', 0), "
            "  (41, 'host', 3, 'the Kremlin', 'sentence', 0); "
            "INSERT INTO subjects (id, kind, label) VALUES ('call:putin+trump', 'call', 'call'); "
            "INSERT INTO subject_entities VALUES ('call:putin+trump', 1), ('call:putin+trump', 2); "
            "INSERT INTO findings (id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, "
            "  derived_from, input_hash) VALUES ('call_duration/call:putin+trump', 1, 'call:putin+trump', "
            "  'call_duration', 'single_source', '', 'r', 1, 1, '', 'h'); "
            "INSERT INTO finding_claims VALUES ('call_duration/call:putin+trump', 0, 41); "
            "UPDATE runs SET status = 'completed'");
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  SQLite::Database& db = (*store)->database();
  CheckCurrentSchema(db);
  CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
  CHECK(db.execAndGet("SELECT group_concat(claim_id || ':' || ordinal || ':' || role || ':' || entity_id || ':' || "
                      "mention || ':' || via || ':' || sentence_ordinal, ' / ') FROM claim_roles").getString() ==
        "41:0:participants:2:Trump:context:0 / 41:1:participants:1:Putin:slot:0 / "
        "41:2:host:3:the Kremlin:sentence:0 / 42:0:participants:2:Trump:sentence:1");
  // A document's templates are one row, in template id order; read as before.
  CHECK(db.execAndGet("SELECT group_concat(document_id || '|' || templates, ' / ') FROM document_templates").getString() ==
        "7|call_duration:f1:0,12;call_place:f2:1;invitation:f3:");
  auto templates = (*store)->DocumentTemplates(7);
  REQUIRE(templates.ok());
  REQUIRE(templates->size() == 3);
  CHECK((*templates)[0].template_id == "call_duration");
  CHECK((*templates)[0].fingerprint == "f1");
  CHECK((*templates)[0].sentences == std::vector<uint32_t>{0, 12});
  CHECK((*templates)[1].sentences == std::vector<uint32_t>{1});
  CHECK((*templates)[2].template_id == "invitation");
  CHECK((*templates)[2].sentences.empty());
  auto none = (*store)->DocumentTemplates(8);
  REQUIRE(none.ok());
  CHECK(none->empty());
  auto names = [](const crosscheck::Claim& c) {
    std::vector<std::string> out;
    for (const crosscheck::RoleFiller& f : c.roles) out.push_back(f.role + ":" + f.entity + ":" + f.entity_kind + ":" + f.via);
    return out;
  };
  const std::vector<std::string> roles_41 = {"participants:Trump:person:context", "participants:Putin:person:slot",
                                             "host:Kremlin:organisation:sentence"};
  // LoadClaims (show, explain), the link pass's read and the check's read.
  auto claims = (*store)->LoadClaims(1);
  REQUIRE(claims.ok());
  REQUIRE(claims->size() == 2);
  CHECK((*claims)[0].id == 41);
  CHECK(names((*claims)[0].claim) == roles_41);
  CHECK(names((*claims)[1].claim) == std::vector<std::string>{"participants:Trump:person:sentence"});
  std::vector<std::vector<std::string>> linked;
  REQUIRE((*store)->ForEachClaimToLink(1, {"call_duration", "call_place"}, [&](crosscheck::SourcedClaim&& sc) {
    linked.push_back(names(sc.claim));
  }).ok());
  REQUIRE(linked.size() == 2);
  // (The link pass reads no `via`.)
  CHECK(linked[0] == std::vector<std::string>{"participants:Trump:person:", "participants:Putin:person:",
                                              "host:Kremlin:organisation:"});
  CHECK(linked[1] == std::vector<std::string>{"participants:Trump:person:"});
  const std::vector<int64_t> list = {42, 41};
  std::vector<std::vector<std::string>> listed;
  REQUIRE((*store)->ForEachClaimList(1, {&list}, {0}, [&](size_t, std::vector<crosscheck::SourcedClaim>&& got) {
    for (const auto& sc : got) listed.push_back(names(sc.claim));
    return true;
  }).ok());
  CHECK(listed == std::vector<std::vector<std::string>>{{"participants:Trump:person:sentence"}, roles_41});
  auto people = (*store)->NamedEntities(1, "person");
  REQUIRE(people.ok());
  CHECK(*people == std::set<std::string>{"Putin", "Trump"});
  auto findings = (*store)->LoadFindings();
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  CHECK((*findings)[0].subject.participants == std::vector<std::string>{"Putin", "Trump"});
  // Deleting a claim's document cascades to its roles and templates.
  db.exec("DELETE FROM documents WHERE id = 7");
  CHECK(db.execAndGet("SELECT count(*) FROM claim_roles").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM finding_claims").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM document_templates").getInt() == 0);
}

TEST_CASE("A document_templates row that does not parse is a corrupt store, not a crash", "[store]") {
  auto store = crosscheck::store::Store::OpenInMemory();
  REQUIRE(store.ok());
  SQLite::Database& db = (*store)->database();
  db.exec("INSERT INTO documents (id, content_hash, bytes) VALUES (1, 'a', 1), (2, 'b', 1); "
          "INSERT INTO document_templates VALUES (1, 'call_place:f2'), (2, 'call_place:f2:1,x')");
  for (int64_t id : {1, 2}) {
    auto templates = (*store)->DocumentTemplates(id);
    CHECK(templates.status().code() == Status::Code::kStoreCorrupt);
  }
}
