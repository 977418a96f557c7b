// Tests for check/consistency_checker: the verdict on each subject and claim kind.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "check/consistency_checker.h"
#include "check/value_comparator.h"
#include "crosscheck/finding.h"
#include "knowledge/gazetteer.h"
#include "link/subject_linker.h"

namespace {

using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::Modality;
using crosscheck::SourcedClaim;
using crosscheck::Value;
using crosscheck::ValueKind;
using crosscheck::Verdict;
using crosscheck::check::ConsistencyChecker;
using crosscheck::check::ValueComparator;
using crosscheck::knowledge::Gazetteer;
using crosscheck::knowledge::Place;
using crosscheck::knowledge::PlaceKind;
using crosscheck::link::SubjectGroup;

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

Value Count(double n) {
  Value v = Minutes(Interval::Point(n), std::to_string(static_cast<int>(n)));
  v.type = "count";
  v.unit.clear();
  return v;
}

Value PlaceValue(const std::string& id) {
  Value v;
  v.kind = ValueKind::kPlace;
  v.type = "place";
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

SourcedClaim Sourced(const std::string& outlet, const std::string& path, Value value,
                     Modality modality = Modality::kAsserted, const std::string& cue = "", uint32_t start = 0) {
  SourcedClaim sc;
  sc.document_hash = std::string(64, 'a');
  sc.source.path = path;
  sc.source.outlet = outlet;
  sc.claim.template_id = "call_duration";
  sc.claim.subject_kind = "call";
  sc.claim.value = std::move(value);
  sc.claim.modality = modality;
  sc.claim.modality_cue = cue;
  sc.claim.match_raw = {start, start + 20};
  return sc;
}

SubjectGroup GroupOf(size_t count, const std::string& template_id = "call_duration",
                     const std::string& subject_id = "call:donald-trump+vladimir-putin") {
  SubjectGroup g;
  g.template_id = template_id;
  g.subject.id = subject_id;
  g.subject.kind = "call";
  g.subject.label = "call between Donald Trump and Vladimir Putin";
  g.subject.participants = {"Donald Trump", "Vladimir Putin"};
  for (size_t i = 0; i < count; ++i) g.claims.push_back(i);
  return g;
}

const Gazetteer& Places() {
  static const Gazetteer places = [] {
    Gazetteer g;
    Place asia{"Asia", "Asia", PlaceKind::kContinent, -1, {}, {}};
    Place saudi{"Saudi Arabia", "Saudi Arabia", PlaceKind::kCountry, -1, {}, {}};
    Place riyadh{"Riyadh", "Riyadh", PlaceKind::kCity, -1, {}, {}};
    Place munich{"Munich", "Munich", PlaceKind::kCity, -1, {}, {}};
    g.Add(asia, "");
    g.Add(saudi, "Asia");
    g.Add(riyadh, "Saudi Arabia");
    g.Add(munich, "");
    g.Link();
    return g;
  }();
  return places;
}

Finding CheckAllOf(const std::vector<SourcedClaim>& claims) {
  static const ValueComparator comparator(Places());
  const ConsistencyChecker checker(comparator);
  return checker.Check(GroupOf(claims.size()), claims);
}

}  // namespace

TEST_CASE("One outlet is a single source, however many documents and claims", "[check]") {
  SECTION("one claim") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc/1.txt", Minutes(Interval::Point(90), "90 min"))});
    CHECK(f.verdict == Verdict::kSingleSource);
    CHECK(f.outlets == 1);
    CHECK(f.reason == "only BBC reports it: 90 min");
  }
  SECTION("several documents and claims from one outlet") {
    const Finding f = CheckAllOf({
        Sourced("BBC", "bbc/2.txt", Minutes(Interval::Point(90), "90 min")),
        Sourced("BBC", "bbc/1.txt", Minutes(Interval::Point(90), "90 min"), Modality::kAsserted, "", 50),
        Sourced("BBC", "bbc/1.txt", Minutes(Interval{60, kInf, true, true}, "> 60 min"), Modality::kAsserted, "", 5),
    });
    CHECK(f.verdict == Verdict::kSingleSource);
    CHECK(f.outlets == 1);
    REQUIRE(f.claims.size() == 3);
    CHECK(f.reason == "only BBC reports it (3 claims): > 60 min");
  }
  SECTION("an outlet that contradicts itself is still a single source, and the reason says so") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc/1.txt", Count(4)), Sourced("BBC", "bbc/2.txt", Count(5))});
    CHECK(f.verdict == Verdict::kSingleSource);
    CHECK(f.reason == "only BBC reports it; its own claims disagree: 4 and 5 do not overlap");
  }
}

