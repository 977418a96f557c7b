#include "check/truth_discovery.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>

#include "check/source_groups.h"
#include "check/truth_subject.h"
#include "util/record_spool.h"

namespace crosscheck::check {
namespace truth_internal {

// Scores closer than this are a tie: sums of trusts differ in the last bits
// depending on the order they were added in.
constexpr double kTie = 1e-9;

// A value a subject might have: what some claim asserts (or, for events, denies).
struct Candidate {
  Value value;
  bool negated = false;  // events only: "did not happen"
  std::string display;
  size_t first = 0;      // index of the first claim with it, for a stable order
  std::set<size_t> groups;
};

std::string CandidateKey(const Claim& c) {
  const bool negated = c.modality == Modality::kNegated;
  if (c.value.kind == ValueKind::kEvent) return negated ? "n" : "a";
  return "a" + c.value.type + '\x1f' + c.value.id + '\x1f' + c.value.display;
}

class Discovery {
 public:
  Discovery(const SourceClusters* clusters, const ValueComparator& comparator, const TruthDiscoveryOptions& options,
            const TruthSpillOptions& spill)
      : clusters_(clusters), comparator_(comparator), options_(options), subjects_(spill.memory_budget, spill.folder) {}

  // Outlets are numbered as they come; Finish ranks them by name, the order
  // in which every sum over outlets adds them.
  void Add(const Finding& f) {
    for (const SourcedClaim& c : f.claims) outlet_index_.emplace(c.source.outlet, outlet_index_.size());
    subject_of_.push_back(f.claims.empty() ? kNone : subjects_.size());
    if (f.claims.empty()) return;
    record_.clear();
    EncodeSubject(Prepare(f), &record_);
    subjects_.Append(record_);
  }

  // Subjects in `order` (numbers of Add calls), outlets in name order: as if
  // every finding had been given at once, in that order, so that sums of
  // trusts are added in the same order whatever order the findings came in.
  void Finish(const std::vector<size_t>& order) {
    rank_.assign(outlet_index_.size(), 0);
    by_rank_.clear();
    for (const auto& [name, index] : outlet_index_) {
      rank_[index] = by_rank_.size();
      by_rank_.push_back(index);
      outlet_names_.push_back(name);
    }
    for (size_t added : order) {
      if (added >= subject_of_.size() || subject_of_[added] == kNone) continue;
      ordered_.push_back(subject_of_[added]);
    }
    std::vector<size_t>().swap(subject_of_);
  }

  const Status& status() const { return subjects_.status().ok() ? status_ : subjects_.status(); }

  TruthDiscovery Run() {
    TruthDiscovery result;
    const double prior = options_.prior_agree / (options_.prior_agree + options_.prior_disagree);
    trust_.assign(outlet_names_.size(), prior);
    std::vector<Evidence> evidence;
    for (size_t round = 1; round <= options_.max_iterations; ++round) {
      evidence = Gather();
      double change = 0;
      for (size_t o : by_rank_) {
        const double t = (options_.prior_agree + evidence[o].agree) /
                         (options_.prior_agree + options_.prior_disagree + evidence[o].agree + evidence[o].disagree);
        change = std::max(change, std::fabs(t - trust_[o]));
        trust_[o] = t;
      }
      result.iterations = round;
      if (change < options_.tolerance) {
        result.converged = true;
        break;
      }
    }
    if (options_.max_iterations == 0) evidence = Gather();
    ForEachSubject([&](const SubjectView& s) { result.consensus.emplace(std::string(s.finding_id()), Conclude(s)); });
    for (size_t ranked = 0; ranked < outlet_names_.size(); ++ranked) {
      const size_t o = by_rank_[ranked];
      const Evidence& e = evidence[o];
      OutletReliability r;
      r.outlet = outlet_names_[ranked];
      r.claims = e.claims;
      r.subjects = e.subjects;
      r.agree = e.agree_count;
      r.disagree = e.disagree_count;
      r.agreement_weight = e.agree;
      r.disagreement_weight = e.disagree;
      r.score = trust_[o];
      const double total = e.agree + e.disagree;
      r.agreement_rate = total > 0 ? e.agree / total : 0;
      r.interval = WilsonInterval(e.agree, total);
      r.enough_evidence = e.subjects >= options_.min_subjects;
      result.outlets.push_back(std::move(r));
    }
    return result;
  }

