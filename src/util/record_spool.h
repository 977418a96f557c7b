// RecordSpool: byte records appended once and read back by number, as often
// as needed, in any order. The newest records wait in memory; once they pass
// `memory_budget` bytes they go to a TemporaryFile, so holding any number of
// records costs memory for their offsets only (16 bytes each).
//
// Truth discovery keeps every subject's evidence this way between its rounds:
// on a 1 GB corpus that evidence is hundreds of megabytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"
#include "util/temporary_file.h"

namespace crosscheck::util {

class RecordSpool {
 public:
  // `folder`: where the temporary file is made (see TemporaryFile).
  explicit RecordSpool(size_t memory_budget, std::filesystem::path folder = {});

  // Returns the record's number: 0, 1, ... in the order of appending.
  size_t Append(std::string_view record);

  // Copies record `number` into *record. False (and status() says why) when
  // the temporary file cannot be read; a record never written there, because
  // the file could not be made or written, is read from memory.
  bool Read(size_t number, std::string* record) const;

  size_t size() const { return extents_.size(); }
  uint64_t bytes() const { return end_; }
  uint64_t bytes_in_file() const { return written_; }
  const Status& status() const { return status_; }

 private:
  struct Extent {
    uint64_t offset;
    uint64_t size;
  };

  void Spill();

  size_t memory_budget_;
  std::filesystem::path folder_;
  std::unique_ptr<TemporaryFile> file_;  // made at the first spill
  bool spilling_ = true;                 // false once the file failed: records stay in memory
  std::vector<Extent> extents_;
  std::string buffer_;    // bytes [written_, end_)
  uint64_t written_ = 0;  // bytes in the file
  uint64_t end_ = 0;
  mutable Status status_ = Status::Ok();
};

}  // namespace crosscheck::util
