// Values sorted in bounded memory: the first `memory_budget` bytes are sorted
// in memory; beyond that, each full buffer is sorted and written to an
// unnamed temporary file as a run, and the runs are merged when read.
//
// Copy detection groups every document's keys (sentences, quotations, LSH
// bands) and then its candidate pairs: per document a few hundred values, so
// on a large corpus they must not all be held at once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <type_traits>
#include <utility>
#include <vector>

namespace crosscheck::util {

// T: trivially copyable, without padding (its bytes go to a file), ordered by <.
template <typename T>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>,
                "ExternalSorter writes values' bytes to a file");

 public:
  // `spill`: false keeps everything in memory whatever its size (documents
  // already in memory), as does a failure to make the temporary file.
  ExternalSorter(size_t memory_budget, bool spill)
      : capacity_(spill ? std::max<size_t>(memory_budget / sizeof(T), 1) : SIZE_MAX), spill_(spill) {}
  ~ExternalSorter() {
    if (file_ != nullptr) std::fclose(file_);
  }
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  void Add(const T& value) {
    if (buffer_.size() >= capacity_) WriteRun();
    buffer_.push_back(value);
  }

  size_t size() const { return count_ + buffer_.size(); }
  // Runs written to the file so far (0: everything is in memory).
  size_t runs() const { return runs_.size(); }

  // Calls `visit(value)` for every value added, in ascending order, then
  // empties the sorter. False when the temporary file could not be written
  // or read back: the values visited are then incomplete.
  template <typename Visit>
  bool Drain(Visit&& visit) {
    std::sort(buffer_.begin(), buffer_.end());
    bool ok = !failed_;
    if (ok && runs_.empty()) {
      for (const T& value : buffer_) visit(value);
    } else if (ok) {
      ok = Merge(visit);
    }
    std::vector<T>().swap(buffer_);
    runs_.clear();
    count_ = 0;
    if (file_ != nullptr) std::fclose(file_), file_ = nullptr;
    failed_ = false;
    return ok;
  }

 private:
  struct Run {
    uint64_t offset;  // in values
    uint64_t count;
  };
  // Read-ahead per run while merging: the merge's memory is this per run.
  static constexpr size_t kWindow = size_t{64} << 10;

  void WriteRun() {
    if (file_ == nullptr && !failed_ && spill_) file_ = std::tmpfile();
    if (file_ == nullptr) {  // no file: keep growing in memory rather than fail the run
      capacity_ = SIZE_MAX;
      return;
    }
    std::sort(buffer_.begin(), buffer_.end());
    if (std::fwrite(buffer_.data(), sizeof(T), buffer_.size(), file_) != buffer_.size()) failed_ = true;
    runs_.push_back({count_, buffer_.size()});
    count_ += buffer_.size();
    buffer_.clear();
  }

  template <typename Visit>
  bool Merge(Visit& visit) {
    // What is still in the buffer stays there as one more (sorted) run.
    if (std::fflush(file_) != 0) return false;
    struct Cursor {
      uint64_t next;  // next value to read from the file, in values
      uint64_t end;
      std::vector<T> window;
      size_t at = 0;
    };
    std::vector<Cursor> cursors;
    cursors.reserve(runs_.size());
    const size_t window = std::max<size_t>(kWindow / sizeof(T), 1);
    auto refill = [&](Cursor& c) {
      const uint64_t take = std::min<uint64_t>(window, c.end - c.next);
      c.window.resize(take);
      c.at = 0;
      if (take == 0) return true;
      if (std::fseek(file_, static_cast<long>(c.next * sizeof(T)), SEEK_SET) != 0) return false;
      if (std::fread(c.window.data(), sizeof(T), take, file_) != take) return false;
      c.next += take;
      return true;
    };
    for (const Run& run : runs_) {
      cursors.push_back({run.offset, run.offset + run.count, {}, 0});
      if (!refill(cursors.back())) return false;
    }
    // A min-heap of sources by their current value; source runs_.size() is the buffer.
    size_t memory_at = 0;
    const size_t memory_source = cursors.size();
    auto current = [&](size_t s) -> const T& {
      return s == memory_source ? buffer_[memory_at] : cursors[s].window[cursors[s].at];
    };
    auto later = [&](size_t x, size_t y) { return current(y) < current(x); };
    std::vector<size_t> heap;
    for (size_t s = 0; s < cursors.size(); ++s) {
      if (!cursors[s].window.empty()) heap.push_back(s);
    }
    if (!buffer_.empty()) heap.push_back(memory_source);
    std::make_heap(heap.begin(), heap.end(), later);
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), later);
      const size_t s = heap.back();
      visit(current(s));
      bool more;
      if (s == memory_source) {
        more = ++memory_at < buffer_.size();
      } else {
        Cursor& c = cursors[s];
        if (++c.at == c.window.size() && !refill(c)) return false;
        more = !c.window.empty();
      }
      if (more) {
        std::push_heap(heap.begin(), heap.end(), later);
      } else {
        heap.pop_back();
      }
    }
    return true;
  }

  size_t capacity_;  // values held in memory before a run is written
  bool spill_;
  bool failed_ = false;
  std::FILE* file_ = nullptr;
  std::vector<T> buffer_;
  std::vector<Run> runs_;
  uint64_t count_ = 0;  // values in the file
};

}  // namespace crosscheck::util
