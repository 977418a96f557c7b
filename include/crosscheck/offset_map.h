// OffsetMap: maps byte offsets in normalised text back to the original bytes.
//
// Normalisation (decoding, NFC, quote folding, whitespace collapsing, HTML
// stripping) changes lengths, but every claim must point at the exact bytes of
// the article it came from. The map is a list of segments that tile both texts:
// an identity segment copies bytes one to one, a replacement segment turns a
// run of original bytes into a (possibly empty or differently sized) run of
// normalised bytes, and a scaled segment maps each normalised byte to a fixed
// number of original bytes (ASCII decoded from UTF-16: one byte for two). Most
// text is identity, so the map stays small.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crosscheck {

// A half-open byte range [begin, end).
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const ByteRange&) const = default;
};

class OffsetMap {
 public:
  // Appends `length` bytes copied unchanged from the original at `raw_begin`.
  void AddIdentity(uint32_t norm_begin, uint32_t raw_begin, uint32_t length) {
    AddScaled(norm_begin, raw_begin, length, 1);
  }
  // Appends `length` normalised bytes, each standing for `stride` original bytes
  // starting at `raw_begin` (stride 1 is identity; 2 is ASCII from UTF-16).
  void AddScaled(uint32_t norm_begin, uint32_t raw_begin, uint32_t length, uint32_t stride);
  // Records that original bytes [raw_begin, raw_end) became normalised bytes
  // starting at `norm_begin` (their length is implied by the next segment).
  void AddReplacement(uint32_t norm_begin, uint32_t raw_begin, uint32_t raw_end);
  // Closes the map: `norm_size` and `raw_size` are the lengths of both texts.
  void Finish(uint32_t norm_size, uint32_t raw_size);

  // The original byte where the normalised byte `norm` came from.
  uint32_t ToRawBegin(uint32_t norm) const;
  // The original end (exclusive) of a normalised range ending at `norm_end`.
  uint32_t ToRawEnd(uint32_t norm_end) const;
  ByteRange ToRaw(ByteRange norm) const { return {ToRawBegin(norm.begin), ToRawEnd(norm.end)}; }
  // The normalised byte that the original byte `raw` maps to (the start of its segment for replacements).
  uint32_t ToNorm(uint32_t raw) const;

  size_t segment_count() const { return segments_.size(); }

  // Chains two maps: `outer` maps normalised text to an intermediate text (the
  // decoded one) and `inner` maps that text to the original bytes. The result
  // maps normalised text straight to the original bytes. `outer` may hold only
  // identity and replacement segments (what the normaliser builds).
  static OffsetMap Compose(const OffsetMap& outer, const OffsetMap& inner);

 private:
  struct Segment {
    uint32_t norm_begin;
    uint32_t raw_begin;
    uint32_t stride;  // original bytes per normalised byte; 0 for a replacement
  };
  uint32_t SegmentNormEnd(size_t i) const {
    return i + 1 < segments_.size() ? segments_[i + 1].norm_begin : norm_size_;
  }
  size_t FindByNorm(uint32_t norm) const;
  std::vector<Segment> segments_;
  uint32_t norm_size_ = 0;
  uint32_t raw_size_ = 0;
};

}  // namespace crosscheck
