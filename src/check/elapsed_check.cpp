#include "check/elapsed_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "check/source_groups.h"
#include "extract/date_parser.h"

namespace crosscheck::check {
namespace {

std::string TwoDecimals(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

bool IsResolved(const Interval& days) { return std::isfinite(days.lo) && std::isfinite(days.hi); }

struct Pair {
  const SourcedClaim* duration;
  const SourcedClaim* start;
  bool fits = true;
  std::string reason;
};

}  // namespace

std::vector<Finding> CheckElapsed(const link::LinkResult& linked, const std::vector<SourcedClaim>& claims,
                                  const std::vector<ElapsedRule>& rules, const AnchorOf& anchor_of,
                                  const ValueComparator& comparator, const SourceClusters* clusters) {
  std::vector<Finding> findings;
  for (const ElapsedRule& rule : rules) {
    // Subject id -> the claims of each of the two templates.
    std::map<std::string, std::pair<const link::SubjectGroup*, const link::SubjectGroup*>> by_subject;
    for (const link::SubjectGroup& g : linked.groups) {
      if (g.template_id == rule.duration_template) by_subject[g.subject.id].first = &g;
      if (g.template_id == rule.start_template) by_subject[g.subject.id].second = &g;
    }
    for (const auto& [subject_id, groups] : by_subject) {
      if (groups.first == nullptr || groups.second == nullptr) continue;
      std::vector<Pair> pairs;
      std::set<std::string> unanchored;
      for (size_t di : groups.first->claims) {
        const SourcedClaim& d = claims[di];
        if (d.claim.modality == Modality::kNegated) continue;
        const extract::TimeAnchor* anchor = anchor_of(d.source.path);
        if (anchor == nullptr || !anchor->found()) {
          unanchored.insert(d.source.outlet);
          continue;
        }
        const int anchor_day = *extract::IsoToDays(anchor->date);
        for (size_t si : groups.second->claims) {
          const SourcedClaim& s = claims[si];
          if (s.claim.modality == Modality::kNegated || !IsResolved(s.claim.value.interval)) continue;
          // The start is a span ("February 2022"): the elapsed time is too.
          Value implied;
          implied.kind = ValueKind::kQuantity;
          implied.type = d.claim.value.type;
          implied.unit = d.claim.value.unit;
          implied.interval = {(anchor_day - s.claim.value.interval.hi) / rule.days_per_unit,
                              (anchor_day - s.claim.value.interval.lo) / rule.days_per_unit, false, false};
          implied.display = TwoDecimals(implied.interval.lo) + " to " + TwoDecimals(implied.interval.hi) + " " + implied.unit;
          const Comparison c = comparator.Compare(d.claim.value, implied);
          Pair p{&d, &s, c.relation != Relation::kDisjoint, ""};
          p.reason = "\"" + d.claim.value.text + "\" (" + d.source.outlet + ", " + d.claim.value.display + ") " +
                     (p.fits ? "fits" : "does not fit") + " " + anchor->date + " (" +
                     std::string(extract::AnchorSourceName(anchor->source)) + ") minus \"" +
                     s.claim.value.text + "\" (" + s.source.outlet + ", " + s.claim.value.display + ") = " +
                     implied.display;
          pairs.push_back(std::move(p));
        }
      }
      if (pairs.empty()) continue;
      Finding f;
      f.template_id = rule.duration_template;
      f.derived_from = rule.start_template;
      f.subject = groups.first->subject;
      f.id = rule.duration_template + "+" + rule.start_template + "/" + subject_id;
      const auto bad = std::find_if(pairs.begin(), pairs.end(), [](const Pair& p) { return !p.fits; });
      f.verdict = bad == pairs.end() ? Verdict::kAgree : Verdict::kConflict;
      f.strength = bad == pairs.end() ? ConflictStrength::kNone : ConflictStrength::kFirm;
      if (bad != pairs.end() && (bad->duration->claim.modality == Modality::kHedged ||
                                 bad->start->claim.modality == Modality::kHedged)) {
        f.strength = ConflictStrength::kWeak;
      }
      f.reason = bad != pairs.end() ? bad->reason : pairs.front().reason;
      if (pairs.size() > 1) {
        const size_t fitting = static_cast<size_t>(std::count_if(pairs.begin(), pairs.end(), [](const Pair& p) { return p.fits; }));
        f.reason += " (" + std::to_string(fitting) + " of " + std::to_string(pairs.size()) + " pairs fit)";
      }
      if (!unanchored.empty()) {
        std::string names;
        for (const std::string& o : unanchored) names += (names.empty() ? "" : ", ") + o;
        f.reason += "; not checked for " + names + ": no anchor date";
      }
      std::set<const SourcedClaim*> used;
      std::set<std::string> outlets;
      for (const Pair& p : pairs) {
        used.insert(p.duration);
        used.insert(p.start);
        if (!p.fits && p.duration->source.path == p.start->source.path) {
          const bool seen = std::any_of(f.self_contradictions.begin(), f.self_contradictions.end(),
                                        [&](const SelfContradiction& s) { return s.document == p.duration->source.path; });
          if (!seen) f.self_contradictions.push_back({p.duration->source.path, p.duration->source.outlet, p.reason});
        }
      }
      for (const SourcedClaim* c : used) {
        f.claims.push_back(*c);
        outlets.insert(c->source.outlet);
      }
      std::sort(f.claims.begin(), f.claims.end(), [](const SourcedClaim& a, const SourcedClaim& b) {
        return a.source.path != b.source.path ? a.source.path < b.source.path
                                              : a.claim.match_raw.begin < b.claim.match_raw.begin;
      });
      f.outlets = outlets.size();
      const std::vector<size_t> source_of = SourceGroups(f.claims, clusters);  // the checker's rule
      f.sources = std::set<size_t>(source_of.begin(), source_of.end()).size();
      findings.push_back(std::move(f));
    }
  }
  return findings;
}

}  // namespace crosscheck::check
