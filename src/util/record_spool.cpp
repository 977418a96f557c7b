#include "util/record_spool.h"

#include <utility>

namespace crosscheck::util {

RecordSpool::RecordSpool(size_t memory_budget, std::filesystem::path folder)
    : memory_budget_(memory_budget), folder_(std::move(folder)) {}

size_t RecordSpool::Append(std::string_view record) {
  extents_.push_back({end_, record.size()});
  buffer_.append(record);
  end_ += record.size();
  if (spilling_ && buffer_.size() > memory_budget_) Spill();
  return extents_.size() - 1;
}

void RecordSpool::Spill() {
  if (file_ == nullptr) file_ = std::make_unique<TemporaryFile>(folder_);
  // A file that cannot be made or written only costs the memory it would
  // have saved: the records stay in the buffer, and the run goes on.
  std::string error;
  if (!file_->ok() || !file_->WriteAt(written_, buffer_.data(), buffer_.size(), &error)) {
    spilling_ = false;
    return;
  }
  written_ += buffer_.size();
  buffer_.clear();
  if (buffer_.capacity() > 2 * memory_budget_) std::string().swap(buffer_);
}

bool RecordSpool::Read(size_t number, std::string* record) const {
  const Extent& e = extents_.at(number);
  record->resize(e.size);
  if (e.offset >= written_) {
    record->assign(buffer_, e.offset - written_, e.size);
    return true;
  }
  // Records are appended whole, so a record is either in the file or in the buffer.
  std::string error;
  if (!file_->ReadAt(e.offset, record->data(), e.size, &error)) {
    status_ = Status::IoError("cannot read the temporary file: " + error);
    return false;
  }
  return true;
}

}  // namespace crosscheck::util
