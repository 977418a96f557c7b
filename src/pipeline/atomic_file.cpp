#include "pipeline/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <vector>

#include "util/content_hash.h"

namespace crosscheck::pipeline {
namespace {

namespace fs = std::filesystem;

// Writes through a fixed buffer to a file descriptor, hashing every byte that
// reaches the file. The first write error is kept; later output is dropped.
class HashingFileBuffer : public std::streambuf {
 public:
  explicit HashingFileBuffer(int fd) : fd_(fd), buffer_(1 << 20) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

  int error() const { return error_; }
  std::string HexDigest() { return hash_.HexDigest(); }

 protected:
  int_type overflow(int_type ch) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }

  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    const char* data = pbase();
    const size_t size = static_cast<size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    if (error_ != 0) return false;
    hash_.Update(std::string_view(data, size));
    size_t written = 0;
    while (written < size) {
      const ssize_t n = ::write(fd_, data + written, size - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        return false;
      }
      written += static_cast<size_t>(n);
    }
    return true;
  }

  int fd_;
  std::vector<char> buffer_;
  util::Sha256 hash_;
  int error_ = 0;
};

}  // namespace

Result<std::string> WriteFileAtomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  const fs::path temp = path.string() + ".tmp";
  std::error_code ignored;
  fs::remove(temp, ignored);  // a leftover from a killed run, or a planted link (removed, not followed)
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int error = errno;
    return Status::IoError(path.generic_string() + ": cannot write: " + std::strerror(error));
  }
  HashingFileBuffer buffer(fd);
  bool gave_up = false;
  {
    std::ostream out(&buffer);
    write(out);
    out.flush();
    gave_up = !out;
  }
  int error = buffer.error();
  if (error == 0 && gave_up) error = EIO;  // the writer marked its stream bad: its source failed
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    fs::remove(temp, ignored);
    return Status::IoError(path.generic_string() + ": write failed: " + std::strerror(error) +
                           (error == ENOSPC ? " (the disk is full; the previous file is kept)" : ""));
  }
  std::error_code ec;
  fs::rename(temp, path, ec);  // replaces a link named `path` itself, never its target
  if (ec) {
    fs::remove(temp, ignored);
    return Status::IoError(path.generic_string() + ": cannot replace: " + ec.message());
  }
  // The rename is durable once the folder is synced.
  if (const int dir = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return buffer.HexDigest();
}

std::string FileSha256Hex(const fs::path& path) {
  // Not through a link, and never blocking on a FIFO planted under the name.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return "";
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return "";
  }
  util::Sha256 hash;
  std::vector<char> buffer(1 << 20);
  bool ok = true;
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
    hash.Update(std::string_view(buffer.data(), static_cast<size_t>(n)));
  }
  ::close(fd);
  return ok ? hash.HexDigest() : "";
}

}  // namespace crosscheck::pipeline
