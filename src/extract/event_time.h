// Event time: when a claim says its event happened, resolved against the
// document's anchor date (extract/time_anchor.h) with the evidence kept.
//
// A claim whose value is a date (a `date` slot: "the call took place on
// Wednesday") is resolved from its value; any other claim from the first date
// expression of its sentence ("Trump and Putin spoke on Wednesday"). Runs at
// report time, not extraction time: the anchor depends on the manifest and the
// document's text, not on the claim alone.
#pragma once

#include "crosscheck/claim.h"
#include "extract/time_anchor.h"

namespace crosscheck::extract {

// Sets claim->when and claim->time (the ISO day used to link subjects; left
// empty for date-valued claims, whose date is what is checked), and for a
// date-valued claim its value.
void ResolveClaimTime(const TimeAnchor& anchor, Claim* claim);

}  // namespace crosscheck::extract
