// Tests for store/migrations: upgrading a store in one transaction, or not at all.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

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
  {
    auto store = crosscheck::store::Store::Open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->BeginRun("corpus", "templates", "knowledge").ok());
  }
  {
    // What version 2 had: everything but the table version 3 adds, and the old findings tables.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(std::string(kOldFindingTables) + "DROP TABLE run_reports; PRAGMA user_version = 2");
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  CHECK((*store)->schema_version() == crosscheck::store::kSchemaVersion);
  SQLite::Database& db = (*store)->database();
  CHECK(UserVersion(db) == crosscheck::store::kSchemaVersion);
  CHECK(db.tableExists("run_reports"));
  CHECK(db.execAndGet("SELECT count(*) FROM runs").getInt() == 1);
  auto reference = crosscheck::store::Store::OpenInMemory();
  REQUIRE(reference.ok());
  CHECK(SchemaOf(db) == SchemaOf((*reference)->database()));
  // A migrated store has no report recorded: its next run writes one.
  auto latest = (*store)->LatestReport();
  REQUIRE(latest.ok());
  CHECK_FALSE(latest->has_value());
}

// The step that gives findings their inputs is the latest; the store before it
// had the findings tables of version 1.
TEST_CASE("A store from before findings kept their inputs is migrated: findings keep what a re-run reuses",
          "[store][recheck]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir / "before.db";
  {
    auto store = crosscheck::store::Store::Open(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->BeginRun("corpus", "templates", "knowledge").ok());
  }
  {
    // What the version before had: the findings tables of version 1, with a finding in them.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(std::string(kOldFindingTables) +
        "INSERT INTO subjects (id, kind, label) VALUES ('call:a+b', 'call', 'call between A and B'); "
        "INSERT INTO findings VALUES ('call_duration/call:a+b', 1, 'call:a+b', 'call_duration', 'agree', 'r', 2); "
        "PRAGMA user_version = " + std::to_string(crosscheck::store::kSchemaVersion - 1));
  }
  auto store = crosscheck::store::Store::Open(path);
  REQUIRE(store.ok());
  SQLite::Database& db = (*store)->database();
  CHECK(UserVersion(db) == crosscheck::store::kSchemaVersion);
  auto reference = crosscheck::store::Store::OpenInMemory();
  REQUIRE(reference.ok());
  CHECK(SchemaOf(db) == SchemaOf((*reference)->database()));
  CHECK(db.execAndGet("SELECT count(*) FROM runs").getInt() == 1);
  // The old findings cannot say their strength or inputs: the next run checks every group again.
  CHECK(db.execAndGet("SELECT count(*) FROM findings").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM subjects").getInt() == 0);
  auto stored = (*store)->LoadStoredVerdicts();
  REQUIRE(stored.ok());
  CHECK(stored->empty());
}
