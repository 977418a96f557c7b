// Status and Result<T>: how crosscheck reports errors a user can act on.
//
// Expected failures (a bad article, a bad template, an unwritable folder) are
// values, never exceptions: every library entry point returns a Status or a
// Result<T>. Exceptions from third-party libraries (SQLiteCpp, toml++) are caught
// in the module that called them and turned into a Status there.
//
// GCC 12 in C++20 mode has no std::expected, so Result<T> is a small stand-in;
// switch to std::expected when the project moves to C++23.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace crosscheck {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // bad article, template, knowledge file or manifest: the user can fix it
    kIoError,       // a file or folder could not be read or written
    kStoreError,    // the SQLite store refused an operation (locked, full, read-only)
    kStoreCorrupt,  // the store failed an integrity check or has an unknown schema
    kInternal,      // a bug in crosscheck
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) { return Status(Code::kInvalidInput, std::move(message)); }
  static Status IoError(std::string message) { return Status(Code::kIoError, std::move(message)); }
  static Status StoreError(std::string message) { return Status(Code::kStoreError, std::move(message)); }
  static Status StoreCorrupt(std::string message) { return Status(Code::kStoreCorrupt, std::move(message)); }
  static Status Internal(std::string message) { return Status(Code::kInternal, std::move(message)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The user-facing message, already in `file:line:column: what` form where a
  // position is known.
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace crosscheck
