// Tests for check/elapsed_check: durations ("three years of war") checked
// against start dates ("in February 2022") of the same subject, with
// hand-built groups so each rule of the check is seen on its own.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "check/elapsed_check.h"
#include "check/value_comparator.h"
#include "crosscheck/finding.h"
#include "extract/date_parser.h"
#include "extract/time_anchor.h"
#include "knowledge/gazetteer.h"
#include "link/subject_linker.h"

namespace {

using crosscheck::ConflictStrength;
using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::Modality;
using crosscheck::SourceCluster;
using crosscheck::SourceClusters;
using crosscheck::SourcedClaim;
using crosscheck::Value;
using crosscheck::ValueKind;
using crosscheck::Verdict;
using crosscheck::check::CheckElapsed;
using crosscheck::check::ElapsedRule;
using crosscheck::check::ValueComparator;
using crosscheck::extract::TimeAnchor;
using crosscheck::knowledge::Gazetteer;

constexpr double kDaysPerYear = 365.2425;

double Day(const char* iso) { return *crosscheck::extract::IsoToDays(iso); }

SourcedClaim Claim(const std::string& path, const std::string& outlet, const std::string& template_id, Value value,
                   uint32_t begin, Modality modality = Modality::kAsserted) {
  SourcedClaim c;
  c.source.path = path;
  c.source.outlet = outlet;
  c.document_hash = path;
  c.claim.template_id = template_id;
  c.claim.subject_kind = "war";
  c.claim.value = std::move(value);
  c.claim.modality = modality;
  c.claim.match_raw = {begin, begin + 10};
  return c;
}

// "three years": a point in years, compared with the default tolerance.
SourcedClaim Age(const std::string& path, const std::string& outlet, double years, uint32_t begin = 100,
                 Modality modality = Modality::kAsserted) {
  Value v;
  v.kind = ValueKind::kQuantity;
  v.type = "elapsed";
  v.unit = "year";
  v.interval = Interval::Point(years);
  v.text = std::to_string(static_cast<int>(years)) + " years";
  v.display = v.text;
  return Claim(path, outlet, "war_age", std::move(v), begin, modality);
}

// "in February 2022": the whole month, as a closed interval of days.
SourcedClaim Start(const std::string& path, const std::string& outlet, const char* first, const char* last,
                   uint32_t begin = 10, Modality modality = Modality::kAsserted) {
  Value v;
  v.kind = ValueKind::kDate;
  v.type = "date";
  v.interval = {Day(first), Day(last), false, false};
  v.text = std::string(first) + ".." + last;
  v.display = v.text;
  return Claim(path, outlet, "war_start", std::move(v), begin, modality);
}

TimeAnchor Published(const std::string& iso) { return {TimeAnchor::Source::kPublished, iso, "published " + iso}; }

// Two groups of one subject: the durations and the start dates.
crosscheck::link::LinkResult Groups(const std::vector<SourcedClaim>& claims) {
  crosscheck::link::LinkResult linked;
  crosscheck::Subject subject;
  subject.id = "war:ukraine";
  subject.kind = "war";
  subject.label = "war in Ukraine";
  crosscheck::link::SubjectGroup age{subject, "war_age", {}, {}};
  crosscheck::link::SubjectGroup start{subject, "war_start", {}, {}};
  for (size_t i = 0; i < claims.size(); ++i) {
    (claims[i].claim.template_id == "war_age" ? age : start).claims.push_back(i);
  }
  linked.groups = {age, start};
  linked.subjects = 1;
  return linked;
}

const std::vector<ElapsedRule> kRules = {{"war_age", "war_start", kDaysPerYear}};

std::vector<Finding> Check(const std::vector<SourcedClaim>& claims, const std::map<std::string, TimeAnchor>& anchors,
                           const SourceClusters* clusters = nullptr) {
  static const Gazetteer places;
  ValueComparator comparator(places);
  auto anchor_of = [&anchors](const std::string& path) -> const TimeAnchor* {
    auto it = anchors.find(path);
    return it == anchors.end() ? nullptr : &it->second;
  };
  return CheckElapsed(Groups(claims), claims, kRules, anchor_of, comparator, clusters);
}

}  // namespace

TEST_CASE("elapsed: three years since February 2022 fits an anchor of 2025-02-12", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 3), Start("b.txt", "B", "2022-02-01", "2022-02-28")};
  const auto findings = Check(claims, {{"a.txt", Published("2025-02-12")}});
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.verdict == Verdict::kAgree);
  CHECK(f.strength == ConflictStrength::kNone);
  CHECK(f.id == "war_age+war_start/war:ukraine");
  CHECK(f.derived_from == "war_start");
  CHECK(f.reason.find("fits 2025-02-12 (published) minus") != std::string::npos);
  CHECK(f.reason.find("2.96 to 3.03 year") != std::string::npos);
  CHECK(f.outlets == 2);
  CHECK(f.sources == 2);
  REQUIRE(f.claims.size() == 2);
  CHECK(f.claims[0].source.path == "a.txt");  // sorted by document
  CHECK(f.self_contradictions.empty());
}

