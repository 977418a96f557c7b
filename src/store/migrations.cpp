#include "store/migrations.h"

#include "store/migrations_sql.h"

namespace crosscheck::store {

const std::vector<Migration>& KnownMigrations() {
  static const std::vector<Migration> kSteps = [] {
    std::vector<Migration> steps;
    for (const MigrationSql& m : kMigrationSql) {
      if (m.sql == nullptr) continue;  // the generated array's end marker
      steps.push_back({m.from_version, m.file, m.sql});
    }
    return steps;
  }();
  return kSteps;
}

Status Migrate(SQLite::Database& db, int from, int to, const std::vector<Migration>& steps) {
  if (from > to) {
    return Status::StoreCorrupt("cannot migrate the store down from schema version " + std::to_string(from) + " to " +
                                std::to_string(to));
  }
  const Migration* current = nullptr;
  // A step may build a table again (drop it, create it, copy its rows back):
  // with foreign keys on, dropping it would delete the rows that refer to it.
  // The keys are checked once all steps ran instead. The pragma is a no-op
  // inside a transaction, so it is set around it.
  struct ForeignKeysOff {
    SQLite::Database& db;
    bool was_on;
    explicit ForeignKeysOff(SQLite::Database& d) : db(d), was_on(d.execAndGet("PRAGMA foreign_keys").getInt() != 0) {
      db.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff() {
      try {
        if (was_on) db.exec("PRAGMA foreign_keys = ON");
      } catch (const SQLite::Exception&) {
        // Only fails inside a transaction, and the one below has ended by now.
      }
    }
  };
  try {
    ForeignKeysOff keys_off(db);
    SQLite::Transaction transaction(db);
    for (int version = from; version < to; ++version) {
      const Migration* step = nullptr;
      for (const Migration& m : steps) {
        if (m.from_version == version) step = &m;
      }
      if (step == nullptr) {
        return Status::StoreCorrupt("no migration from schema version " + std::to_string(version) + " to " +
                                    std::to_string(version + 1));
      }
      current = step;
      db.exec(step->sql);
    }
    current = nullptr;
    SQLite::Statement violations(db, "PRAGMA foreign_key_check");
    if (violations.executeStep()) {
      return Status::StoreError("migrating the store from schema version " + std::to_string(from) + " to " +
                                std::to_string(to) + " failed: table " + violations.getColumn(0).getString() +
                                " refers to a missing row of " + violations.getColumn(2).getString() +
                                "; the store is unchanged");
    }
    violations.reset();
    db.exec("PRAGMA user_version = " + std::to_string(to));
    transaction.commit();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    std::string where = current == nullptr ? std::string()
                                           : " at the step from version " + std::to_string(current->from_version) +
                                                 " (" + current->description + ")";
    return Status::StoreError("migrating the store from schema version " + std::to_string(from) + " to " +
                              std::to_string(to) + " failed" + where + ": " + e.what() +
                              "; the store is unchanged");
  }
}

}  // namespace crosscheck::store
