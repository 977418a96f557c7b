// Elapsed-time check: a derived fact ("the nearly three-year-old war", "three
// years of American policy") checked against a start date ("Russia's invasion
// of Ukraine in February 2022") stated about the same subject.
//
// A duration template declares `since = "<start template>"` (docs/templates.md,
// "Derived facts"). For each subject with claims of both, every pair of a
// duration claim and a start claim is compared: the duration claim's document
// anchor date minus the start date (an interval, as precise as the start date
// is) must overlap the stated duration (with its own tolerance: "nearly",
// "about", "more than"). One finding per subject and template pair: conflict
// when a pair does not fit, agree when every checkable pair fits. Pairs whose
// duration comes from a document with no anchor date cannot be checked and are
// named in the reason; with no checkable pair there is no finding. Outlets
// publishing copies of one story (`clusters`) count as one source.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "check/value_comparator.h"
#include "crosscheck/finding.h"
#include "crosscheck/source_cluster.h"
#include "extract/time_anchor.h"
#include "link/subject_linker.h"

namespace crosscheck::check {

struct ElapsedRule {
  std::string duration_template;  // e.g. "war_age"
  std::string start_template;     // e.g. "war_start"
  double days_per_unit = 0;       // of the duration's base unit (365.2425 for years)
};

// A document's anchor date by its path; nullptr when it has none.
using AnchorOf = std::function<const extract::TimeAnchor*(const std::string& path)>;

std::vector<Finding> CheckElapsed(const link::LinkResult& linked, const std::vector<SourcedClaim>& claims,
                                  const std::vector<ElapsedRule>& rules, const AnchorOf& anchor_of,
                                  const ValueComparator& comparator, const SourceClusters* clusters = nullptr);

}  // namespace crosscheck::check
