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
  // errno's text for the last failure ("" if none).
  const std::string& error() const { return error_; }

  // Writes or reads exactly `size` bytes at `offset` (retrying short transfers); false on failure.
  bool WriteAt(uint64_t offset, const char* data, size_t size);
  bool ReadAt(uint64_t offset, char* data, size_t size) const;

 private:
  std::FILE* file_ = nullptr;  // set when the file came from std::tmpfile()
  int fd_ = -1;
  mutable std::string error_;
};

}  // namespace crosscheck::util
