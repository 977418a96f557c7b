// SourceGroups: which claims come from one independent source.
#pragma once

#include <cstddef>
#include <vector>

#include "crosscheck/finding.h"
#include "crosscheck/source_cluster.h"

namespace crosscheck::check {

// The independent source of each claim, as a group number (0, 1, ... in claim
// order): claims of one outlet, or of documents that are copies of one story,
// share a group. The checker and the consensus both count sources by it, so
// `sources` means the same in a verdict and in its consensus.
std::vector<size_t> SourceGroups(const std::vector<SourcedClaim>& claims, const SourceClusters* clusters);

}  // namespace crosscheck::check
