#include "check/credible_interval.h"

#include <boost/math/distributions/beta.hpp>

#include <algorithm>
#include <cmath>

namespace crosscheck::check {

ShareInterval WilsonInterval(double successes, double trials, double z) {
  if (!(trials > 0)) return {0, 1};
  const double p = std::clamp(successes / trials, 0.0, 1.0);
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const double half = z / (1 + z2 / trials) * std::sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials));
  return {std::clamp(centre - half, 0.0, 1.0), std::clamp(centre + half, 0.0, 1.0)};
}

ShareInterval BetaInterval(double alpha, double beta, double mass) {
  if (!(alpha > 0) || !(beta > 0) || !(mass > 0 && mass < 1)) return {0, 1};
  const boost::math::beta_distribution<double> distribution(alpha, beta);
  const double tail = (1 - mass) / 2;
  return {boost::math::quantile(distribution, tail), boost::math::quantile(distribution, 1 - tail)};
}

}  // namespace crosscheck::check
