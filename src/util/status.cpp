#include "crosscheck/status.h"

namespace crosscheck {

std::string Status::ToString() const {
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kInvalidInput: return "invalid input: " + message_;
    case Code::kIoError: return "I/O error: " + message_;
    case Code::kStoreError: return "store error: " + message_;
    case Code::kStoreCorrupt: return "store corrupt: " + message_;
    case Code::kInternal: return "internal error: " + message_;
  }
  return message_;
}

}  // namespace crosscheck