TEST_CASE("A finding carries its group's identity and sorted claims", "[check]") {
  const Finding f = CheckAllOf({
      Sourced("CNN", "cnn/a.txt", Minutes(Interval::Point(90), "90 min"), Modality::kAsserted, "", 300),
      Sourced("BBC", "bbc/a.txt", Minutes(Interval::Point(90), "90 min"), Modality::kAsserted, "", 200),
      Sourced("CNN", "cnn/a.txt", Minutes(Interval::Point(90), "90 min"), Modality::kAsserted, "", 100),
  });
  CHECK(f.id == "call_duration/call:donald-trump+vladimir-putin");
  CHECK(f.template_id == "call_duration");
  CHECK(f.subject.id == "call:donald-trump+vladimir-putin");
  CHECK(f.subject.participants == std::vector<std::string>{"Donald Trump", "Vladimir Putin"});
  CHECK(f.outlets == 2);
  REQUIRE(f.claims.size() == 3);
  CHECK(f.claims[0].source.path == "bbc/a.txt");
  CHECK(f.claims[1].claim.match_raw.begin == 100);
  CHECK(f.claims[2].claim.match_raw.begin == 300);
}

TEST_CASE("Outlets saying the same value agree", "[check]") {
  SECTION("asserted") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Minutes(Interval::Point(90), "90 min")),
                                  Sourced("CNN", "cnn.txt", Minutes(Interval::Point(90), "90 min")),
                                  Sourced("AP", "ap.txt", Minutes(Interval::Point(90), "90 min"))});
    CHECK(f.verdict == Verdict::kAgree);
    CHECK(f.outlets == 3);
    CHECK(f.reason == "all 3 outlets say 90 min");
  }
  SECTION("all hedged") {
    const Finding f =
        CheckAllOf({Sourced("BBC", "bbc.txt", Minutes(Interval::Point(90), "90 min"), Modality::kHedged, "expected"),
                    Sourced("CNN", "cnn.txt", Minutes(Interval::Point(90), "90 min"), Modality::kHedged, "likely")});
    CHECK(f.verdict == Verdict::kAgree);
    CHECK(f.reason == "all 2 outlets say 90 min (all hedged)");
  }
  SECTION("events") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Event()), Sourced("CNN", "cnn.txt", Event())});
    CHECK(f.verdict == Verdict::kAgree);
    CHECK(f.reason == "all 2 outlets report it");
  }
  SECTION("places") {
    const Finding f =
        CheckAllOf({Sourced("BBC", "bbc.txt", PlaceValue("Riyadh")), Sourced("CNN", "cnn.txt", PlaceValue("Riyadh"))});
    CHECK(f.verdict == Verdict::kAgree);
    CHECK(f.reason == "all 2 outlets say Riyadh");
  }
}

TEST_CASE("The same fact at different precision is compatible", "[check]") {
  SECTION("90 min and over an hour") {
    const Finding f =
        CheckAllOf({Sourced("BBC", "bbc.txt", Minutes(Interval{60, kInf, true, true}, "> 60 min")),
                    Sourced("CNN", "cnn.txt", Minutes(Interval::Point(90), "90 min"))});
    CHECK(f.verdict == Verdict::kCompatible);
    CHECK(f.reason == "90 min lies within > 60 min");
  }
  SECTION("an hour and over an hour") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Minutes(Interval::Point(60), "60 min")),
                                  Sourced("CNN", "cnn.txt", Minutes(Interval{60, kInf, true, true}, "> 60 min"))});
    CHECK(f.verdict == Verdict::kCompatible);
    CHECK(f.reason == "60 min overlaps > 60 min");
  }
  SECTION("a city and its country") {
    const Finding f = CheckAllOf(
        {Sourced("BBC", "bbc.txt", PlaceValue("Riyadh")), Sourced("CNN", "cnn.txt", PlaceValue("Saudi Arabia"))});
    CHECK(f.verdict == Verdict::kCompatible);
    CHECK(f.reason == "Riyadh lies in Saudi Arabia");
  }
  SECTION("the reason comes from the most precise pair") {
    const Finding f = CheckAllOf({Sourced("AP", "ap.txt", Minutes(Interval{30, kInf, true, true}, "> 30 min")),
                                  Sourced("BBC", "bbc.txt", Minutes(Interval{60, kInf, true, true}, "> 60 min")),
                                  Sourced("CNN", "cnn.txt", Minutes(Interval::Point(90), "90 min"))});
    CHECK(f.verdict == Verdict::kCompatible);
    CHECK_THAT(f.reason, Catch::StartsWith("90 min lies within"));
  }
}

