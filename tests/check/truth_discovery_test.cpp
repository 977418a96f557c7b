// Tests for check/truth_discovery: consensus values and outlet reliability,
// with hand-built findings.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "check/truth_discovery.h"
#include "check/value_comparator.h"
#include "crosscheck/finding.h"
#include "knowledge/gazetteer.h"

namespace {

using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::Modality;
using crosscheck::SourceCluster;
using crosscheck::SourceClusters;
using crosscheck::SourcedClaim;
using crosscheck::Value;
using crosscheck::ValueKind;
using crosscheck::check::ConsensusStatus;
using crosscheck::check::DiscoverTruth;
using crosscheck::check::TruthDiscoverer;
using crosscheck::check::OutletReliability;
using crosscheck::check::SubjectConsensus;
using crosscheck::check::TruthDiscovery;
using crosscheck::check::ValueComparator;
using crosscheck::knowledge::Gazetteer;

constexpr double kInf = Interval::kInfinity;

Value Minutes(Interval interval, const std::string& display) {
  Value v;
  v.kind = ValueKind::kQuantity;
  v.type = "duration";
  v.unit = "min";
  v.interval = interval;
  v.display = display;
  v.text = display;
  return v;
}

Value Min(double n) { return Minutes(Interval::Point(n), std::to_string(static_cast<int>(n)) + " min"); }

Value Category(const std::string& id) {
  Value v;
  v.kind = ValueKind::kCategory;
  v.type = "city";
  v.id = id;
  v.display = id;
  v.text = id;
  return v;
}

Value Event() {
  Value v;
  v.kind = ValueKind::kEvent;
  v.type = "event";
  v.display = "happened";
  return v;
}

SourcedClaim Claim(const std::string& outlet, const std::string& path, Value value, Modality modality = Modality::kAsserted) {
  SourcedClaim sc;
  sc.document_hash = std::string(64, 'a');
  sc.source.path = path;
  sc.source.outlet = outlet;
  sc.claim.template_id = "kind";
  sc.claim.value = std::move(value);
  sc.claim.modality = modality;
  return sc;
}

Finding Subject(const std::string& id, std::vector<SourcedClaim> claims) {
  Finding f;
  f.id = "kind/" + id;
  f.template_id = "kind";
  f.subject.id = id;
  f.claims = std::move(claims);
  return f;
}

// One cluster of copies over `paths`.
SourceClusters Copies(const std::vector<std::string>& paths) {
  SourceClusters clusters;
  SourceCluster c;
  c.id = "copies:" + paths.front();
  c.documents = paths;
  for (const std::string& p : paths) clusters.cluster_of[p] = c.id;
  clusters.clusters.push_back(c);
  return clusters;
}

const OutletReliability& OutletOf(const TruthDiscovery& t, const std::string& name) {
  for (const OutletReliability& r : t.outlets) {
    if (r.outlet == name) return r;
  }
  FAIL("no outlet " << name);
  throw;
}

const SubjectConsensus& ConsensusOf(const TruthDiscovery& t, const std::string& subject) {
  const SubjectConsensus* c = t.Find("kind/" + subject);
  REQUIRE(c != nullptr);
  return *c;
}

}  // namespace

TEST_CASE("TruthDiscovery: a copied majority does not outvote independent sources", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  // Three outlets run one wire story (60 min); two outlets report on their own (90 min).
  const std::vector<Finding> findings = {Subject("call", {Claim("Copy A", "a.txt", Min(60)), Claim("Copy B", "b.txt", Min(60)),
                                                          Claim("Copy C", "c.txt", Min(60)), Claim("Own D", "d.txt", Min(90)),
                                                          Claim("Own E", "e.txt", Min(90))})};
  const SourceClusters clusters = Copies({"a.txt", "b.txt", "c.txt"});

  const TruthDiscovery naive = DiscoverTruth(findings, nullptr, comparator);
  CHECK(ConsensusOf(naive, "call").best.value == "60 min");  // counting outlets, the copies win
  CHECK(ConsensusOf(naive, "call").sources == 5);

  const TruthDiscovery truth = DiscoverTruth(findings, &clusters, comparator);
  const SubjectConsensus& c = ConsensusOf(truth, "call");
  CHECK(c.sources == 3);
  CHECK(c.best.value == "90 min");
  CHECK(c.best.right_sources == 2);
  CHECK(c.best.wrong_sources == 1);
  REQUIRE(c.has_runner_up);
  CHECK(c.runner_up.value == "60 min");
  CHECK(c.status == ConsensusStatus::kContested);  // two sources against one is no clear majority
  CHECK(c.best.confidence > c.runner_up.confidence);
}

