// Intervals around a share estimated from few observations, so that a report
// can say how sure a number is: the Wilson score interval for an observed
// proportion, and the equal-tailed credible interval of a Beta posterior.
// Both take fractional counts (weighted evidence) and stay inside [0, 1].
#pragma once

namespace crosscheck::check {

struct ShareInterval {
  double lo = 0;
  double hi = 1;
};

// Wilson score interval for `successes` out of `trials` at the normal quantile
// `z` (1.96: 95%). No trials: [0, 1], the honest answer to "how often?".
ShareInterval WilsonInterval(double successes, double trials, double z = 1.96);

// The central `mass` (0.9: from the 5th to the 95th percentile) of Beta(alpha, beta).
ShareInterval BetaInterval(double alpha, double beta, double mass = 0.9);

}  // namespace crosscheck::check
