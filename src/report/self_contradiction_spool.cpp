#include "report/self_contradiction_spool.h"

#include <cstring>

namespace crosscheck::report {
namespace {

constexpr size_t kInMemory = 1 << 20;

void Put(std::string* out, uint32_t n) { out->append(reinterpret_cast<const char*>(&n), sizeof(n)); }

void PutString(std::string* out, const std::string& text) {
  Put(out, static_cast<uint32_t>(text.size()));
  out->append(text);
}

// Reads what Put and PutString wrote; false once the record runs short.
class Reader {
 public:
  explicit Reader(const std::string& record) : p_(record.data()), end_(record.data() + record.size()) {}
  bool Get(uint32_t* n) {
    if (static_cast<size_t>(end_ - p_) < sizeof(*n)) return false;
    std::memcpy(n, p_, sizeof(*n));
    p_ += sizeof(*n);
    return true;
  }
  bool GetString(std::string* text) {
    uint32_t size = 0;
    if (!Get(&size) || static_cast<size_t>(end_ - p_) < size) return false;
    text->assign(p_, size);
    p_ += size;
    return true;
  }
  bool done() const { return p_ == end_; }

 private:
  const char* p_;
  const char* end_;
};

}  // namespace

SelfContradictionSpool::SelfContradictionSpool(const std::filesystem::path& folder) : records_(kInMemory, folder) {}

int64_t SelfContradictionSpool::Take(std::vector<SelfContradiction>* list) {
  if (list->empty()) return -1;
  std::string record;
  Put(&record, static_cast<uint32_t>(list->size()));
  for (const SelfContradiction& c : *list) {
    PutString(&record, c.document);
    PutString(&record, c.outlet);
    PutString(&record, c.reason);
  }
  std::vector<SelfContradiction>().swap(*list);
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int64_t>(records_.Append(record));
}

bool SelfContradictionSpool::Read(int64_t key, std::vector<SelfContradiction>* list) const {
  list->clear();
  if (key < 0) return true;
  std::string record;
  {
    // The file is read with pread, but RecordSpool keeps one status for all readers.
    std::lock_guard<std::mutex> lock(mutex_);
    if (!status_.ok()) return false;
    if (static_cast<uint64_t>(key) >= records_.size()) {
      status_ = Status::Internal("report: self-contradictions: no record " + std::to_string(key));
      return false;
    }
    if (!records_.Read(static_cast<size_t>(key), &record)) {
      status_ = records_.status();
      return false;
    }
  }
  Reader in(record);
  uint32_t count = 0;
  bool ok = in.Get(&count) && count <= record.size() / (3 * sizeof(uint32_t));
  if (ok) list->resize(count);
  for (size_t i = 0; ok && i < count; ++i) {
    SelfContradiction& c = (*list)[i];
    ok = in.GetString(&c.document) && in.GetString(&c.outlet) && in.GetString(&c.reason);
  }
  if (ok && in.done()) return true;
  list->clear();
  std::lock_guard<std::mutex> lock(mutex_);
  status_ = Status::Internal("report: self-contradictions: record " + std::to_string(key) + " does not decode");
  return false;
}

Status SelfContradictionSpool::status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!status_.ok()) return status_;
  return records_.status();
}

}  // namespace crosscheck::report
