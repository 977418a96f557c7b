#include "check/truth_discovery.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>

#include "check/source_groups.h"

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

// Claims of one independent source on one subject: one outlet, or several
// whose documents are copies of one story.
struct Group {
  std::vector<size_t> outlets;  // global outlet indices
  double weight = 0;            // mean modality weight of its claims
  std::vector<double> vote;     // per candidate: mean of weight * how right the claim would be
  std::vector<double> wrong;    // per candidate: mean of weight where the claim would be wrong
  std::vector<double> right;    // per candidate: mean of how right, unweighted
};

// One outlet's claims on one subject: the unit of its reliability evidence.
struct OutletPart {
  size_t outlet = 0;
  size_t group = 0;
  size_t claims = 0;
  double weight = 0;          // mean modality weight
  std::vector<double> fits;   // per candidate: share of its claims that can be true with it
};

struct Subject {
  std::string finding_id;
  std::vector<Candidate> candidates;
  std::vector<Group> groups;
  std::vector<OutletPart> parts;
  std::vector<std::vector<bool>> within;     // [a][b]: candidate a is a narrower statement inside b
  std::vector<std::vector<bool>> exclusive;  // [a][b]: a and b cannot both be true
};

std::string CandidateKey(const Claim& c) {
  const bool negated = c.modality == Modality::kNegated;
  if (c.value.kind == ValueKind::kEvent) return negated ? "n" : "a";
  return "a" + c.value.type + '\x1f' + c.value.id + '\x1f' + c.value.display;
}

class Discovery {
 public:
  Discovery(const SourceClusters* clusters, const ValueComparator& comparator, const TruthDiscoveryOptions& options)
      : clusters_(clusters), comparator_(comparator), options_(options) {}

  // Outlets are numbered as they come, and renumbered in name order by Finish.
  void Add(const Finding& f) {
    for (const SourcedClaim& c : f.claims) outlet_index_.emplace(c.source.outlet, outlet_index_.size());
    subject_of_.push_back(f.claims.empty() ? kNone : subjects_.size());
    if (!f.claims.empty()) subjects_.push_back(Prepare(f));
  }

  // Subjects in `order` (numbers of Add calls), outlets in name order: as if
  // every finding had been given at once, in that order, so that sums of
  // trusts are added in the same order whatever order the findings came in.
  void Finish(const std::vector<size_t>& order) {
    std::vector<size_t> renumber(outlet_index_.size());
    size_t i = 0;
    for (auto& [name, index] : outlet_index_) {
      renumber[index] = i;
      index = i++;
      outlet_names_.push_back(name);
    }
    std::vector<Subject> ordered;
    ordered.reserve(subjects_.size());
    for (size_t added : order) {
      if (added >= subject_of_.size() || subject_of_[added] == kNone) continue;
      Subject& s = subjects_[subject_of_[added]];
      for (Group& g : s.groups) {
        for (size_t& o : g.outlets) o = renumber[o];
        std::sort(g.outlets.begin(), g.outlets.end());
      }
      for (OutletPart& p : s.parts) p.outlet = renumber[p.outlet];
      ordered.push_back(std::move(s));
    }
    subjects_ = std::move(ordered);
    std::vector<size_t>().swap(subject_of_);
  }