 private:
  struct Evidence {
    double agree = 0;
    double disagree = 0;
    size_t agree_count = 0;
    size_t disagree_count = 0;
    size_t subjects = 0;
    size_t claims = 0;
  };

  double Weight(const Claim& c) const { return c.modality == Modality::kHedged ? options_.hedged_weight : 1.0; }

  // How right a claim would be if the candidate were the truth: 1 when the
  // candidate implies it, 0 when they cannot both hold, `partial` otherwise.
  double Right(const Value& value, bool negated, const Candidate& v) const {
    if (value.kind == ValueKind::kEvent) return negated == v.negated ? 1.0 : 0.0;
    const Relation r = comparator_.Compare(v.value, value).relation;  // the candidate against the claim
    const bool implied = r == Relation::kSame || r == Relation::kWithin;
    if (negated) return implied ? 0.0 : r == Relation::kDisjoint ? 1.0 : options_.partial;
    return implied ? 1.0 : r == Relation::kDisjoint ? 0.0 : options_.partial;
  }

  SubjectEvidence Prepare(const Finding& f) const {
    SubjectEvidence s;
    s.finding_id = f.id;
    const std::vector<SourcedClaim>& claims = f.claims;
    const std::vector<size_t> group_of = SourceGroups(claims, clusters_);
    const size_t group_count = claims.empty() ? 0 : *std::max_element(group_of.begin(), group_of.end()) + 1;

    // Candidates: the distinct values claimed; the most widely claimed when there are many.
    std::map<std::string, size_t> by_key;
    std::vector<Candidate> all;
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i].claim;
      const bool negated = c.modality == Modality::kNegated;
      if (negated && c.value.kind != ValueKind::kEvent) continue;  // "not in Vienna" proposes no place
      auto [it, inserted] = by_key.emplace(CandidateKey(c), all.size());
      if (inserted) {
        Candidate v;
        v.value = c.value;
        v.negated = negated;
        v.display = negated ? "did not happen" : c.value.display;
        v.first = i;
        all.push_back(std::move(v));
      }
      all[it->second].groups.insert(group_of[i]);
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Candidate& a, const Candidate& b) { return a.groups.size() > b.groups.size(); });
    if (all.size() > options_.max_candidates) all.resize(options_.max_candidates);
    std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
    const std::vector<Candidate> candidates = std::move(all);
    const size_t k = candidates.size();

    // How right each distinct claimed value would be under each candidate.
    std::map<std::string, std::vector<double>> right_of;
    auto rights = [&](const Claim& c) -> const std::vector<double>& {
      const bool negated = c.modality == Modality::kNegated;
      auto [it, inserted] = right_of.emplace((negated ? "n" : "a") + c.value.type + '\x1f' + c.value.id + '\x1f' + c.value.display,
                                             std::vector<double>());
      if (inserted) {
        it->second.reserve(k);
        for (const Candidate& v : candidates) it->second.push_back(Right(c.value, negated, v));
      }
      return it->second;
    };

