// ConsistencyChecker: the verdict on each subject and claim kind.
//
//   single_source  one independent source reports it: one outlet (however many
//                  claims it makes), or several outlets whose documents are
//                  copies of one story (link/source_clusters.h)
//   conflict       two outlets make claims that cannot both be true: disjoint
//                  values, or one denies what another asserts
//   agree          every outlet says the same value
//   compatible     otherwise: the same fact at different precision, or a place
//                  and a place containing it
// Every verdict carries a one-line reason naming the values that decided it.
// A conflict that rests on a hedged claim says so in its reason.
#pragma once

#include <functional>
#include <vector>

#include "check/value_comparator.h"
#include "crosscheck/finding.h"
#include "crosscheck/source_cluster.h"
#include "link/subject_linker.h"

namespace crosscheck::check {

// The order CheckAll returns findings in: conflicts first, flat contradictions
// before weak ones, then by id (for std::stable_sort).
bool ReportedBefore(const Finding& a, const Finding& b);

class ConsistencyChecker {
 public:
  explicit ConsistencyChecker(const ValueComparator& comparator) : comparator_(&comparator) {}
  explicit ConsistencyChecker(ValueComparator&&) = delete;  // keeps a pointer: no temporaries

  // Copies of one story count as one source; without this every outlet is independent.
  void SetSourceClusters(const SourceClusters* clusters) { clusters_ = clusters; }

  Finding Check(const link::SubjectGroup& group, const std::vector<SourcedClaim>& claims) const;
  // Findings for every group, conflicts first, then compatible, agree and single source.
  std::vector<Finding> CheckAll(const link::LinkResult& linked, const std::vector<SourcedClaim>& claims) const;
  // The same, moving the claims into the findings instead of copying them:
  // a corpus's claims are then held once, not twice. `claims` is emptied.
  std::vector<Finding> CheckAll(const link::LinkResult& linked, std::vector<SourcedClaim>&& claims) const;

  // Whether a group's stored finding stands: called with the group's finding,
  // its subject and claims filled in (claims in finding order), it fills in
  // the rest and returns true; or returns false, and the group is checked.
  using Reuse = std::function<bool(Finding*)>;
  // CheckAll, asking `reuse` first for each group; `checked` counts the groups judged afresh.
  std::vector<Finding> CheckAll(const link::LinkResult& linked, std::vector<SourcedClaim>&& claims, const Reuse& reuse,
                                size_t* checked) const;
  // One group's finding from its claims, given in the group's order: what
  // CheckAll makes of it, for a caller that reads one group at a time.
  // `judged` says whether it was checked afresh rather than reused.
  Finding CheckGroup(const link::SubjectGroup& group, std::vector<SourcedClaim> claims, const Reuse& reuse,
                     bool* judged) const;

 private:
  Finding Judge(Finding finding) const;  // the verdict on a finding's claims, which it holds sorted

  const ValueComparator* comparator_;
  const SourceClusters* clusters_ = nullptr;
};

}  // namespace crosscheck::check