TEST_CASE("TruthDiscovery: a reliable outlet outweighs an unreliable one on a contested subject", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  std::vector<Finding> findings;
  // On three subjects Reliable agrees with two others and Unreliable does not.
  for (const std::string s : {"s1", "s2", "s3"}) {
    findings.push_back(Subject(s, {Claim("Unreliable", "a-unreliable.txt", Category("wrong-" + s)),
                                   Claim("Other X", "x.txt", Category("right-" + s)),
                                   Claim("Other Y", "y.txt", Category("right-" + s)),
                                   Claim("Reliable", "z-reliable.txt", Category("right-" + s))}));
  }
  // On a fourth only the two report, one value each; Unreliable's claim comes first.
  findings.push_back(Subject("contested", {Claim("Unreliable", "a-unreliable.txt", Category("Vienna")),
                                           Claim("Reliable", "z-reliable.txt", Category("Geneva"))}));
  const TruthDiscovery truth = DiscoverTruth(findings, nullptr, comparator);
  CHECK(truth.converged);
  const OutletReliability& reliable = OutletOf(truth, "Reliable");
  const OutletReliability& unreliable = OutletOf(truth, "Unreliable");
  CHECK(reliable.score > unreliable.score + 0.2);
  CHECK(reliable.subjects == 4);
  CHECK(reliable.agree == 3);
  CHECK(reliable.disagree == 1);  // the contested subject, judged by the only other source
  CHECK(unreliable.agree == 0);
  CHECK(unreliable.disagree == 4);
  CHECK(reliable.enough_evidence);
  CHECK(unreliable.interval.hi < reliable.interval.hi);
  const SubjectConsensus& c = ConsensusOf(truth, "contested");
  CHECK(c.best.value == "Geneva");
  CHECK(c.runner_up.value == "Vienna");
  CHECK(c.status == ConsensusStatus::kContested);

  // With trust held at the prior (no rounds), the tie goes to the first claim: the rounds decide it.
  crosscheck::check::TruthDiscoveryOptions frozen;
  frozen.max_iterations = 0;
  CHECK(ConsensusOf(DiscoverTruth(findings, nullptr, comparator, frozen), "contested").best.value == "Vienna");
}

TEST_CASE("TruthDiscovery: one independent source is insufficient evidence, however many copies", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  const std::vector<Finding> findings = {
      Subject("alone", {Claim("Solo", "solo.txt", Min(90)), Claim("Solo", "solo.txt", Min(90))}),
      Subject("copied", {Claim("Wire", "w1.txt", Min(45)), Claim("Reprint", "w2.txt", Min(45)), Claim("Echo", "w3.txt", Min(45))})};
  const SourceClusters clusters = Copies({"w1.txt", "w2.txt", "w3.txt"});
  const TruthDiscovery truth = DiscoverTruth(findings, &clusters, comparator);
  for (const char* s : {"alone", "copied"}) {
    const SubjectConsensus& c = ConsensusOf(truth, s);
    CHECK(c.status == ConsensusStatus::kInsufficientEvidence);
    CHECK(c.sources == 1);
    CHECK(c.best.confidence <= 2.0 / 3.0 + 1e-9);  // one source never makes a value likely
    CHECK(c.best.interval.lo < 0.3);
    CHECK(c.reason.find("one independent source") == 0);
  }
  // Copies vouch for nobody: there is no other source to agree with.
  for (const OutletReliability& r : truth.outlets) {
    CHECK(r.subjects == 0);
    CHECK_FALSE(r.enough_evidence);
    CHECK(r.score == Approx(0.8));
  }
}