    s.groups.resize(group_count);
    std::vector<size_t> group_claims(group_count, 0);
    std::map<std::pair<size_t, size_t>, size_t> part_of;  // (group, outlet) -> part
    for (Group& g : s.groups) {
      g.vote.assign(k, 0);
      g.wrong.assign(k, 0);
      g.right.assign(k, 0);
    }
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i].claim;
      const std::vector<double>& r = rights(c);
      const double w = Weight(c);
      Group& g = s.groups[group_of[i]];
      const size_t outlet = outlet_index_.at(claims[i].source.outlet);
      if (std::find(g.outlets.begin(), g.outlets.end(), outlet) == g.outlets.end()) g.outlets.push_back(outlet);
      ++group_claims[group_of[i]];
      g.weight += w;
      auto [pit, inserted] = part_of.emplace(std::make_pair(group_of[i], outlet), s.parts.size());
      if (inserted) {
        OutletPart p;
        p.outlet = outlet;
        p.group = group_of[i];
        p.fits.assign(k, 0);
        s.parts.push_back(std::move(p));
      }
      OutletPart& part = s.parts[pit->second];
      ++part.claims;
      part.weight += w;
      for (size_t v = 0; v < k; ++v) {
        g.vote[v] += w * r[v];
        g.wrong[v] += r[v] == 0 ? w : 0;
        g.right[v] += r[v];
        part.fits[v] += r[v] > 0 ? 1 : 0;
      }
    }
    for (size_t gi = 0; gi < group_count; ++gi) {
      Group& g = s.groups[gi];
      const double n = static_cast<double>(group_claims[gi]);
      g.weight /= n;
      for (size_t v = 0; v < k; ++v) {
        g.vote[v] /= n;
        g.wrong[v] /= n;
        g.right[v] /= n;
      }
      std::sort(g.outlets.begin(), g.outlets.end());
    }
    for (OutletPart& p : s.parts) {
      const double n = static_cast<double>(p.claims);
      p.weight /= n;
      for (double& x : p.fits) x /= n;
    }
    s.within.assign(k, std::vector<bool>(k, false));
    s.exclusive.assign(k, std::vector<bool>(k, false));
    for (size_t a = 0; a < k; ++a) {
      for (size_t b = 0; b < k; ++b) {
        if (a == b) continue;
        const Candidate& x = candidates[a];
        const Candidate& y = candidates[b];
        if (x.value.kind == ValueKind::kEvent) {
          s.exclusive[a][b] = x.negated != y.negated;
          continue;
        }
        // Other candidates are never denials: one comparison gives both relations.
        const Relation r = comparator_.Compare(x.value, y.value).relation;
        s.exclusive[a][b] = r == Relation::kDisjoint;
        s.within[a][b] = r == Relation::kWithin;
      }
    }
    for (const Candidate& v : candidates) s.candidates.push_back(v.display);
    return s;
  }

  // The group's outlets' mean trust, summed in name order as the outlets' numbers once were.
  double GroupTrust(const SubjectView& s, size_t g) const {
    const size_t n = s.outlet_count(g);
    if (n == 1) return trust_[s.outlet(g, 0)];
    ranked_.clear();
    for (size_t i = 0; i < n; ++i) ranked_.push_back(rank_[s.outlet(g, i)]);
    std::sort(ranked_.begin(), ranked_.end());
    double sum = 0;
    for (size_t r : ranked_) sum += trust_[by_rank_[r]];
    return n == 0 ? 0 : sum / static_cast<double>(n);
  }

  // Each source's trust, each candidate's trust-weighted support, and the total weight of the sources.
  struct Weights {
    std::vector<double> trust;
    std::vector<double> score;
    double total = 0;
  };
  Weights Tally(const SubjectView& s) const {
    Weights w{std::vector<double>(s.groups()), std::vector<double>(s.candidates(), 0), 0};
    for (size_t g = 0; g < s.groups(); ++g) {
      w.trust[g] = GroupTrust(s, g);
      w.total += w.trust[g] * s.weight(g);
      for (size_t v = 0; v < s.candidates(); ++v) w.score[v] += w.trust[g] * s.vote(g, v);
    }
    return w;
  }

  // The candidate with the most support; a tie goes to the narrower value, then the first claimed.
  static size_t Leader(const SubjectView& s, const std::vector<double>& score) {
    size_t best = 0;
    for (size_t v = 1; v < score.size(); ++v) {
      if (score[v] > score[best] + kTie || (score[v] >= score[best] - kTie && s.within(v, best))) best = v;
    }
    return best;
  }

  // Calls visit(view) for each subject in the report's order. A subject whose
  // record cannot be read back is skipped, and status() says so.
  template <typename Visit>
  void ForEachSubject(Visit&& visit) const {
    SubjectView view;
    for (size_t number : ordered_) {
      if (!subjects_.Read(number, &read_)) continue;
      if (!view.Parse(read_, rank_.size())) {
        if (status_.ok()) status_ = Status::Internal("truth discovery: a subject's record does not parse");
        continue;
      }
      visit(view);
    }
  }

  // Every outlet's agreement with the consensus of the other independent sources, under the current trust.
  std::vector<Evidence> Gather() const {
    std::vector<Evidence> evidence(outlet_names_.size());
    ForEachSubject([&](const SubjectView& s) {
      const size_t k = s.candidates();
      if (s.groups() < 2 || k == 0) return;
      const auto [trust, score, total] = Tally(s);
      std::vector<double> others(k);
      for (size_t p = 0; p < s.parts(); ++p) {
        const size_t g = s.part_group(p);
        const double rest = total - trust[g] * s.weight(g);
        for (size_t v = 0; v < k; ++v) others[v] = std::max(0.0, score[v] - trust[g] * s.vote(g, v));
        if (!(rest > kTie)) continue;
        const size_t leader = Leader(s, others);
        const double clarity = std::clamp(others[leader] / rest, 0.0, 1.0);  // how clearly the others agree
        if (!(clarity > 0)) continue;
        const double fits = s.fits(p, leader);
        const double unit = s.part_weight(p) * clarity;
        Evidence& e = evidence[s.part_outlet(p)];
        e.agree += unit * fits;
        e.disagree += unit * (1 - fits);
        ++(fits >= 0.5 ? e.agree_count : e.disagree_count);
        ++e.subjects;
        e.claims += s.part_claims(p);
      }
    });
    return evidence;
  }

  static std::string Fixed(double x, int decimals = 2) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    return buffer;
  }

  ValueEstimate Estimate(const SubjectView& s, size_t v, const std::vector<double>& trust, double total) const {
    ValueEstimate e;
    e.value = std::string(s.candidate(v));
    for (size_t g = 0; g < s.groups(); ++g) {
      e.support += trust[g] * s.vote(g, v);
      e.against += trust[g] * s.wrong(g, v);
      if (s.right(g, v) >= 1 - kTie) ++e.right_sources;
      if (s.right(g, v) <= kTie) ++e.wrong_sources;
    }
    // The share of the (trust-weighted) sources the value makes right, with a uniform prior.
    const double alpha = 1 + e.support;
    const double beta = 1 + std::max(0.0, total - e.support);
    e.confidence = alpha / (alpha + beta);
    e.interval = BetaInterval(alpha, beta, 0.9);
    return e;
  }

  SubjectConsensus Conclude(const SubjectView& s) const {
    SubjectConsensus c;
    c.finding_id = std::string(s.finding_id());
    c.sources = s.groups();
    c.candidates = s.candidates();
    const size_t k = s.candidates();
    if (k == 0) {
      c.status = ConsensusStatus::kNoValue;
      c.reason = "every claim denies a value, so there is no value to propose";
      return c;
    }
    const auto [trust, score, total] = Tally(s);
    const size_t leader = Leader(s, score);
    c.best = Estimate(s, leader, trust, total);
    std::optional<size_t> rival;
    for (size_t v = 0; v < k; ++v) {
      if (!s.exclusive(leader, v)) continue;
      if (!rival || score[v] > score[*rival] + kTie || (score[v] >= score[*rival] - kTie && s.within(v, *rival))) rival = v;
    }
    if (rival) {
      c.has_runner_up = true;
      c.runner_up = Estimate(s, *rival, trust, total);
    }
    std::string right = std::to_string(c.best.right_sources) + " of " + std::to_string(c.sources) +
                        " independent sources are right";
    // A source whose own claims differ is partly right.
    if (const size_t partly = c.sources - c.best.right_sources - c.best.wrong_sources; partly > 0 && c.sources >= 2) {
      right += ", " + std::to_string(partly) + " partly";
    }
    if (c.best.wrong_sources > 0) right += ", " + std::to_string(c.best.wrong_sources) + " wrong";
    if (c.sources < 2) {
      c.status = ConsensusStatus::kInsufficientEvidence;
      c.reason = "one independent source (" + c.best.value + "), nothing to weigh it against";
      return c;
    }
    // Close by weight, or by count: trust must not turn two sources against one
    // into a consensus, so a third or more of the sources not wholly right is contested too.
    if (c.has_runner_up && (c.runner_up.support >= 0.5 * c.best.support ||
                            2 * (c.sources - c.best.right_sources) >= c.best.right_sources)) {
      c.status = ConsensusStatus::kContested;
      c.reason = c.best.value + " (support " + Fixed(c.best.support) + ") against " + c.runner_up.value +
                 " (support " + Fixed(c.runner_up.support) + "); if " + c.best.value + ", " + right;
      return c;
    }
    c.status = ConsensusStatus::kConsensus;
    c.reason = "if " + c.best.value + ", " + right;
    if (c.has_runner_up) c.reason += "; the strongest rival, " + c.runner_up.value + ", has support " + Fixed(c.runner_up.support);
    return c;
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);

  const SourceClusters* clusters_;
  const ValueComparator& comparator_;
  const TruthDiscoveryOptions options_;
  std::map<std::string, size_t> outlet_index_;  // outlet numbers, as they came
  std::vector<size_t> rank_;                    // by outlet number: its place in name order
  std::vector<size_t> by_rank_;                 // outlet numbers in name order
  std::vector<std::string> outlet_names_;       // in name order
  std::vector<size_t> subject_of_;  // by Add call: record number in subjects_, or kNone
  util::RecordSpool subjects_;      // each subject's evidence (truth_subject.h)
  std::vector<size_t> ordered_;     // record numbers in the report's order
  std::vector<double> trust_;       // by outlet number
  std::string record_;              // reused: the record being written
  mutable std::string read_;        // reused: the record being read
  mutable std::vector<size_t> ranked_;
  mutable Status status_ = Status::Ok();  // a record that did not parse
};

}  // namespace truth_internal

