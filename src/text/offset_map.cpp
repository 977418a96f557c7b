#include "crosscheck/offset_map.h"

#include <algorithm>
#include <cassert>

namespace crosscheck {

void OffsetMap::AddIdentity(uint32_t norm_begin, uint32_t raw_begin, uint32_t length) {
  if (length == 0) return;
  if (!segments_.empty() && segments_.back().identity) {
    // Contiguous identity runs collapse into one segment: only the delta matters.
    const Segment& last = segments_.back();
    if (norm_begin - last.norm_begin == raw_begin - last.raw_begin) return;
  }
  segments_.push_back({norm_begin, raw_begin, true});
}

void OffsetMap::AddReplacement(uint32_t norm_begin, uint32_t raw_begin, uint32_t /*raw_end*/) {
  // The raw end is implied by the next segment's raw_begin (segments tile the original).
  segments_.push_back({norm_begin, raw_begin, false});
}

void OffsetMap::Finish(uint32_t norm_size, uint32_t raw_size) {
  norm_size_ = norm_size;
  raw_size_ = raw_size;
  if (segments_.empty()) segments_.push_back({0, 0, raw_size == norm_size});
}

size_t OffsetMap::FindByNorm(uint32_t norm) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), norm,
                             [](uint32_t n, const Segment& s) { return n < s.norm_begin; });
  assert(it != segments_.begin() && "the first segment starts at 0");
  return static_cast<size_t>(it - segments_.begin()) - 1;
}

uint32_t OffsetMap::ToRawBegin(uint32_t norm) const {
  if (norm >= norm_size_) return raw_size_;
  const Segment& s = segments_[FindByNorm(norm)];
  return s.identity ? s.raw_begin + (norm - s.norm_begin) : s.raw_begin;
}

uint32_t OffsetMap::ToRawEnd(uint32_t norm_end) const {
  if (norm_end == 0) return segments_.empty() ? 0 : segments_.front().raw_begin;
  if (norm_end > norm_size_) norm_end = norm_size_;
  size_t i = FindByNorm(norm_end - 1);
  const Segment& s = segments_[i];
  if (s.identity) return s.raw_begin + (norm_end - s.norm_begin);
  return i + 1 < segments_.size() ? segments_[i + 1].raw_begin : raw_size_;
}

uint32_t OffsetMap::ToNorm(uint32_t raw) const {
  if (raw >= raw_size_) return norm_size_;
  auto it = std::upper_bound(segments_.begin(), segments_.end(), raw,
                             [](uint32_t r, const Segment& s) { return r < s.raw_begin; });
  if (it == segments_.begin()) return 0;
  const Segment& s = *(it - 1);
  return s.identity ? s.norm_begin + (raw - s.raw_begin) : s.norm_begin;
}

}  // namespace crosscheck