TEST_CASE("Asserted values that cannot both be true conflict", "[check]") {
  SECTION("counts") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Count(4)), Sourced("CNN", "cnn.txt", Count(5))});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.outlets == 2);
    CHECK(f.reason == "4 and 5 do not overlap (BBC: 4; CNN: 5)");
  }
  SECTION("places") {
    const Finding f = CheckAllOf(
        {Sourced("BBC", "bbc.txt", PlaceValue("Munich")), Sourced("CNN", "cnn.txt", PlaceValue("Saudi Arabia"))});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.reason == "Munich and Saudi Arabia are different places (BBC: Munich; CNN: Saudi Arabia)");
  }
  SECTION("one conflicting pair among agreeing ones is enough") {
    const Finding f = CheckAllOf({Sourced("AP", "ap.txt", Count(4)), Sourced("BBC", "bbc.txt", Count(4)),
                                  Sourced("CNN", "cnn.txt", Count(9))});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK_THAT(f.reason, Catch::StartsWith("4 and 9 do not overlap (AP: 4; CNN: 9)"));
  }
}

TEST_CASE("A conflict that rests on a hedged claim says so", "[check]") {
  SECTION("only the hedged pair conflicts") {
    const Finding f = CheckAllOf(
        {Sourced("BBC", "bbc.txt", Count(4)), Sourced("CNN", "cnn.txt", Count(5), Modality::kHedged, "expects")});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.reason == "4 and 5 do not overlap (BBC: 4; CNN: 5); CNN hedges ('expects')");
  }
  SECTION("a firm conflict is preferred to a hedged one") {
    const Finding f = CheckAllOf({Sourced("AP", "ap.txt", Count(7), Modality::kHedged, "probably"),
                                  Sourced("BBC", "bbc.txt", Count(4)), Sourced("CNN", "cnn.txt", Count(5))});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.reason == "4 and 5 do not overlap (BBC: 4; CNN: 5)");
    CHECK_THAT(f.reason, !Catch::Contains("hedges"));
  }
}

TEST_CASE("Polarity: denying what another outlet asserts is a conflict", "[check]") {
  SECTION("an event asserted and denied") {
    const Finding f = CheckAllOf(
        {Sourced("BBC", "bbc.txt", Event()), Sourced("CNN", "cnn.txt", Event(), Modality::kNegated, "denied")});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.reason == "one outlet reports what another denies (BBC: happened; CNN: happened)");
  }
  SECTION("an event denied and asserted") {
    const Finding f = CheckAllOf(
        {Sourced("BBC", "bbc.txt", Event(), Modality::kNegated, "did not"), Sourced("CNN", "cnn.txt", Event())});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.reason == "one outlet denies what another reports (BBC: happened; CNN: happened)");
  }
  SECTION("both deny it: they agree") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Event(), Modality::kNegated, "denied"),
                                  Sourced("CNN", "cnn.txt", Event(), Modality::kNegated, "no")});
    CHECK(f.verdict == Verdict::kAgree);
  }
  SECTION("a value asserted and the same value denied") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", PlaceValue("Riyadh")),
                                  Sourced("CNN", "cnn.txt", PlaceValue("Riyadh"), Modality::kNegated, "not")});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.reason == "one asserts Riyadh, the other denies Riyadh (BBC: Riyadh; CNN: Riyadh)");
  }
  SECTION("denying a country contradicts a city inside it") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", PlaceValue("Riyadh")),
                                  Sourced("CNN", "cnn.txt", PlaceValue("Saudi Arabia"), Modality::kNegated, "not")});
    CHECK(f.verdict == Verdict::kConflict);
  }
  SECTION("denying one value is not a conflict with another value") {
    const Finding f = CheckAllOf(
        {Sourced("BBC", "bbc.txt", Count(4)), Sourced("CNN", "cnn.txt", Count(9), Modality::kNegated, "not")});
    CHECK(f.verdict == Verdict::kCompatible);
    CHECK(f.reason == "one denies 9, the other says 4");
  }
}

