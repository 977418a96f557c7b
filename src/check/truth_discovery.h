// TruthDiscovery: the most likely value of each subject, and how reliable each
// outlet has been, estimated together.
//
// The method follows TruthFinder (Yin, Han and Yu, KDD 2007) rather than CRH
// (Li et al., SIGMOD 2014): TruthFinder lets compatible values support one
// another through an implication between facts, which is what the value
// comparator gives ("90 min" makes "over an hour" true), while CRH needs a
// distance per data type and returns a weighted median or vote that cannot say
// "these two values are both right, one is more precise". Like TruthFinder it
// alternates two steps to a fixed point:
//
//   1. value support: each independent source (an outlet, with outlets whose
//      documents are copies of one story joined: one vote) backs each candidate
//      value by how right its claims would be if that value were the truth:
//      1 when its claim is the value or a looser statement of it, 1/2 when the
//      two merely overlap or the value is looser than the claim, 0 when they
//      cannot both be true. A negated claim backs the values it does not deny.
//      Hedged claims weigh half. Support is trust-weighted.
//   2. outlet trust: each outlet's claim on a subject is compared with the
//      consensus of the OTHER independent sources (its own copies excluded, so
//      copies cannot vouch for each other). Agreement and disagreement, weighed
//      by how clearly the others agree, update a Beta(4, 1) prior: an outlet
//      is trusted at 0.8 until the evidence says otherwise.
//
// Iteration stops when no trust moves by 1e-6, or after 50 rounds; the order of
// subjects and outlets is fixed, so results are deterministic.
//
// The reported confidence of a value is the posterior mean of the share of the
// trust-weighted independent sources it makes right, under a uniform Beta(1, 1)
// prior, with a 90% credible interval: one source can never give more than 2/3,
// and such subjects are marked insufficient_evidence whatever the numbers say.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "check/credible_interval.h"
#include "check/value_comparator.h"
#include "crosscheck/finding.h"
#include "crosscheck/source_cluster.h"
#include "crosscheck/status.h"

namespace crosscheck::check {

enum class ConsensusStatus {
  kConsensus,             // two or more independent sources, and no close rival value
  kContested,             // a value that cannot be true with the leader has at least half its support,
                          // or a third or more of the sources are not wholly right if the leader is
  kInsufficientEvidence,  // one independent source: nothing to weigh it against
  kNoValue,               // every claim denies a value: there is nothing to propose
};
std::string_view ConsensusStatusName(ConsensusStatus status);  // "consensus", "contested", ...

struct ValueEstimate {
  std::string value;        // the value's display form ("90 min", "Vienna", "did not happen")
  double support = 0;       // trust-weighted independent sources the value makes right
  double against = 0;       // trust-weighted independent sources it makes wrong
  double confidence = 0;    // posterior mean share of sources it makes right, Beta(1, 1) prior
  ShareInterval interval;   // 90% credible interval of that share
  size_t right_sources = 0; // independent sources whose every claim it makes right
  size_t wrong_sources = 0; // independent sources whose every claim it makes wrong
};

struct SubjectConsensus {
  std::string finding_id;
  ConsensusStatus status = ConsensusStatus::kInsufficientEvidence;
  size_t sources = 0;       // independent sources with claims on the subject
  size_t candidates = 0;    // distinct values weighed
  ValueEstimate best;
  bool has_runner_up = false;
  ValueEstimate runner_up;  // the strongest value that cannot be true with `best`
  std::string reason;       // one line a reader can check
};

struct OutletReliability {
  std::string outlet;
  size_t claims = 0;          // the outlet's claims on subjects others also report
  size_t subjects = 0;        // those subjects: the evidence, one unit each however many claims or copies
  size_t agree = 0;           // subjects where its claims fit the others' consensus
  size_t disagree = 0;        // subjects where they cannot be true with it
  double agreement_weight = 0;     // the same, weighted by modality and by how clearly the others agree
  double disagreement_weight = 0;
  double score = 0;           // trust: the Beta(4, 1) posterior mean used as its weight
  double agreement_rate = 0;  // agreement_weight / (agreement_weight + disagreement_weight); 0 without evidence
  ShareInterval interval;     // 95% Wilson interval of the agreement rate
  bool enough_evidence = false;  // at least TruthDiscoveryOptions::min_subjects subjects
};

struct TruthDiscoveryOptions {
  double prior_agree = 4;      // Beta prior of an outlet's trust: mean 0.8, worth five subjects
  double prior_disagree = 1;
  double hedged_weight = 0.5;  // a hedged claim counts half
  double partial = 0.5;        // support from a claim that neither implies nor excludes the value
  size_t max_iterations = 50;
  double tolerance = 1e-6;     // largest change in trust that counts as converged
  size_t max_candidates = 50;  // per subject, the values most sources claim; the rest still vote
  size_t min_subjects = 3;     // for an outlet's score to be rated
};

// Where a TruthDiscoverer keeps the subjects' evidence between its rounds:
// in memory up to `memory_budget` bytes, then in an unnamed temporary file in
// `folder` (util::RecordSpool), so memory does not grow with the corpus.
struct TruthSpillOptions {
  std::filesystem::path folder;          // "": the system's temporary folder
  size_t memory_budget = size_t{8} << 20;
};

struct TruthDiscovery {
  std::map<std::string, SubjectConsensus> consensus;  // by finding id
  std::vector<OutletReliability> outlets;             // sorted by outlet
  size_t iterations = 0;
  bool converged = false;

  const SubjectConsensus* Find(const std::string& finding_id) const {
    auto it = consensus.find(finding_id);
    return it == consensus.end() ? nullptr : &it->second;
  }
};

namespace truth_internal {
class Discovery;
}

// DiscoverTruth over findings given one at a time: each finding's claims are
// weighed as it is added and may then go, so a caller need not hold every
// finding's claims at once. The result is DiscoverTruth's for the findings in
// `order`.
class TruthDiscoverer {
 public:
  TruthDiscoverer(const SourceClusters* clusters, const ValueComparator& comparator,
                  const TruthDiscoveryOptions& options = {}, const TruthSpillOptions& spill = {});
  ~TruthDiscoverer();
  TruthDiscoverer(const TruthDiscoverer&) = delete;
  TruthDiscoverer& operator=(const TruthDiscoverer&) = delete;

  void Add(const Finding& finding);  // the findings are numbered 0, 1, ... in the order they are added
  // `order`: the numbers of the added findings in the order DiscoverTruth
  // would be given them (the report's). Call once.
  TruthDiscovery Run(const std::vector<size_t>& order);

  // Not ok when the subjects' temporary file could not be read back: Run's
  // result then leaves those subjects out and must not be reported.
  const Status& status() const;

 private:
  std::unique_ptr<truth_internal::Discovery> discovery_;
};

// Copies count once through `clusters` (nullptr: every outlet is independent).
TruthDiscovery DiscoverTruth(const std::vector<Finding>& findings, const SourceClusters* clusters,
                             const ValueComparator& comparator, const TruthDiscoveryOptions& options = {},
                             const TruthSpillOptions& spill = {});

}  // namespace crosscheck::check
