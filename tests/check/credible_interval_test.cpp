// Tests for check/credible_interval: Wilson and Beta intervals.
#include <catch2/catch.hpp>

#include <cmath>

#include "check/credible_interval.h"

using crosscheck::check::BetaInterval;
using crosscheck::check::ShareInterval;
using crosscheck::check::WilsonInterval;

TEST_CASE("WilsonInterval: known values, and no evidence gives [0, 1]", "[check][consensus]") {
  const ShareInterval none = WilsonInterval(0, 0);
  CHECK(none.lo == 0);
  CHECK(none.hi == 1);
  const ShareInterval half = WilsonInterval(5, 10);  // 95%: 0.2366 to 0.7634
  CHECK(half.lo == Approx(0.2366).margin(1e-4));
  CHECK(half.hi == Approx(0.7634).margin(1e-4));
  const ShareInterval all = WilsonInterval(3, 3);  // never claims certainty from three
  CHECK(all.hi == Approx(1.0));
  CHECK(all.lo == Approx(0.4385).margin(1e-4));
  const ShareInterval soft = WilsonInterval(1.5, 2.5);  // weighted evidence
  CHECK(soft.lo < 0.6);
  CHECK(soft.hi > 0.6);
}

TEST_CASE("BetaInterval: the central mass of a Beta distribution", "[check][consensus]") {
  const ShareInterval uniform = BetaInterval(1, 1, 0.9);
  CHECK(uniform.lo == Approx(0.05));
  CHECK(uniform.hi == Approx(0.95));
  const ShareInterval one_source = BetaInterval(2, 1, 0.9);  // density 2x: quantile sqrt(p)
  CHECK(one_source.lo == Approx(std::sqrt(0.05)));
  CHECK(one_source.hi == Approx(std::sqrt(0.95)));
  const ShareInterval bad = BetaInterval(0, 1, 0.9);
  CHECK(bad.lo == 0);
  CHECK(bad.hi == 1);
}