  TruthDiscovery Run() {
    TruthDiscovery result;
    const double prior = options_.prior_agree / (options_.prior_agree + options_.prior_disagree);
    trust_.assign(outlet_names_.size(), prior);
    std::vector<Evidence> evidence;
    for (size_t round = 1; round <= options_.max_iterations; ++round) {
      evidence = Gather();
      double change = 0;
      for (size_t o = 0; o < trust_.size(); ++o) {
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
    for (const Subject& s : subjects_) result.consensus.emplace(s.finding_id, Conclude(s));
    for (size_t o = 0; o < outlet_names_.size(); ++o) {
      const Evidence& e = evidence[o];
      OutletReliability r;
      r.outlet = outlet_names_[o];
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

  Subject Prepare(const Finding& f) const {
    Subject s;
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
    s.candidates = std::move(all);
    const size_t k = s.candidates.size();

    // How right each distinct claimed value would be under each candidate.
    std::map<std::string, std::vector<double>> right_of;
    auto rights = [&](const Claim& c) -> const std::vector<double>& {
      const bool negated = c.modality == Modality::kNegated;
      auto [it, inserted] = right_of.emplace((negated ? "n" : "a") + c.value.type + '\x1f' + c.value.id + '\x1f' + c.value.display,
                                             std::vector<double>());
      if (inserted) {
        it->second.reserve(k);
        for (const Candidate& v : s.candidates) it->second.push_back(Right(c.value, negated, v));
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
        const Candidate& x = s.candidates[a];
        const Candidate& y = s.candidates[b];
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
    return s;
  }

  double GroupTrust(const Group& g) const {
    double sum = 0;
    for (size_t o : g.outlets) sum += trust_[o];
    return g.outlets.empty() ? 0 : sum / static_cast<double>(g.outlets.size());
  }

  // Each source's trust, each candidate's trust-weighted support, and the total weight of the sources.
  struct Weights {
    std::vector<double> trust;
    std::vector<double> score;
    double total = 0;
  };
  Weights Tally(const Subject& s) const {
    Weights w{std::vector<double>(s.groups.size()), std::vector<double>(s.candidates.size(), 0), 0};
    for (size_t g = 0; g < s.groups.size(); ++g) {
      w.trust[g] = GroupTrust(s.groups[g]);
      w.total += w.trust[g] * s.groups[g].weight;
      for (size_t v = 0; v < s.candidates.size(); ++v) w.score[v] += w.trust[g] * s.groups[g].vote[v];
    }
    return w;
  }

  // The candidate with the most support; a tie goes to the narrower value, then the first claimed.
  static size_t Leader(const Subject& s, const std::vector<double>& score) {
    size_t best = 0;
    for (size_t v = 1; v < score.size(); ++v) {
      if (score[v] > score[best] + kTie || (score[v] >= score[best] - kTie && s.within[v][best])) best = v;
    }
    return best;
  }

  // Every outlet's agreement with the consensus of the other independent sources, under the current trust.
  std::vector<Evidence> Gather() const {
    std::vector<Evidence> evidence(outlet_names_.size());
    for (const Subject& s : subjects_) {
      const size_t k = s.candidates.size();
      if (s.groups.size() < 2 || k == 0) continue;
      const auto [trust, score, total] = Tally(s);
      std::vector<double> others(k);
      for (const OutletPart& p : s.parts) {
        const Group& g = s.groups[p.group];
        const double rest = total - trust[p.group] * g.weight;
        for (size_t v = 0; v < k; ++v) others[v] = std::max(0.0, score[v] - trust[p.group] * g.vote[v]);
        if (!(rest > kTie)) continue;
        const size_t leader = Leader(s, others);
        const double clarity = std::clamp(others[leader] / rest, 0.0, 1.0);  // how clearly the others agree
        if (!(clarity > 0)) continue;
        const double fits = p.fits[leader];
        const double unit = p.weight * clarity;
        Evidence& e = evidence[p.outlet];
        e.agree += unit * fits;
        e.disagree += unit * (1 - fits);
        ++(fits >= 0.5 ? e.agree_count : e.disagree_count);
        ++e.subjects;
        e.claims += p.claims;
      }
    }
    return evidence;
  }

  static std::string Fixed(double x, int decimals = 2) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
    return buffer;
  }

  ValueEstimate Estimate(const Subject& s, size_t v, const std::vector<double>& trust, double total) const {
    ValueEstimate e;
    e.value = s.candidates[v].display;
    for (size_t g = 0; g < s.groups.size(); ++g) {
      e.support += trust[g] * s.groups[g].vote[v];
      e.against += trust[g] * s.groups[g].wrong[v];
      if (s.groups[g].right[v] >= 1 - kTie) ++e.right_sources;
      if (s.groups[g].right[v] <= kTie) ++e.wrong_sources;
    }
    // The share of the (trust-weighted) sources the value makes right, with a uniform prior.
    const double alpha = 1 + e.support;
    const double beta = 1 + std::max(0.0, total - e.support);
    e.confidence = alpha / (alpha + beta);
    e.interval = BetaInterval(alpha, beta, 0.9);
    return e;
  }

  SubjectConsensus Conclude(const Subject& s) const {
    SubjectConsensus c;
    c.finding_id = s.finding_id;
    c.sources = s.groups.size();
    c.candidates = s.candidates.size();
    const size_t k = s.candidates.size();
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
      if (!s.exclusive[leader][v]) continue;
      if (!rival || score[v] > score[*rival] + kTie || (score[v] >= score[*rival] - kTie && s.within[v][*rival])) rival = v;
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
  std::map<std::string, size_t> outlet_index_;
  std::vector<size_t> subject_of_;  // by Add call: index into subjects_, or kNone
  std::vector<std::string> outlet_names_;
  std::vector<Subject> subjects_;
  std::vector<double> trust_;
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
                             const ValueComparator& comparator, const TruthDiscoveryOptions& options) {
  TruthDiscoverer discoverer(clusters, comparator, options);
  std::vector<size_t> order;
  order.reserve(findings.size());
  for (const Finding& f : findings) {
    order.push_back(order.size());
    discoverer.Add(f);
  }
  return discoverer.Run(order);
}

TruthDiscoverer::TruthDiscoverer(const SourceClusters* clusters, const ValueComparator& comparator,
                                 const TruthDiscoveryOptions& options)
    : discovery_(std::make_unique<truth_internal::Discovery>(clusters, comparator, options)) {}

TruthDiscoverer::~TruthDiscoverer() = default;

void TruthDiscoverer::Add(const Finding& finding) { discovery_->Add(finding); }

TruthDiscovery TruthDiscoverer::Run(const std::vector<size_t>& order) {
  discovery_->Finish(order);
  return discovery_->Run();
}

}  // namespace crosscheck::check