TEST_CASE("TruthDiscovery: compatible values support each other; the most precise one they allow wins", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  const std::vector<Finding> findings = {Subject("call", {Claim("A", "a.txt", Minutes({60, kInf, true, false}, "> 60 min")),
                                                          Claim("B", "b.txt", Min(90)), Claim("C", "c.txt", Min(90)),
                                                          Claim("D", "d.txt", Minutes({81, 99, false, false}, "81-99 min"))})};
  const TruthDiscovery truth = DiscoverTruth(findings, nullptr, comparator);
  const SubjectConsensus& c = ConsensusOf(truth, "call");
  CHECK(c.status == ConsensusStatus::kConsensus);
  CHECK(c.best.value == "90 min");
  CHECK(c.best.right_sources == 4);  // "over an hour" and "81-99 min" are right if it was 90 minutes
  CHECK(c.best.wrong_sources == 0);
  CHECK_FALSE(c.has_runner_up);
  CHECK(c.candidates == 3);
  CHECK(c.best.confidence > 0.7);
  CHECK(c.best.interval.lo < c.best.confidence);
  CHECK(c.best.confidence < c.best.interval.hi);
}

TEST_CASE("TruthDiscovery: hedged claims weigh less, and denials vote against", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  const std::vector<Finding> findings = {
      Subject("place", {Claim("A", "a.txt", Category("Geneva"), Modality::kHedged), Claim("B", "b.txt", Category("Vienna"))}),
      Subject("release", {Claim("A", "a.txt", Event()), Claim("B", "b.txt", Event()), Claim("C", "c.txt", Event(), Modality::kNegated)}),
      Subject("denied", {Claim("A", "a.txt", Event(), Modality::kNegated), Claim("B", "b.txt", Event(), Modality::kNegated),
                         Claim("C", "c.txt", Event())})};
  const TruthDiscovery truth = DiscoverTruth(findings, nullptr, comparator);
  CHECK(ConsensusOf(truth, "place").best.value == "Vienna");
  const SubjectConsensus& release = ConsensusOf(truth, "release");
  CHECK(release.best.value == "happened");
  REQUIRE(release.has_runner_up);
  CHECK(release.runner_up.value == "did not happen");
  CHECK(release.best.wrong_sources == 1);
  CHECK(ConsensusOf(truth, "denied").best.value == "did not happen");
}

TEST_CASE("TruthDiscovery: the same input gives the same numbers", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  std::vector<Finding> findings;
  for (int s = 0; s < 6; ++s) {
    std::vector<SourcedClaim> claims;
    for (int o = 0; o < 5; ++o) {
      claims.push_back(Claim("Outlet " + std::to_string(o), "doc" + std::to_string(o) + ".txt",
                             Min((o + s) % 3 == 0 ? 30 : 60 + 5 * (o % 2)),
                             o == 2 ? Modality::kHedged : Modality::kAsserted));
    }
    findings.push_back(Subject("s" + std::to_string(s), claims));
  }
  const SourceClusters clusters = Copies({"doc3.txt", "doc4.txt"});
  const TruthDiscovery a = DiscoverTruth(findings, &clusters, comparator);
  const TruthDiscovery b = DiscoverTruth(findings, &clusters, comparator);
  CHECK(a.converged);
  CHECK(a.iterations == b.iterations);
  REQUIRE(a.outlets.size() == b.outlets.size());
  for (size_t i = 0; i < a.outlets.size(); ++i) {
    CHECK(a.outlets[i].outlet == b.outlets[i].outlet);
    CHECK(a.outlets[i].score == b.outlets[i].score);  // bit for bit
    CHECK(a.outlets[i].agreement_weight == b.outlets[i].agreement_weight);
  }
  for (const auto& [id, c] : a.consensus) {
    const SubjectConsensus* other = b.Find(id);
    REQUIRE(other != nullptr);
    CHECK(c.best.value == other->best.value);
    CHECK(c.best.confidence == other->best.confidence);
    CHECK(c.reason == other->reason);
  }
}

