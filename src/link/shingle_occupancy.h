// A document's shingles as 4096 occupied bits: an upper bound on how many
// shingles two documents share, computed without merging their lists.
//
// Copy detection measures a candidate pair by merging both documents' sorted
// shingle hashes, which costs their length. Most candidate pairs (LSH buckets,
// shared quotations) share far too little to join; the bound rules them out
// in 64 word operations.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace crosscheck::link {

// Bit (hash >> 52) of 4096: the top 12 bits of each shingle hash.
inline constexpr size_t kOccupancyWords = 64;
using Occupancy = std::array<uint64_t, kOccupancyWords>;

// Set bits of `words[k] & mask[k]` over kOccupancyWords words (mask null: all
// ones).
size_t CountBits(const uint64_t* words, const uint64_t* mask);

// Fills `bits` with the bits `shingles` fall on and returns the excess: how
// many shingles fell on a bit another one had taken. `shingles` must hold
// each hash once (the bound counts distinct shingles).
size_t OccupancyOf(const std::vector<uint64_t>& shingles, Occupancy* bits);

// At most this many shingles are in both documents: each shared shingle is on
// a bit both have, and the shared shingles outnumber those bits by no more
// than either document's shingles outnumber its own bits.
size_t SharedBound(const Occupancy& a, size_t a_excess, const Occupancy& b, size_t b_excess);

}  // namespace crosscheck::link
