#include "check/consistency_checker.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "check/source_groups.h"

namespace crosscheck::check {
namespace {

int VerdictRank(Verdict v) {
  switch (v) {
    case Verdict::kConflict: return 0;
    case Verdict::kCompatible: return 1;
    case Verdict::kAgree: return 2;
    case Verdict::kSingleSource: return 3;
  }
  return 4;
}

// Width of a value, to prefer the most precise pair when explaining.
double Width(const Value& v) {
  if (v.kind != ValueKind::kQuantity && v.kind != ValueKind::kDate) return 0;
  return v.interval.hi - v.interval.lo;
}

struct PairResult {
  const SourcedClaim* a;
  const SourcedClaim* b;
  Comparison comparison;
};

// Relation of two claims, modality included: a denial contradicts the value it denies.
Comparison ComparePair(const ValueComparator& comparator, const Claim& a, const Claim& b) {
  const bool a_negated = a.modality == Modality::kNegated;
  const bool b_negated = b.modality == Modality::kNegated;
  if (a.value.kind == ValueKind::kEvent) {
    if (a_negated != b_negated) {
      return {Relation::kDisjoint, a_negated ? "one outlet denies what another reports" : "one outlet reports what another denies"};
    }
    return {Relation::kSame, a_negated ? "both deny it" : "both report it"};
  }
  if (a_negated == b_negated) return comparator.Compare(a.value, b.value);
  // A denial contradicts an assertion only when the asserted value lies inside
  // the denied one: "not 90 minutes" does not contradict "over an hour".
  const Claim& denied = a_negated ? a : b;
  const Claim& asserted = a_negated ? b : a;
  const Comparison c = comparator.Compare(asserted.value, denied.value);
  if (c.relation == Relation::kSame || c.relation == Relation::kWithin) {
    return {Relation::kDisjoint, "one asserts " + asserted.value.display + ", the other denies " + denied.value.display};
  }
  return {Relation::kOverlaps, "one denies " + denied.value.display + ", the other says " + asserted.value.display};
}

std::string Quote(const std::string& cue) { return "'" + cue + "'"; }

std::string Lower(std::string text) {
  for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return text;
}

// Both claims are attributed, to different parties. A claim an outlet states
// itself and one it attributes are not "different attributions": the outlet
// still asserts its own.
bool DifferentAttributions(const Claim& a, const Claim& b) {
  return !a.attribution.empty() && !b.attribution.empty() && Lower(a.attribution) != Lower(b.attribution);
}

std::string JoinNames(const std::set<std::string>& names) {
  std::string out;
  size_t k = 0;
  for (const std::string& name : names) {
    out += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + name;
    ++k;
  }
  return out;
}

}  // namespace

namespace {

Finding FindingFor(const link::SubjectGroup& group) {
  Finding f;
  f.template_id = group.template_id;
  f.subject = group.subject;
  f.id = group.template_id + "/" + group.subject.id;
  return f;
}

// A finding's claims: by document path, then offset.
void SortClaims(std::vector<SourcedClaim>* claims) {
  std::sort(claims->begin(), claims->end(), [](const SourcedClaim& a, const SourcedClaim& b) {
    return a.source.path != b.source.path ? a.source.path < b.source.path
                                          : a.claim.match_raw.begin < b.claim.match_raw.begin;
  });
}

void SortFindings(std::vector<Finding>* findings) { std::stable_sort(findings->begin(), findings->end(), ReportedBefore); }

}  // namespace

bool ReportedBefore(const Finding& a, const Finding& b) {
  if (VerdictRank(a.verdict) != VerdictRank(b.verdict)) return VerdictRank(a.verdict) < VerdictRank(b.verdict);
  if (a.strength != b.strength) return a.strength == ConflictStrength::kFirm;  // flat contradictions first
  return a.id < b.id;
}

Finding ConsistencyChecker::Check(const link::SubjectGroup& group, const std::vector<SourcedClaim>& claims) const {
  Finding f = FindingFor(group);
  f.claims.reserve(group.claims.size());
  for (size_t index : group.claims) f.claims.push_back(claims[index]);
  SortClaims(&f.claims);
  return Judge(std::move(f));
}

Finding ConsistencyChecker::Judge(Finding f) const {
  std::set<std::string> outlets;
  for (const SourcedClaim& c : f.claims) outlets.insert(c.source.outlet);
  f.outlets = outlets.size();
  // A document that contradicts itself is flagged whatever the verdict. Claims
  // are sorted by document, so each document's claims are one run.
  for (size_t i = 0; i < f.claims.size();) {
    size_t end = i;
    while (end < f.claims.size() && f.claims[end].source.path == f.claims[i].source.path) ++end;
    bool found = false;
    for (size_t x = i; x < end && !found; ++x) {
      for (size_t y = x + 1; y < end && !found; ++y) {
        const Comparison c = ComparePair(*comparator_, f.claims[x].claim, f.claims[y].claim);
        if (c.relation != Relation::kDisjoint) continue;
        f.self_contradictions.push_back({f.claims[i].source.path, f.claims[i].source.outlet, c.reason});
        found = true;
      }
    }
    i = end;
  }
  const std::vector<size_t> groups = SourceGroups(f.claims, clusters_);
  f.sources = std::set<size_t>(groups.begin(), groups.end()).size();

  if (f.sources <= 1) {
    f.verdict = Verdict::kSingleSource;
    const std::string& outlet = f.claims.front().source.outlet;
    f.reason = outlets.size() <= 1 ? "only " + outlet + " reports it"
                                   : "only one independent source: " + JoinNames(outlets) + " publish copies of one story";
    // Say so when the one source contradicts itself.
    for (size_t i = 0; i < f.claims.size(); ++i) {
      for (size_t j = i + 1; j < f.claims.size(); ++j) {
        Comparison c = ComparePair(*comparator_, f.claims[i].claim, f.claims[j].claim);
        if (c.relation == Relation::kDisjoint) {
          f.reason += outlets.size() <= 1 ? "; its own claims disagree: " + c.reason : "; the copies disagree: " + c.reason;
          return f;
        }
      }
    }
    const Value& value = f.claims.front().claim.value;
    if (f.claims.size() > 1) f.reason += " (" + std::to_string(f.claims.size()) + " claims)";
    if (value.kind != ValueKind::kEvent) f.reason += ": " + value.display;
    return f;
  }

  // Pairs are compared one at a time, never all kept: a subject can have
  // thousands of claims. The first firm conflict decides, so it ends the scan.
  std::optional<PairResult> firm_conflict;
  std::optional<PairResult> hedged_conflict;
  std::optional<PairResult> attributed_conflict;
  std::optional<PairResult> best;  // compatible: the most precise pair that is not identical
  bool all_same = true;
  for (size_t i = 0; i < f.claims.size() && !firm_conflict; ++i) {
    for (size_t j = i + 1; j < f.claims.size(); ++j) {
      if (groups[i] == groups[j]) continue;  // one outlet, or copies of one story
      PairResult p{&f.claims[i], &f.claims[j], ComparePair(*comparator_, f.claims[i].claim, f.claims[j].claim)};
      if (p.comparison.relation != Relation::kSame) {
        all_same = false;
        const double width = std::min(Width(p.a->claim.value), Width(p.b->claim.value));
        if (!best || width < std::min(Width(best->a->claim.value), Width(best->b->claim.value))) best = p;
      }
      if (p.comparison.relation != Relation::kDisjoint) continue;
      // A flat contradiction outranks a weak one: one that rests on a hedged
      // claim, or on claims the outlets attribute to different parties (the
      // Kremlin says one thing, the White House another).
      const bool hedged = p.a->claim.modality == Modality::kHedged || p.b->claim.modality == Modality::kHedged;
      const bool attributed = DifferentAttributions(p.a->claim, p.b->claim);
      if (!hedged && !attributed) {
        firm_conflict = std::move(p);
        break;
      }
      if (hedged && !hedged_conflict) hedged_conflict = p;
      if (!hedged && attributed && !attributed_conflict) attributed_conflict = p;
    }
  }
  auto between = [](const PairResult& p) {
    return " (" + p.a->source.outlet + ": " + p.a->claim.value.display + "; " + p.b->source.outlet + ": " +
           p.b->claim.value.display + ")";
  };
  if (firm_conflict) {
    f.verdict = Verdict::kConflict;
    f.strength = ConflictStrength::kFirm;
    f.reason = firm_conflict->comparison.reason + between(*firm_conflict);
    return f;
  }
  if (attributed_conflict) {
    f.verdict = Verdict::kConflict;
    f.strength = ConflictStrength::kWeak;
    f.reason = attributed_conflict->comparison.reason + between(*attributed_conflict) + "; the claims are attributed to " +
               attributed_conflict->a->claim.attribution + " and to " + attributed_conflict->b->claim.attribution;
    return f;
  }
  if (hedged_conflict) {
    const SourcedClaim* hedged = hedged_conflict->a->claim.modality == Modality::kHedged ? hedged_conflict->a : hedged_conflict->b;
    f.verdict = Verdict::kConflict;
    f.strength = ConflictStrength::kWeak;
    f.reason = hedged_conflict->comparison.reason + between(*hedged_conflict) + "; " + hedged->source.outlet +
               " hedges (" + Quote(hedged->claim.modality_cue) + ")";
    return f;
  }
  if (all_same) {
    f.verdict = Verdict::kAgree;
    const Claim& first = f.claims.front().claim;
    const bool all_hedged = std::all_of(f.claims.begin(), f.claims.end(),
                                        [](const SourcedClaim& c) { return c.claim.modality == Modality::kHedged; });
    // Copies count once: "all 3 outlets (2 independent sources) say ...".
    const std::string who = "all " + std::to_string(f.outlets) + " outlets" +
                            (f.sources < f.outlets ? " (" + std::to_string(f.sources) + " independent sources)" : "");
    f.reason = who + " say " + first.value.display + (all_hedged ? " (all hedged)" : "");
    if (first.value.kind == ValueKind::kEvent) {
      f.reason = who + " " + (first.modality == Modality::kNegated ? "deny it" : "report it");
    }
    return f;
  }
  f.verdict = Verdict::kCompatible;
  f.reason = best ? best->comparison.reason : "the values are consistent";
  return f;
}

std::vector<Finding> ConsistencyChecker::CheckAll(const link::LinkResult& linked,
                                                  const std::vector<SourcedClaim>& claims) const {
  std::vector<Finding> findings;
  findings.reserve(linked.groups.size());
  for (const link::SubjectGroup& group : linked.groups) findings.push_back(Check(group, claims));
  SortFindings(&findings);
  return findings;
}

std::vector<Finding> ConsistencyChecker::CheckAll(const link::LinkResult& linked, std::vector<SourcedClaim>&& claims) const {
  size_t checked = 0;
  return CheckAll(linked, std::move(claims), nullptr, &checked);
}

std::vector<Finding> ConsistencyChecker::CheckAll(const link::LinkResult& linked, std::vector<SourcedClaim>&& claims,
                                                  const Reuse& reuse, size_t* checked) const {
  std::vector<Finding> findings;
  findings.reserve(linked.groups.size());
  std::vector<bool> moved(claims.size(), false);
  for (const link::SubjectGroup& group : linked.groups) {
    std::vector<SourcedClaim> own;
    own.reserve(group.claims.size());
    for (size_t index : group.claims) {
      // A claim in two groups is copied into the second: only its first use may take it.
      own.push_back(moved[index] ? claims[index] : std::move(claims[index]));
      moved[index] = true;
    }
    bool judged = false;
    findings.push_back(CheckGroup(group, std::move(own), reuse, &judged));
    *checked += judged ? 1 : 0;
  }
  std::vector<SourcedClaim>().swap(claims);
  SortFindings(&findings);
  return findings;
}

Finding ConsistencyChecker::CheckGroup(const link::SubjectGroup& group, std::vector<SourcedClaim> claims,
                                       const Reuse& reuse, bool* judged) const {
  Finding f = FindingFor(group);
  f.claims = std::move(claims);
  SortClaims(&f.claims);
  *judged = false;
  if (reuse && reuse(&f)) return f;
  *judged = true;
  return Judge(std::move(f));
}

}  // namespace crosscheck::check
