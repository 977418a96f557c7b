// Tests for link/min_hash: the estimate tracks the Jaccard similarity, and
// LSH bands make similar sets candidates and unrelated ones not.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <vector>

#include "link/min_hash.h"

namespace {

using crosscheck::link::ComputeMinHash;
using crosscheck::link::EstimateJaccard;
using crosscheck::link::LshBandKeys;

std::vector<uint64_t> Range(uint64_t from, uint64_t to) {
  std::vector<uint64_t> out;
  for (uint64_t i = from; i < to; ++i) out.push_back(crosscheck::link::HashCombine(7, i));
  return out;
}

bool ShareBand(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  const auto ka = LshBandKeys(ComputeMinHash(a));
  const std::vector<uint64_t> keys_b = LshBandKeys(ComputeMinHash(b));
  const std::set<uint64_t> kb(keys_b.begin(), keys_b.end());
  for (uint64_t k : ka) {
    if (kb.count(k)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("min hash: identical sets agree everywhere, disjoint ones almost nowhere", "[link][min_hash]") {
  CHECK(EstimateJaccard(ComputeMinHash(Range(0, 500)), ComputeMinHash(Range(0, 500))) == 1.0);
  CHECK(EstimateJaccard(ComputeMinHash(Range(0, 500)), ComputeMinHash(Range(1000, 1500))) < 0.05);
}

TEST_CASE("min hash: the estimate is close to the Jaccard similarity", "[link][min_hash]") {
  // [0, 600) and [200, 800): 400 shared of 800, Jaccard 0.5.
  const double estimate = EstimateJaccard(ComputeMinHash(Range(0, 600)), ComputeMinHash(Range(200, 800)));
  CHECK(estimate > 0.35);
  CHECK(estimate < 0.65);
}

TEST_CASE("min hash: order and duplicates do not change the signature", "[link][min_hash]") {
  std::vector<uint64_t> a = Range(0, 100);
  std::vector<uint64_t> b(a.rbegin(), a.rend());
  b.insert(b.end(), a.begin(), a.begin() + 10);
  CHECK(ComputeMinHash(a) == ComputeMinHash(b));
}

TEST_CASE("min hash: LSH bands pair similar sets and not unrelated ones", "[link][min_hash]") {
  CHECK(ShareBand(Range(0, 400), Range(100, 500)));  // Jaccard 0.6
  int unrelated = 0;
  for (uint64_t k = 1; k <= 20; ++k) unrelated += ShareBand(Range(0, 300), Range(k * 1000, k * 1000 + 300)) ? 1 : 0;
  CHECK(unrelated <= 1);
}
