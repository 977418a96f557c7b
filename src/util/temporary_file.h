// TemporaryFile: an unnamed scratch file, removed when closed, for data too
// large to keep in memory (spools of the report's claims, truth discovery's
// subjects). It is made in a given folder where the file system allows
// (O_TMPFILE): /tmp may be a RAM disk, which would spend the memory the spool
// exists to save.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace crosscheck::util {

class TemporaryFile {
 public:
  // In `folder` when it is not empty and its file system can, else std::tmpfile()'s. See ok().
  explicit TemporaryFile(const std::filesystem::path& folder = {});
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  // errno's text when the file could not be made ("" if it was).
  const std::string& open_error() const { return open_error_; }

  // Write or read exactly `size` bytes at `offset`, retrying short transfers.
  // On failure they return false and set *error to errno's text. Reads may
  // run on several threads at once.
  bool WriteAt(uint64_t offset, const char* data, size_t size, std::string* error);
  bool ReadAt(uint64_t offset, char* data, size_t size, std::string* error) const;

 private:
  // Calls step(bytes done so far), a pread or pwrite of the rest, until `size` bytes have moved.
  template <typename Step>
  bool Transfer(size_t size, const char* on_zero, std::string* error, Step step) const;

  std::FILE* file_ = nullptr;  // set when the file came from std::tmpfile()
  int fd_ = -1;
  std::string open_error_;
};

}  // namespace crosscheck::util
