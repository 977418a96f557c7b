#include "link/shingle_occupancy.h"

#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <iterator>
#include <random>
#include <set>
#include <vector>

using namespace crosscheck::link;

namespace {

// A shingle hash on bit `bit` of 4096 (its top 12 bits), `low` below them.
uint64_t OnBit(uint64_t bit, uint64_t low) { return (bit << 52) | (low & ((uint64_t{1} << 52) - 1)); }

size_t Shared(std::vector<uint64_t> a, std::vector<uint64_t> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<uint64_t> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.size();
}

size_t Bound(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  Occupancy oa, ob;
  const size_t ea = OccupancyOf(a, &oa);
  const size_t eb = OccupancyOf(b, &ob);
  return SharedBound(oa, ea, ob, eb);
}

}  // namespace

TEST_CASE("CountBits counts the set bits of every word, masked or not", "[link][occupancy]") {
  std::mt19937_64 random(7);
  for (int round = 0; round < 50; ++round) {
    Occupancy words, mask;
    for (auto& w : words) w = random() & random();  // about a quarter of the bits set
    for (auto& m : mask) m = random();
    size_t all = 0, masked = 0;
    for (size_t k = 0; k < kOccupancyWords; ++k) {
      all += static_cast<size_t>(std::popcount(words[k]));
      masked += static_cast<size_t>(std::popcount(words[k] & mask[k]));
    }
    CHECK(CountBits(words.data(), nullptr) == all);
    CHECK(CountBits(words.data(), mask.data()) == masked);
  }
  Occupancy full;
  full.fill(~uint64_t{0});
  CHECK(CountBits(full.data(), nullptr) == 4096);
}

TEST_CASE("OccupancyOf marks each shingle's bit and returns how many landed on a taken bit", "[link][occupancy]") {
  Occupancy bits;
  CHECK(OccupancyOf({}, &bits) == 0);
  CHECK(CountBits(bits.data(), nullptr) == 0);

  CHECK(OccupancyOf({OnBit(0, 1), OnBit(4095, 2), OnBit(64, 3)}, &bits) == 0);
  CHECK(CountBits(bits.data(), nullptr) == 3);
  CHECK(bits[0] == 1);
  CHECK(bits[1] == 1);
  CHECK(bits[63] == uint64_t{1} << 63);

  CHECK(OccupancyOf({OnBit(9, 1), OnBit(9, 2), OnBit(9, 3), OnBit(10, 4)}, &bits) == 2);
  CHECK(CountBits(bits.data(), nullptr) == 2);
}

TEST_CASE("SharedBound is never below the shingles two documents share", "[link][occupancy]") {
  std::mt19937_64 random(20261128);
  for (int round = 0; round < 400; ++round) {
    // Small documents on few bits collide a lot; large ones fill the map.
    const size_t spread = round % 4 == 0 ? 16 : 4096;
    const size_t na = 1 + random() % 600, nb = 1 + random() % 600;
    std::set<uint64_t> pool_a, pool_b;
    while (pool_a.size() < na) pool_a.insert(OnBit(random() % spread, random()));
    const size_t copied = random() % (na + 1);
    auto it = pool_a.begin();
    for (size_t k = 0; k < copied && pool_b.size() < nb; ++k, ++it) pool_b.insert(*it);
    while (pool_b.size() < nb) pool_b.insert(OnBit(random() % spread, random()));
    const std::vector<uint64_t> a(pool_a.begin(), pool_a.end()), b(pool_b.begin(), pool_b.end());
    const size_t shared = Shared(a, b);
    INFO("round " << round << ": " << a.size() << " and " << b.size() << " shingles, " << shared << " shared");
    REQUIRE(Bound(a, b) >= shared);
  }
}

TEST_CASE("SharedBound counts shingles crowded onto one bit", "[link][occupancy]") {
  // Five shared shingles on one bit: the bits alone would allow one.
  std::vector<uint64_t> a, b;
  for (uint64_t k = 1; k <= 5; ++k) a.push_back(OnBit(77, k));
  b = a;
  b.push_back(OnBit(78, 99));
  CHECK(Shared(a, b) == 5);
  CHECK(Bound(a, b) == 5);
}

TEST_CASE("SharedBound rules out documents on different bits and is exact without collisions", "[link][occupancy]") {
  std::vector<uint64_t> a, b;
  for (uint64_t bit = 0; bit < 2048; bit += 2) a.push_back(OnBit(bit, bit * 31 + 1));
  for (uint64_t bit = 1; bit < 2048; bit += 2) b.push_back(OnBit(bit, bit * 17 + 5));
  CHECK(Bound(a, b) == 0);

  // Share 100 of a's shingles; b's own ones sit on bits a never uses.
  std::vector<uint64_t> c(a.begin(), a.begin() + 100);
  for (uint64_t bit = 2048; bit < 2548; ++bit) c.push_back(OnBit(bit, bit));
  CHECK(Shared(a, c) == 100);
  CHECK(Bound(a, c) == 100);
}