TEST_CASE("TruthDiscovery: an outlet's many claims and copies on one subject count once", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  // Loud publishes the same story three times under three paths (copies of each other).
  const std::vector<Finding> findings = {Subject("call", {Claim("Loud", "l1.txt", Min(30)), Claim("Loud", "l2.txt", Min(30)),
                                                          Claim("Loud", "l3.txt", Min(30)), Claim("Quiet", "q.txt", Min(30)),
                                                          Claim("Other", "o.txt", Min(30))})};
  const SourceClusters clusters = Copies({"l1.txt", "l2.txt", "l3.txt"});
  const TruthDiscovery truth = DiscoverTruth(findings, &clusters, comparator);
  const OutletReliability& loud = OutletOf(truth, "Loud");
  const OutletReliability& quiet = OutletOf(truth, "Quiet");
  CHECK(loud.subjects == 1);
  CHECK(loud.claims == 3);
  CHECK(loud.agree == 1);
  CHECK(loud.agreement_weight == Approx(quiet.agreement_weight));
  CHECK(loud.score == Approx(quiet.score));
}

TEST_CASE("TruthDiscovery: a source whose own claims differ is partly right, and the subject contested", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  const std::vector<Finding> findings = {Subject("meeting", {Claim("Mixed", "m1.txt", Category("Kyiv")),
                                                             Claim("Mixed", "m2.txt", Category("Helsinki")),
                                                             Claim("Plain", "p.txt", Category("Helsinki"))})};
  const TruthDiscovery truth = DiscoverTruth(findings, nullptr, comparator);
  const SubjectConsensus& c = ConsensusOf(truth, "meeting");
  CHECK(c.best.value == "Helsinki");
  CHECK(c.best.right_sources == 1);
  CHECK(c.best.wrong_sources == 0);
  REQUIRE(c.has_runner_up);
  CHECK(c.runner_up.value == "Kyiv");
  CHECK(c.status == ConsensusStatus::kContested);  // one of two sources backs the rival too
  CHECK(c.reason.find("1 of 2 independent sources are right, 1 partly") != std::string::npos);
}

TEST_CASE("TruthDiscoverer: findings added one at a time, in any order, give DiscoverTruth's numbers bit for bit",
          "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  std::vector<Finding> findings;
  for (int s = 0; s < 7; ++s) {
    std::vector<SourcedClaim> claims;
    // Outlets named so that the order they first appear in differs from their names' order.
    for (int o = 4; o >= 0; --o) {
      if ((o + s) % 4 == 3) continue;
      claims.push_back(Claim("Outlet " + std::to_string((o * 3 + s) % 5), "doc" + std::to_string(o) + ".txt",
                             Min((o + s) % 3 == 0 ? 30 : 60 + 5 * (o % 2)),
                             o == 2 ? Modality::kHedged : Modality::kAsserted));
    }
    findings.push_back(Subject("s" + std::to_string(s), claims));
  }
  const SourceClusters clusters = Copies({"doc3.txt", "doc4.txt"});
  const TruthDiscovery whole = DiscoverTruth(findings, &clusters, comparator);
  // Added backwards, each finding's claims dropped once added; `order` puts them back.
  TruthDiscoverer discoverer(&clusters, comparator);
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    Finding f = findings[findings.size() - 1 - i];
    discoverer.Add(f);
    order[findings.size() - 1 - i] = i;
  }
  const TruthDiscovery parts = discoverer.Run(order);
  CHECK(parts.iterations == whole.iterations);
  CHECK(parts.converged == whole.converged);
  REQUIRE(parts.outlets.size() == whole.outlets.size());
  for (size_t i = 0; i < parts.outlets.size(); ++i) {
    CHECK(parts.outlets[i].outlet == whole.outlets[i].outlet);
    CHECK(parts.outlets[i].score == whole.outlets[i].score);  // bit for bit
    CHECK(parts.outlets[i].agreement_weight == whole.outlets[i].agreement_weight);
    CHECK(parts.outlets[i].subjects == whole.outlets[i].subjects);
  }
  REQUIRE(parts.consensus.size() == whole.consensus.size());
  for (const auto& [id, c] : whole.consensus) {
    const SubjectConsensus* other = parts.Find(id);
    REQUIRE(other != nullptr);
    CHECK(other->best.value == c.best.value);
    CHECK(other->best.confidence == c.best.confidence);
    CHECK(other->best.support == c.best.support);
    CHECK(other->reason == c.reason);
  }
}

