// SelfContradictionSpool: each finding's self-contradictions, written once as
// the check lets the finding go, and read back by finding when the store and
// the writers need them. On a 1 GB corpus a run found 321,000 of them (about
// 60 MB with their paths and reasons), held to the end of the run before.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "crosscheck/status.h"
#include "util/record_spool.h"

namespace crosscheck::report {

class SelfContradictionSpool {
 public:
  // Up to a megabyte waits in memory, the rest in an unnamed file in `folder`
  // (see util::TemporaryFile).
  explicit SelfContradictionSpool(const std::filesystem::path& folder = {});

  // Moves *list into the spool, leaving it empty; returns the key it is read
  // back by, or -1 when the list was empty (nothing to read back).
  int64_t Take(std::vector<SelfContradiction>* list);

  // The list under `key` into *list (cleared first; left empty for -1).
  // Thread-safe. False (and status() says why) when it cannot be read.
  bool Read(int64_t key, std::vector<SelfContradiction>* list) const;

  Status status() const;

 private:
  util::RecordSpool records_;
  mutable std::mutex mutex_;  // reads from several writers at once; guards status_
  mutable Status status_ = Status::Ok();
};

}  // namespace crosscheck::report
