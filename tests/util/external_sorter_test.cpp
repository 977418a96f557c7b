#include "util/external_sorter.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <compare>
#include <random>
#include <vector>

using crosscheck::util::ExternalSorter;

namespace {

struct Keyed {
  uint64_t key;
  uint32_t group;
  uint32_t doc;
  auto operator<=>(const Keyed&) const = default;
};

template <typename T>
std::vector<T> Drained(ExternalSorter<T>& sorter, bool* ok = nullptr) {
  std::vector<T> out;
  const bool drained = sorter.Drain([&](const T& v) { out.push_back(v); });
  if (ok != nullptr) *ok = drained;
  return out;
}

}  // namespace

TEST_CASE("ExternalSorter within its budget sorts in memory", "[util][external_sort]") {
  ExternalSorter<uint64_t> sorter(1 << 20, true);
  for (uint64_t v : {5, 3, 9, 3, 1}) sorter.Add(v);
  CHECK(sorter.size() == 5);
  CHECK(sorter.runs() == 0);
  bool ok = false;
  CHECK(Drained(sorter, &ok) == std::vector<uint64_t>{1, 3, 3, 5, 9});
  CHECK(ok);
  CHECK(sorter.size() == 0);
  CHECK(Drained(sorter).empty());  // drained: empty until values are added again
}

TEST_CASE("ExternalSorter beyond its budget spills runs and merges them in order", "[util][external_sort]") {
  std::mt19937_64 random(11);
  for (size_t count : {0u, 1u, 63u, 64u, 65u, 1000u, 100000u}) {
    // 64 values a run: up to 1,563 runs, with duplicates across runs.
    ExternalSorter<Keyed> sorter(64 * sizeof(Keyed), true);
    std::vector<Keyed> expected;
    for (size_t k = 0; k < count; ++k) {
      const Keyed v{random() % 5000, static_cast<uint32_t>(random() % 3), static_cast<uint32_t>(random() % 7)};
      sorter.Add(v);
      expected.push_back(v);
    }
    INFO(count << " values");
    CHECK(sorter.size() == count);
    CHECK(sorter.runs() == (count == 0 ? 0 : (count - 1) / 64));
    std::sort(expected.begin(), expected.end());
    bool ok = false;
    CHECK(Drained(sorter, &ok) == expected);
    CHECK(ok);
  }
}

TEST_CASE("ExternalSorter can be filled again after draining, spilled or not", "[util][external_sort]") {
  ExternalSorter<uint64_t> sorter(4 * sizeof(uint64_t), true);
  for (uint64_t v = 20; v > 0; --v) sorter.Add(v);
  CHECK(sorter.runs() == 4);
  std::vector<uint64_t> first = Drained(sorter);
  REQUIRE(first.size() == 20);
  CHECK(std::is_sorted(first.begin(), first.end()));
  for (uint64_t v : {7, 2}) sorter.Add(v);
  CHECK(sorter.runs() == 0);
  CHECK(Drained(sorter) == std::vector<uint64_t>{2, 7});
}

TEST_CASE("ExternalSorter told not to spill keeps everything in memory", "[util][external_sort]") {
  ExternalSorter<uint64_t> sorter(sizeof(uint64_t), false);
  for (uint64_t v = 1000; v > 0; --v) sorter.Add(v);
  CHECK(sorter.runs() == 0);
  const std::vector<uint64_t> out = Drained(sorter);
  REQUIRE(out.size() == 1000);
  CHECK(out.front() == 1);
  CHECK(out.back() == 1000);
  CHECK(std::is_sorted(out.begin(), out.end()));
}
