#include "link/shingle_occupancy.h"

#include <algorithm>

namespace crosscheck::link {

// Bit arithmetic on whole words: without a popcnt instruction in the baseline,
// std::popcount is a library call per word.
size_t CountBits(const uint64_t* words, const uint64_t* mask) {
  constexpr uint64_t k1 = 0x5555555555555555ull, k2 = 0x3333333333333333ull, k4 = 0x0f0f0f0f0f0f0f0full;
  constexpr uint64_t k8 = 0x00ff00ff00ff00ffull;
  size_t total = 0;
  for (size_t chunk = 0; chunk < kOccupancyWords; chunk += 16) {
    uint64_t bytes = 0;  // eight byte-wide sums, at most 16 * 8 each
    for (size_t k = chunk; k < chunk + 16; ++k) {
      uint64_t x = mask == nullptr ? words[k] : words[k] & mask[k];
      x = x - ((x >> 1) & k1);
      x = (x & k2) + ((x >> 2) & k2);
      bytes += (x + (x >> 4)) & k4;
    }
    const uint64_t pairs = (bytes & k8) + ((bytes >> 8) & k8);  // four 16-bit sums
    total += static_cast<size_t>((pairs * 0x0001000100010001ull) >> 48);
  }
  return total;
}

size_t OccupancyOf(const std::vector<uint64_t>& shingles, Occupancy* bits) {
  bits->fill(0);
  for (const uint64_t s : shingles) (*bits)[s >> 58] |= uint64_t{1} << ((s >> 52) & 63);
  return shingles.size() - CountBits(bits->data(), nullptr);
}

size_t SharedBound(const Occupancy& a, size_t a_excess, const Occupancy& b, size_t b_excess) {
  return CountBits(a.data(), b.data()) + std::min(a_excess, b_excess);
}

}  // namespace crosscheck::link
