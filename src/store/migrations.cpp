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
  try {
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