TEST_CASE("Polarity: a denial conflicts only with an assertion inside the denied value", "[check]") {
  SECTION("denying 90 min does not contradict over an hour") {
    const Finding f =
        CheckAllOf({Sourced("BBC", "bbc.txt", Minutes(Interval::Point(90), "90 min"), Modality::kNegated, "not"),
                    Sourced("CNN", "cnn.txt", Minutes(Interval{60, kInf, true, true}, "> 60 min"))});
    CHECK(f.verdict == Verdict::kCompatible);
    CHECK(f.reason == "one denies 90 min, the other says > 60 min");
  }
  SECTION("denying over an hour contradicts 90 min") {
    const Finding f =
        CheckAllOf({Sourced("BBC", "bbc.txt", Minutes(Interval{60, kInf, true, true}, "> 60 min"), Modality::kNegated,
                            "not"),
                    Sourced("CNN", "cnn.txt", Minutes(Interval::Point(90), "90 min"))});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.reason == "one asserts 90 min, the other denies > 60 min (BBC: > 60 min; CNN: 90 min)");
  }
  SECTION("two outlets denying an event agree, and the reason says they deny it") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Event(), Modality::kNegated, "denied"),
                                  Sourced("CNN", "cnn.txt", Event(), Modality::kNegated, "no")});
    CHECK(f.verdict == Verdict::kAgree);
    CHECK(f.reason == "all 2 outlets deny it");
  }
}

TEST_CASE("CheckAll puts conflicts first, then compatible, agreeing and single-source findings", "[check]") {
  const std::vector<SourcedClaim> claims = {
      /*0*/ Sourced("BBC", "bbc.txt", Count(1)),
      /*1*/ Sourced("BBC", "bbc.txt", Minutes(Interval::Point(90), "90 min"), Modality::kAsserted, "", 40),
      /*2*/ Sourced("CNN", "cnn.txt", Minutes(Interval::Point(90), "90 min"), Modality::kAsserted, "", 40),
      /*3*/ Sourced("BBC", "bbc.txt", Count(4), Modality::kAsserted, "", 80),
      /*4*/ Sourced("CNN", "cnn.txt", Count(5), Modality::kAsserted, "", 80),
      /*5*/ Sourced("BBC", "bbc.txt", PlaceValue("Riyadh"), Modality::kAsserted, "", 120),
      /*6*/ Sourced("CNN", "cnn.txt", PlaceValue("Saudi Arabia"), Modality::kAsserted, "", 120),
      /*7*/ Sourced("AP", "ap.txt", Count(2)),
      /*8*/ Sourced("BBC", "bbc.txt", Count(6), Modality::kAsserted, "", 160),
      /*9*/ Sourced("AP", "ap.txt", Count(9), Modality::kAsserted, "", 160),
  };
  crosscheck::link::LinkResult linked;
  auto group = [](const std::string& template_id, const std::string& subject, std::vector<size_t> indices) {
    SubjectGroup g = GroupOf(0, template_id, subject);
    g.claims = std::move(indices);
    return g;
  };
  // Alphabetical group order is deliberately not the verdict order.
  linked.groups = {
      group("a_single", "call:x", {0}),           group("b_agree", "call:x", {1, 2}),
      group("c_conflict", "call:x", {3, 4}),      group("d_compatible", "call:x", {5, 6}),
      group("e_single", "call:x", {7}),           group("f_conflict", "call:x", {8, 9}),
  };
  const ValueComparator comparator(Places());
  const ConsistencyChecker checker(comparator);
  const std::vector<Finding> findings = checker.CheckAll(linked, claims);
  REQUIRE(findings.size() == 6);
  std::vector<std::pair<std::string, Verdict>> order;
  for (const Finding& f : findings) order.emplace_back(f.template_id, f.verdict);
  CHECK(order == std::vector<std::pair<std::string, Verdict>>{
                     {"c_conflict", Verdict::kConflict},
                     {"f_conflict", Verdict::kConflict},
                     {"d_compatible", Verdict::kCompatible},
                     {"b_agree", Verdict::kAgree},
                     {"a_single", Verdict::kSingleSource},
                     {"e_single", Verdict::kSingleSource},
                 });
  CHECK(findings[0].id == "c_conflict/call:x");

  SECTION("CheckGroup, one group at a time, then sorted by ReportedBefore, gives the same findings") {
    std::vector<Finding> one_by_one;
    for (const SubjectGroup& g : linked.groups) {
      std::vector<SourcedClaim> of_group;
      for (size_t i : g.claims) of_group.push_back(claims[i]);
      bool judged = false;
      one_by_one.push_back(checker.CheckGroup(g, of_group, nullptr, &judged));
      CHECK(judged);
    }
    std::stable_sort(one_by_one.begin(), one_by_one.end(), crosscheck::check::ReportedBefore);
    REQUIRE(one_by_one.size() == findings.size());
    for (size_t i = 0; i < findings.size(); ++i) {
      CHECK(one_by_one[i].id == findings[i].id);
      CHECK(one_by_one[i].verdict == findings[i].verdict);
      CHECK(one_by_one[i].reason == findings[i].reason);
      CHECK(one_by_one[i].claims.size() == findings[i].claims.size());
    }
    bool judged = true;
    const Finding reused = checker.CheckGroup(linked.groups[0], {claims[0]}, [](Finding* f) {
      f->reason = "stored";
      return true;
    }, &judged);
    CHECK_FALSE(judged);
    CHECK(reused.reason == "stored");
  }
}

