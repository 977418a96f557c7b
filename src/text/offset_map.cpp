#include "crosscheck/offset_map.h"

#include <algorithm>
#include <cassert>

namespace crosscheck {

void OffsetMap::AddScaled(uint32_t norm_begin, uint32_t raw_begin, uint32_t length, uint32_t stride) {
  if (length == 0) return;
  if (stride == 0) {
    AddReplacement(norm_begin, raw_begin, raw_begin);
    return;
  }
  if (!segments_.empty() && segments_.back().stride == stride) {
    // Contiguous runs of one stride collapse into one segment: only the delta matters.
    const Segment& last = segments_.back();
    if (norm_begin >= last.norm_begin && raw_begin - last.raw_begin == (norm_begin - last.norm_begin) * stride) return;
  }
  segments_.push_back({norm_begin, raw_begin, stride});
}

void OffsetMap::AddReplacement(uint32_t norm_begin, uint32_t raw_begin, uint32_t /*raw_end*/) {
  // The raw end is implied by the next segment's raw_begin (segments tile the original).
  segments_.push_back({norm_begin, raw_begin, 0});
}

void OffsetMap::Finish(uint32_t norm_size, uint32_t raw_size) {
  norm_size_ = norm_size;
  raw_size_ = raw_size;
  if (segments_.empty()) segments_.push_back({0, 0, raw_size == norm_size ? 1u : 0u});
}

size_t OffsetMap::FindByNorm(uint32_t norm) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), norm,
                             [](uint32_t n, const Segment& s) { return n < s.norm_begin; });
  assert(it != segments_.begin() && "the first segment starts at 0");
  if (it == segments_.begin()) return 0;
  return static_cast<size_t>(it - segments_.begin()) - 1;
}

uint32_t OffsetMap::ToRawBegin(uint32_t norm) const {
  if (norm >= norm_size_) return raw_size_;
  const Segment& s = segments_[FindByNorm(norm)];
  return std::min(raw_size_, s.raw_begin + (norm - s.norm_begin) * s.stride);
}

uint32_t OffsetMap::ToRawEnd(uint32_t norm_end) const {
  if (norm_end == 0) return segments_.empty() ? 0 : segments_.front().raw_begin;
  if (norm_end > norm_size_) norm_end = norm_size_;
  size_t i = FindByNorm(norm_end - 1);
  const Segment& s = segments_[i];
  if (s.stride > 0) return std::min(raw_size_, s.raw_begin + (norm_end - s.norm_begin) * s.stride);
  return i + 1 < segments_.size() ? segments_[i + 1].raw_begin : raw_size_;
}

uint32_t OffsetMap::ToNorm(uint32_t raw) const {
  if (raw >= raw_size_) return norm_size_;
  auto it = std::upper_bound(segments_.begin(), segments_.end(), raw,
                             [](uint32_t r, const Segment& s) { return r < s.raw_begin; });
  if (it == segments_.begin()) return 0;
  const size_t i = static_cast<size_t>(it - segments_.begin()) - 1;
  const Segment& s = segments_[i];
  if (s.stride == 0) return s.norm_begin;
  return std::min(SegmentNormEnd(i), s.norm_begin + (raw - s.raw_begin) / s.stride);
}

OffsetMap OffsetMap::Compose(const OffsetMap& outer, const OffsetMap& inner) {
  OffsetMap out;
  out.segments_.reserve(outer.segments_.size() + inner.segments_.size());
  for (size_t i = 0; i < outer.segments_.size(); ++i) {
    const Segment& s = outer.segments_[i];
    const uint32_t norm_end = outer.SegmentNormEnd(i);
    if (s.stride != 1 || norm_end <= s.norm_begin) {
      // A replacement (or an empty segment): its start, mapped through.
      out.AddReplacement(s.norm_begin, inner.ToRawBegin(s.raw_begin), 0);
      continue;
    }
    // Identity onto the intermediate text: the inner map's segments, piece by piece.
    uint32_t mid = s.raw_begin;
    const uint32_t mid_end = s.raw_begin + (norm_end - s.norm_begin);
    if (mid >= inner.norm_size_) {
      out.AddReplacement(s.norm_begin, inner.raw_size_, 0);
      continue;
    }
    size_t j = inner.FindByNorm(mid);
    while (mid < mid_end && j < inner.segments_.size()) {
      const Segment& t = inner.segments_[j];
      const uint32_t piece_end = std::min(mid_end, inner.SegmentNormEnd(j));
      if (piece_end > mid) {
        const uint32_t norm = s.norm_begin + (mid - s.raw_begin);
        if (t.stride == 0) {
          out.AddReplacement(norm, t.raw_begin, 0);
        } else {
          out.AddScaled(norm, t.raw_begin + (mid - t.norm_begin) * t.stride, piece_end - mid, t.stride);
        }
        mid = piece_end;
      }
      ++j;
    }
    if (mid < mid_end) out.AddReplacement(s.norm_begin + (mid - s.raw_begin), inner.raw_size_, 0);
  }
  out.Finish(outer.norm_size_, inner.raw_size_);
  return out;
}

}  // namespace crosscheck