TEST_CASE("TruthDiscovery: subjects kept in a temporary file give the same result, bit for bit", "[check][consensus]") {
  const Gazetteer places;
  const ValueComparator comparator(places);
  // Outlets arrive out of name order, and copies join outlets into one source:
  // trust is summed over a source's outlets in name order either way.
  const std::vector<std::string> outlets = {"Zeta", "Alpha", "Mid", "Beta", "Omega", "Gamma"};
  std::vector<Finding> findings;
  for (int s = 0; s < 40; ++s) {
    std::vector<SourcedClaim> claims;
    for (size_t o = 0; o < outlets.size(); ++o) {
      if ((s + static_cast<int>(o)) % 7 == 0) continue;  // not every outlet on every subject
      const std::string path = outlets[o] + "/" + std::to_string(s) + ".txt";
      Value value = s % 3 == 0 ? Category((s + o) % 4 == 0 ? "Vienna" : "Geneva") : Min((s + o) % 3 == 0 ? 30 : 60 + 15 * (o % 2));
      claims.push_back(Claim(outlets[o], path, value, o == 3 ? Modality::kHedged : Modality::kAsserted));
      if (s % 5 == 0) claims.push_back(Claim(outlets[o], path, Min(45), Modality::kNegated));
    }
    findings.push_back(Subject("s" + std::to_string(s), claims));
  }
  findings.push_back(Subject("none", {}));  // a finding without claims has no subject
  SourceClusters clusters;
  for (int s = 0; s < 40; s += 2) {
    SourceCluster c;
    c.id = "copies:" + std::to_string(s);
    c.documents = {"Zeta/" + std::to_string(s) + ".txt", "Alpha/" + std::to_string(s) + ".txt", "Mid/" + std::to_string(s) + ".txt"};
    for (const std::string& p : c.documents) clusters.cluster_of[p] = c.id;
    clusters.clusters.push_back(c);
  }
  const TruthDiscovery in_memory = DiscoverTruth(findings, &clusters, comparator);
  for (size_t budget : {size_t{0}, size_t{5000}}) {
    CAPTURE(budget);
    const TruthDiscovery spilled =
        DiscoverTruth(findings, &clusters, comparator, {}, {std::filesystem::temp_directory_path(), budget});
    CHECK(spilled.iterations == in_memory.iterations);
    CHECK(spilled.converged == in_memory.converged);
    REQUIRE(spilled.outlets.size() == in_memory.outlets.size());
    for (size_t i = 0; i < spilled.outlets.size(); ++i) {
      const OutletReliability& a = spilled.outlets[i];
      const OutletReliability& b = in_memory.outlets[i];
      CHECK(a.outlet == b.outlet);
      CHECK(a.score == b.score);
      CHECK(a.agreement_weight == b.agreement_weight);
      CHECK(a.disagreement_weight == b.disagreement_weight);
      CHECK(a.agree == b.agree);
      CHECK(a.disagree == b.disagree);
      CHECK(a.claims == b.claims);
      CHECK(a.subjects == b.subjects);
    }
    REQUIRE(spilled.consensus.size() == in_memory.consensus.size());
    CHECK(spilled.consensus.size() == 40);
    for (const auto& [id, c] : in_memory.consensus) {
      const SubjectConsensus* other = spilled.Find(id);
      REQUIRE(other != nullptr);
      CHECK(other->status == c.status);
      CHECK(other->reason == c.reason);
      CHECK(other->sources == c.sources);
      CHECK(other->best.value == c.best.value);
      CHECK(other->best.support == c.best.support);
      CHECK(other->best.confidence == c.best.confidence);
      CHECK(other->has_runner_up == c.has_runner_up);
      CHECK(other->runner_up.value == c.runner_up.value);
      CHECK(other->runner_up.support == c.runner_up.support);
    }
  }
  // The outlets come out in name order, and trust tells them apart.
  REQUIRE(in_memory.outlets.size() == outlets.size());
  CHECK(in_memory.outlets.front().outlet == "Alpha");
  CHECK(in_memory.outlets.back().outlet == "Zeta");
}
