// RunLock: one `crosscheck report` at a time per store.
//
// SQLite would let two runs interleave their batches, and each run replaces
// the findings of the other; a run therefore takes an exclusive advisory lock
// (flock) on "<store>.lock" for its whole length. A second run on the same
// store fails at once with a message naming the store, before it reads a
// file. The lock dies with its process, so a killed run never leaves the
// store locked; the lock file itself stays (removing it would race with the
// next run). Readers (the CLI views) do not take it: WAL lets them read
// while a run writes.
#pragma once

#include <filesystem>
#include <memory>

#include "crosscheck/status.h"

namespace crosscheck::store {

class RunLock {
 public:
  // Takes the lock for the store at `db`. StoreError naming the store when
  // another process holds it; IoError when the lock file cannot be made (a
  // read-only folder).
  static Result<std::unique_ptr<RunLock>> Acquire(const std::filesystem::path& db);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  // "<db>.lock"
  static std::filesystem::path LockPath(const std::filesystem::path& db);

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace crosscheck::store
