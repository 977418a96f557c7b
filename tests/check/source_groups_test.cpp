// Tests for check/source_groups: one outlet is one source, and so are copies
// of one story across outlets; groups are numbered densely in claim order.
#include <catch2/catch.hpp>

#include "check/source_groups.h"

namespace {

crosscheck::SourcedClaim From(const std::string& outlet, const std::string& path) {
  crosscheck::SourcedClaim c;
  c.source.outlet = outlet;
  c.source.path = path;
  return c;
}

}  // namespace

TEST_CASE("source groups: an outlet is one source, and copies join outlets", "[check][sources]") {
  const std::vector<crosscheck::SourcedClaim> claims = {
      From("A", "a1.txt"), From("B", "b1.txt"), From("A", "a2.txt"), From("C", "c1.txt"), From("D", "d1.txt")};
  using crosscheck::check::SourceGroups;
  CHECK(SourceGroups(claims, nullptr) == std::vector<size_t>{0, 1, 0, 2, 3});
  crosscheck::SourceClusters clusters;
  clusters.cluster_of = {{"b1.txt", "copies:b1.txt"}, {"d1.txt", "copies:b1.txt"}};
  CHECK(SourceGroups(claims, &clusters) == std::vector<size_t>{0, 1, 0, 2, 1});
  // A copy that links two outlets merges everything either outlet said.
  clusters.cluster_of = {{"a2.txt", "copies:a2.txt"}, {"c1.txt", "copies:a2.txt"}};
  CHECK(SourceGroups(claims, &clusters) == std::vector<size_t>{0, 1, 0, 0, 2});
}