namespace {

Finding CheckWithCopies(const std::vector<SourcedClaim>& claims, const crosscheck::SourceClusters& clusters) {
  static const ValueComparator comparator(Places());
  ConsistencyChecker checker(comparator);
  checker.SetSourceClusters(&clusters);
  return checker.Check(GroupOf(claims.size()), claims);
}

crosscheck::SourceClusters CopiesOf(const std::vector<std::string>& paths) {
  crosscheck::SourceClusters clusters;
  for (const std::string& p : paths) clusters.cluster_of[p] = "copies:" + paths.front();
  return clusters;
}

}  // namespace

TEST_CASE("Copies of one story count as one source", "[check][sources]") {
  const auto clusters = CopiesOf({"ap.txt", "yahoo.txt"});
  SECTION("two outlets publishing one story are a single source") {
    const Finding f = CheckWithCopies(
        {Sourced("AP", "ap.txt", PlaceValue("Munich")), Sourced("Yahoo", "yahoo.txt", PlaceValue("Munich"))}, clusters);
    CHECK(f.verdict == Verdict::kSingleSource);
    CHECK(f.outlets == 2);
    CHECK(f.sources == 1);
    CHECK(f.reason == "only one independent source: AP and Yahoo publish copies of one story (2 claims): Munich");
  }
  SECTION("a third, independent outlet makes it agreement between two sources") {
    const Finding f = CheckWithCopies({Sourced("AP", "ap.txt", PlaceValue("Munich")),
                                       Sourced("BBC", "bbc.txt", PlaceValue("Munich")),
                                       Sourced("Yahoo", "yahoo.txt", PlaceValue("Munich"))},
                                      clusters);
    CHECK(f.verdict == Verdict::kAgree);
    CHECK(f.sources == 2);
    CHECK(f.reason == "all 3 outlets (2 independent sources) say Munich");
  }
  SECTION("copies that disagree say so") {
    const Finding f = CheckWithCopies(
        {Sourced("AP", "ap.txt", Count(26)), Sourced("Yahoo", "yahoo.txt", Count(23))}, clusters);
    CHECK(f.verdict == Verdict::kSingleSource);
    CHECK(f.reason.find("the copies disagree") != std::string::npos);
  }
  SECTION("without clusters every outlet is independent") {
    const Finding f = CheckAllOf({Sourced("AP", "ap.txt", PlaceValue("Munich")), Sourced("Yahoo", "yahoo.txt", PlaceValue("Munich"))});
    CHECK(f.verdict == Verdict::kAgree);
    CHECK(f.sources == 2);
  }
}

namespace {

SourcedClaim Attributed(SourcedClaim claim, const std::string& to) {
  claim.claim.attribution = to;
  return claim;
}

}  // namespace