std::string_view ConsensusStatusName(ConsensusStatus status) {
  switch (status) {
    case ConsensusStatus::kConsensus: return "consensus";
    case ConsensusStatus::kContested: return "contested";
    case ConsensusStatus::kInsufficientEvidence: return "insufficient_evidence";
    case ConsensusStatus::kNoValue: return "no_value";
  }
  return "";
}

TruthDiscovery DiscoverTruth(const std::vector<Finding>& findings, const SourceClusters* clusters,
                             const ValueComparator& comparator, const TruthDiscoveryOptions& options,
                             const TruthSpillOptions& spill) {
  TruthDiscoverer discoverer(clusters, comparator, options, spill);
  std::vector<size_t> order;
  order.reserve(findings.size());
  for (const Finding& f : findings) {
    order.push_back(order.size());
    discoverer.Add(f);
  }
  return discoverer.Run(order);
}

TruthDiscoverer::TruthDiscoverer(const SourceClusters* clusters, const ValueComparator& comparator,
                                 const TruthDiscoveryOptions& options, const TruthSpillOptions& spill)
    : discovery_(std::make_unique<truth_internal::Discovery>(clusters, comparator, options, spill)) {}

TruthDiscoverer::~TruthDiscoverer() = default;

void TruthDiscoverer::Add(const Finding& finding) { discovery_->Add(finding); }

const Status& TruthDiscoverer::status() const { return discovery_->status(); }

TruthDiscovery TruthDiscoverer::Run(const std::vector<size_t>& order) {
  discovery_->Finish(order);
  return discovery_->Run();
}

}  // namespace crosscheck::check
