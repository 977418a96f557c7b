// Tests for report/self_contradiction_spool: findings' self-contradictions
// come back as they went in, from memory or from the file past a megabyte,
// from several threads at once; a key the spool never gave fails loudly.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "crosscheck/finding.h"
#include "report/self_contradiction_spool.h"

namespace {

using crosscheck::SelfContradiction;
using crosscheck::report::SelfContradictionSpool;

std::vector<SelfContradiction> Make(size_t n, size_t seed) {
  std::vector<SelfContradiction> list;
  for (size_t i = 0; i < n; ++i) {
    list.push_back({"outlet-" + std::to_string(seed % 7) + "/article-" + std::to_string(seed * 31 + i) + ".txt",
                    i % 3 == 0 ? "" : "Zürcher Blatt",
                    "Genève and Zürich are different places (" + std::to_string(seed) + ")" + std::string(i % 5, '!')});
  }
  return list;
}

bool Same(const std::vector<SelfContradiction>& a, const std::vector<SelfContradiction>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].document != b[i].document || a[i].outlet != b[i].outlet || a[i].reason != b[i].reason) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("SelfContradictionSpool gives each list back, from memory and from its file", "[report][spool]") {
  SelfContradictionSpool spool;
  std::vector<SelfContradiction> none;
  CHECK(spool.Take(&none) == -1);
  std::vector<SelfContradiction> read = Make(2, 99);
  REQUIRE(spool.Read(-1, &read));
  CHECK(read.empty());

  // About 3 MB in all: the first records are read back from the file.
  std::vector<std::vector<SelfContradiction>> lists;
  std::vector<int64_t> keys;
  for (size_t k = 0; k < 600; ++k) {
    lists.push_back(Make(k % 40 + 1, k));
    std::vector<SelfContradiction> taken = lists.back();
    keys.push_back(spool.Take(&taken));
    CHECK(taken.empty());
  }
  for (size_t k : {size_t{599}, size_t{0}, size_t{300}, size_t{1}, size_t{598}}) {
    REQUIRE(spool.Read(keys[k], &read));
    CHECK(Same(read, lists[k]));
  }
  // Four writers at once, as the report's files are written.
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::vector<SelfContradiction> mine;
      for (size_t k = t; k < lists.size(); k += 3) {
        if (!spool.Read(keys[k], &mine) || !Same(mine, lists[k])) ++wrong[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(wrong == std::vector<int>{0, 0, 0, 0});
  CHECK(spool.status().ok());

  CHECK_FALSE(spool.Read(static_cast<int64_t>(keys.size()) + 5, &read));  // never given
  CHECK(read.empty());
  CHECK_FALSE(spool.status().ok());
}