TEST_CASE("A conflict resting on a hedge or on different attributions is weak, never mixed with a flat one",
          "[check][strength]") {
  SECTION("asserted against asserted is firm") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Count(4)), Sourced("CNN", "cnn.txt", Count(5))});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.strength == crosscheck::ConflictStrength::kFirm);
  }
  SECTION("hedged against asserted is weak") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Count(4)),
                                  Sourced("CNN", "cnn.txt", Count(5), Modality::kHedged, "may")});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.strength == crosscheck::ConflictStrength::kWeak);
    CHECK_THAT(f.reason, Catch::EndsWith("CNN hedges ('may')"));
  }
  SECTION("claims attributed to different parties are weak") {
    const Finding f = CheckAllOf({Attributed(Sourced("BBC", "bbc.txt", Count(4)), "the Kremlin"),
                                  Attributed(Sourced("CNN", "cnn.txt", Count(5)), "a White House official")});
    CHECK(f.verdict == Verdict::kConflict);
    CHECK(f.strength == crosscheck::ConflictStrength::kWeak);
    CHECK_THAT(f.reason, Catch::EndsWith("attributed to the Kremlin and to a White House official"));
  }
  SECTION("the same party, or an outlet's own statement against an attributed one, is firm") {
    Finding f = CheckAllOf({Attributed(Sourced("BBC", "bbc.txt", Count(4)), "the Kremlin"),
                            Attributed(Sourced("CNN", "cnn.txt", Count(5)), "The Kremlin")});
    CHECK(f.strength == crosscheck::ConflictStrength::kFirm);
    f = CheckAllOf({Attributed(Sourced("BBC", "bbc.txt", Count(4)), "the Kremlin"), Sourced("CNN", "cnn.txt", Count(5))});
    CHECK(f.strength == crosscheck::ConflictStrength::kFirm);
  }
  SECTION("one flat contradiction makes the finding firm, whatever else is weak") {
    const Finding f = CheckAllOf({Attributed(Sourced("AP", "ap.txt", Count(4)), "the Kremlin"),
                                  Attributed(Sourced("BBC", "bbc.txt", Count(5)), "Kyiv"),
                                  Sourced("CNN", "cnn.txt", Count(6))});
    CHECK(f.strength == crosscheck::ConflictStrength::kFirm);
    CHECK_THAT(f.reason, !Catch::Contains("attributed"));
  }
  SECTION("agreement has no strength") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Count(4)), Sourced("CNN", "cnn.txt", Count(4))});
    CHECK(f.strength == crosscheck::ConflictStrength::kNone);
  }
}

TEST_CASE("Firm conflicts are listed before weak ones", "[check][strength]") {
  static const ValueComparator comparator(Places());
  const ConsistencyChecker checker(comparator);
  std::vector<SourcedClaim> claims = {Sourced("BBC", "bbc.txt", Count(4)),
                                      Sourced("CNN", "cnn.txt", Count(5), Modality::kHedged, "may"),
                                      Sourced("BBC", "bbc.txt", Count(7)), Sourced("CNN", "cnn.txt", Count(8))};
  crosscheck::link::LinkResult linked;
  SubjectGroup weak = GroupOf(0, "call_duration", "call:a");
  weak.claims = {0, 1};
  SubjectGroup firm = GroupOf(0, "call_duration", "call:b");
  firm.claims = {2, 3};
  linked.groups = {weak, firm};
  const std::vector<Finding> findings = checker.CheckAll(linked, claims);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].subject.id == "call:b");
  CHECK(findings[0].strength == crosscheck::ConflictStrength::kFirm);
  CHECK(findings[1].strength == crosscheck::ConflictStrength::kWeak);
}

TEST_CASE("A document whose own claims disagree is flagged, whatever the verdict", "[check][self]") {
  SECTION("one outlet against itself, and agreeing with another") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", PlaceValue("Munich"), Modality::kAsserted, "", 0),
                                  Sourced("BBC", "bbc.txt", PlaceValue("Riyadh"), Modality::kAsserted, "", 40),
                                  Sourced("CNN", "cnn.txt", PlaceValue("Munich"))});
    REQUIRE(f.self_contradictions.size() == 1);
    CHECK(f.self_contradictions[0].document == "bbc.txt");
    CHECK(f.self_contradictions[0].outlet == "BBC");
    CHECK(f.self_contradictions[0].reason.find("Munich") != std::string::npos);
  }
  SECTION("two documents that disagree with each other are not self-contradictions") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Count(4)), Sourced("CNN", "cnn.txt", Count(5))});
    CHECK(f.self_contradictions.empty());
  }
  SECTION("a document repeating itself is not flagged") {
    const Finding f = CheckAllOf({Sourced("BBC", "bbc.txt", Count(4), Modality::kAsserted, "", 0),
                                  Sourced("BBC", "bbc.txt", Count(4), Modality::kAsserted, "", 40)});
    CHECK(f.self_contradictions.empty());
  }
}
