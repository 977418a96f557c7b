#include "util/temporary_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace crosscheck::util {

TemporaryFile::TemporaryFile(const std::filesystem::path& folder) {
  if (!folder.empty()) {
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
    if (fd_ >= 0) return;
  }
  file_ = std::tmpfile();
  if (file_ == nullptr) {
    open_error_ = std::generic_category().message(errno);
    return;
  }
  fd_ = ::fileno(file_);
}

TemporaryFile::~TemporaryFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
  } else if (fd_ >= 0) {
    ::close(fd_);
  }
}

bool TemporaryFile::WriteAt(uint64_t offset, const char* data, size_t size, std::string* error) {
  return Transfer(size, "nothing written", error, [&](size_t done) {
    return ::pwrite(fd_, data + done, size - done, static_cast<off_t>(offset + done));
  });
}

bool TemporaryFile::ReadAt(uint64_t offset, char* data, size_t size, std::string* error) const {
  return Transfer(size, "the file ends early", error, [&](size_t done) {
    return ::pread(fd_, data + done, size - done, static_cast<off_t>(offset + done));
  });
}

template <typename Step>
bool TemporaryFile::Transfer(size_t size, const char* on_zero, std::string* error, Step step) const {
  if (fd_ < 0) {
    *error = "no temporary file: " + open_error_;
    return false;
  }
  size_t done = 0;
  while (done < size) {
    const ssize_t n = step(done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = n < 0 ? std::generic_category().message(errno) : on_zero;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace crosscheck::util
