// Schema migrations: how a store written by an older crosscheck is upgraded.
//
// Each step takes the schema from `from_version` to `from_version + 1` and is
// SQL kept in schemas/migrations/ (compiled in). All steps needed run in one
// transaction with the version bump, so an interrupted upgrade leaves the old
// store untouched. A new step must leave the store identical to one created
// from schemas/store.sql; tests/store/migrations_test.cpp checks that.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::store {

struct Migration {
  int from_version;
  std::string description;
  std::string sql;
};

// The steps this build knows, in order: schemas/migrations/NNNN-to-MMMM.sql,
// compiled in (the description is the file's name).
const std::vector<Migration>& KnownMigrations();

// Upgrades `db` from `from` to `to` with `steps` inside one transaction.
// A missing step or a downgrade is StoreCorrupt; a failing step is StoreError
// naming the step, and leaves the store unchanged.
Status Migrate(SQLite::Database& db, int from, int to, const std::vector<Migration>& steps);

}  // namespace crosscheck::store