TEST_CASE("elapsed: six years since February 2022 is a firm conflict naming the pair", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 6), Start("b.txt", "B", "2022-02-01", "2022-02-28")};
  const auto findings = Check(claims, {{"a.txt", Published("2025-02-12")}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].verdict == Verdict::kConflict);
  CHECK(findings[0].strength == ConflictStrength::kFirm);
  CHECK(findings[0].reason.find("\"6 years\" (A, 6 years) does not fit") == 0);
}

TEST_CASE("elapsed: a hedged side makes the conflict weak", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 6, 100, Modality::kHedged),
                                            Start("b.txt", "B", "2022-02-01", "2022-02-28")};
  const auto findings = Check(claims, {{"a.txt", Published("2025-02-12")}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].verdict == Verdict::kConflict);
  CHECK(findings[0].strength == ConflictStrength::kWeak);
}

TEST_CASE("elapsed: one misfit among several pairs makes a conflict and the reason counts the pairs", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 3), Age("c.txt", "C", 3),
                                            Start("b.txt", "B", "2022-02-01", "2022-02-28"),
                                            Start("d.txt", "D", "2014-01-01", "2014-12-31")};
  const auto findings =
      Check(claims, {{"a.txt", Published("2025-02-12")}, {"c.txt", Published("2025-02-13")}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].verdict == Verdict::kConflict);
  CHECK(findings[0].reason.find("(2 of 4 pairs fit)") != std::string::npos);
  CHECK(findings[0].claims.size() == 4);
}

TEST_CASE("elapsed: durations from documents without an anchor are named, not checked", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 3), Age("n.txt", "Nowhere Daily", 9),
                                            Start("b.txt", "B", "2022-02-01", "2022-02-28")};
  SECTION("one anchored duration: checked, the other named") {
    const auto findings = Check(claims, {{"a.txt", Published("2025-02-12")}, {"n.txt", TimeAnchor{}}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].verdict == Verdict::kAgree);  // nine years would not fit, but it is not checkable
    CHECK(findings[0].reason.find("; not checked for Nowhere Daily: no anchor date") != std::string::npos);
    CHECK(findings[0].claims.size() == 2);
  }
  SECTION("no anchored duration: no finding at all") {
    CHECK(Check(claims, {}).empty());
  }
}

TEST_CASE("elapsed: denied durations and starts are left out, and unresolved starts too", "[elapsed]") {
  SECTION("a negated duration") {
    const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 6, 100, Modality::kNegated),
                                              Start("b.txt", "B", "2022-02-01", "2022-02-28")};
    CHECK(Check(claims, {{"a.txt", Published("2025-02-12")}}).empty());
  }
  SECTION("a negated start") {
    const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 6),
                                              Start("b.txt", "B", "2022-02-01", "2022-02-28", 10, Modality::kNegated)};
    CHECK(Check(claims, {{"a.txt", Published("2025-02-12")}}).empty());
  }
  SECTION("a start with no resolved day") {
    std::vector<SourcedClaim> claims = {Age("a.txt", "A", 6), Start("b.txt", "B", "2022-02-01", "2022-02-28")};
    claims[1].claim.value.interval = {-Interval::kInfinity, Interval::kInfinity, false, false};
    CHECK(Check(claims, {{"a.txt", Published("2025-02-12")}}).empty());
  }
}

TEST_CASE("elapsed: a subject with durations but no start date gives no finding", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 3)};
  CHECK(Check(claims, {{"a.txt", Published("2025-02-12")}}).empty());
}

TEST_CASE("elapsed: a document whose own duration and start disagree contradicts itself", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 6, 200), Start("a.txt", "A", "2022-02-01", "2022-02-28", 10)};
  const auto findings = Check(claims, {{"a.txt", Published("2025-02-12")}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].verdict == Verdict::kConflict);
  REQUIRE(findings[0].self_contradictions.size() == 1);
  CHECK(findings[0].self_contradictions[0].document == "a.txt");
  CHECK(findings[0].self_contradictions[0].reason == findings[0].reason);
  CHECK(findings[0].outlets == 1);
  // Claims of one document stay in match order.
  CHECK(findings[0].claims[0].claim.template_id == "war_start");
}

TEST_CASE("elapsed: copies of one story count as one source", "[elapsed]") {
  const std::vector<SourcedClaim> claims = {Age("a.txt", "A", 3), Start("b.txt", "B", "2022-02-01", "2022-02-28")};
  SourceClusters clusters;
  SourceCluster cluster;
  cluster.id = "copies:a.txt";
  cluster.documents = {"a.txt", "b.txt"};
  cluster.outlets = {"A", "B"};
  clusters.clusters.push_back(cluster);
  clusters.cluster_of = {{"a.txt", cluster.id}, {"b.txt", cluster.id}};
  const auto findings = Check(claims, {{"a.txt", Published("2025-02-12")}}, &clusters);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].outlets == 2);
  CHECK(findings[0].sources == 1);
}
