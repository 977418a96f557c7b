#include "store/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace crosscheck::store {

std::filesystem::path RunLock::LockPath(const std::filesystem::path& db) { return db.string() + ".lock"; }

Result<std::unique_ptr<RunLock>> RunLock::Acquire(const std::filesystem::path& db) {
  const std::filesystem::path path = LockPath(db);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
    // A lock file made by someone else, in a folder we may not write: a
    // read-only descriptor locks as well (the store itself will say if it
    // cannot be written).
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  }
  if (fd < 0) {
    const int error = errno;
    return Status::IoError(path.generic_string() + ": cannot create the store's lock file: " + std::strerror(error) +
                           (error == EROFS || error == EACCES ? " (the store's folder must be writable)" : ""));
  }
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error == EINTR) continue;
    ::close(fd);
    if (error == EWOULDBLOCK) {
      return Status::StoreError(db.generic_string() + ": another crosscheck run is using this store (it holds " +
                                path.generic_string() + "); wait for it to finish, or give this run another --db");
    }
    return Status::IoError(path.generic_string() + ": cannot lock the store: " + std::strerror(error));
  }
  return std::unique_ptr<RunLock>(new RunLock(fd));
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace crosscheck::store
