#include "link/min_hash.h"

#include <limits>

namespace crosscheck::link {
namespace {

// MixHash is bijective, so x ^ seed_i gives kMinHashSize independent-enough hash functions.
uint64_t Mix(uint64_t x) { return MixHash(x); }

const std::array<uint64_t, kMinHashSize>& Seeds() {
  static const std::array<uint64_t, kMinHashSize> seeds = [] {
    std::array<uint64_t, kMinHashSize> s{};
    uint64_t state = 0x6363636b;  // fixed: signatures must not change between runs
    for (uint64_t& seed : s) seed = state = Mix(state);
    return s;
  }();
  return seeds;
}

}  // namespace

uint64_t StableHash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

MinHashSignature ComputeMinHash(const std::vector<uint64_t>& shingles) {
  MinHashSignature signature;
  signature.fill(std::numeric_limits<uint64_t>::max());
  const auto& seeds = Seeds();
  for (uint64_t shingle : shingles) {
    for (size_t i = 0; i < kMinHashSize; ++i) {
      const uint64_t h = Mix(shingle ^ seeds[i]);
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  size_t same = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) same += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(same) / kMinHashSize;
}

std::vector<uint64_t> LshBandKeys(const MinHashSignature& signature, size_t rows) {
  if (rows == 0) rows = 1;
  std::vector<uint64_t> keys;
  keys.reserve(kMinHashSize / rows);
  for (size_t band = 0; band + rows <= kMinHashSize; band += rows) {
    uint64_t key = Mix(band + 1);
    for (size_t r = 0; r < rows; ++r) key = HashCombine(key, signature[band + r]);
    keys.push_back(key);
  }
  return keys;
}

}  // namespace crosscheck::link
