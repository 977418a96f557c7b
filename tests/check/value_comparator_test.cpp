// Tests for check/value_comparator: how two claimed values relate.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check/value_comparator.h"
#include "crosscheck/claim.h"
#include "knowledge/gazetteer.h"

namespace {

using crosscheck::Interval;
using crosscheck::Value;
using crosscheck::ValueKind;
using crosscheck::check::CompareIntervals;
using crosscheck::check::Comparison;
using crosscheck::check::Relation;
using crosscheck::check::ValueComparator;
using crosscheck::knowledge::Gazetteer;
using crosscheck::knowledge::Place;
using crosscheck::knowledge::PlaceKind;

constexpr double kInf = Interval::kInfinity;

const char* Name(Relation r) {
  switch (r) {
    case Relation::kSame: return "same";
    case Relation::kWithin: return "within";
    case Relation::kContains: return "contains";
    case Relation::kOverlaps: return "overlaps";
    case Relation::kDisjoint: return "disjoint";
  }
  return "?";
}

Interval Closed(double lo, double hi) { return {lo, hi, false, false}; }
Interval Open(double lo, double hi) { return {lo, hi, true, true}; }

Value Quantity(Interval interval, const std::string& display) {
  Value v;
  v.kind = ValueKind::kQuantity;
  v.type = "duration";
  v.unit = "min";
  v.interval = interval;
  v.display = display;
  v.text = display;
  return v;
}

Value Date(Interval days, const std::string& display) {
  Value v = Quantity(days, display);
  v.kind = ValueKind::kDate;
  v.type = "date";
  v.unit.clear();
  return v;
}

Value Named(ValueKind kind, const std::string& id) {
  Value v;
  v.kind = kind;
  v.type = kind == ValueKind::kPlace ? "place" : "name";
  v.id = id;
  v.display = id;
  v.text = id;
  return v;
}

// Asia > Saudi Arabia > Riyadh; Europe > Germany > Bavaria > Munich; Jeddah in Saudi Arabia.
Gazetteer SmallGazetteer() {
  Gazetteer g;
  auto add = [&](const std::string& id, PlaceKind kind, const std::string& parent) {
    Place p;
    p.id = id;
    p.name = id;
    p.kind = kind;
    REQUIRE(g.Add(p, parent));
  };
  add("Asia", PlaceKind::kContinent, "");
  add("Europe", PlaceKind::kContinent, "");
  add("Riyadh", PlaceKind::kCity, "Saudi Arabia");  // parents may come later: Link() resolves them
  add("Saudi Arabia", PlaceKind::kCountry, "Asia");
  add("Jeddah", PlaceKind::kCity, "Saudi Arabia");
  add("Germany", PlaceKind::kCountry, "Europe");
  add("Bavaria", PlaceKind::kState, "Germany");
  add("Munich", PlaceKind::kCity, "Bavaria");
  REQUIRE(g.Link().empty());
  return g;
}

}  // namespace

TEST_CASE("CompareIntervals: the relations of two intervals", "[check]") {
  struct Case {
    const char* name;
    Interval a;
    Interval b;
    Relation expected;
  };
  const std::vector<Case> cases = {
      {"equal closed", Closed(1, 5), Closed(1, 5), Relation::kSame},
      {"equal points", Interval::Point(7), Interval::Point(7), Relation::kSame},
      {"equal open", Open(1, 5), Open(1, 5), Relation::kSame},
      {"equal within epsilon", Closed(1, 5.0000001), Closed(1, 5), Relation::kSame},
      {"strictly inside", Closed(2, 3), Closed(1, 5), Relation::kWithin},
      {"strictly around", Closed(1, 5), Closed(2, 3), Relation::kContains},
      {"sharing the lower end", Closed(1, 3), Closed(1, 5), Relation::kWithin},
      {"sharing the upper end", Closed(1, 5), Closed(3, 5), Relation::kContains},
      {"open inside closed", Open(1, 5), Closed(1, 5), Relation::kWithin},
      {"closed around open", Closed(1, 5), Open(1, 5), Relation::kContains},
      {"half-open lower end", Interval{1, 5, true, false}, Closed(1, 5), Relation::kWithin},
      {"crossing", Closed(1, 3), Closed(2, 5), Relation::kOverlaps},
      {"crossing, other way", Closed(2, 5), Closed(1, 3), Relation::kOverlaps},
      {"apart", Closed(1, 2), Closed(3, 4), Relation::kDisjoint},
      {"apart, other way", Closed(3, 4), Closed(1, 2), Relation::kDisjoint},
      {"touching closed ends share a point", Closed(1, 2), Closed(2, 3), Relation::kOverlaps},
      {"touching, a's end open", Interval{1, 2, false, true}, Closed(2, 3), Relation::kDisjoint},
      {"touching, b's start open", Closed(1, 2), Interval{2, 3, true, false}, Relation::kDisjoint},
      {"point on a closed end", Interval::Point(2), Closed(2, 3), Relation::kWithin},
      {"point on an open end", Interval::Point(2), Interval{2, 3, true, false}, Relation::kDisjoint},
      {"point outside", Interval::Point(9), Closed(2, 3), Relation::kDisjoint},
      {"point inside (60, inf)", Interval::Point(90), Interval{60, kInf, true, true}, Relation::kWithin},
      {"(60, inf) around a point", Interval{60, kInf, true, true}, Interval::Point(90), Relation::kContains},
      {"60 against (60, inf)", Interval::Point(60), Interval{60, kInf, true, true}, Relation::kDisjoint},
      {"[60, inf) against (60, inf)", Interval{60, kInf, false, true}, Interval{60, kInf, true, true},
       Relation::kContains},
      {"(60, inf) against [60, inf)", Interval{60, kInf, true, true}, Interval{60, kInf, false, true},
       Relation::kWithin},
      {"(60, inf) equals itself", Interval{60, kInf, true, true}, Interval{60, kInf, true, true}, Relation::kSame},
      {"(30, inf) around (60, inf)", Interval{30, kInf, true, true}, Interval{60, kInf, true, true},
       Relation::kContains},
      {"[0, 60) against (60, inf)", Interval{0, 60, false, true}, Interval{60, kInf, true, true}, Relation::kDisjoint},
      {"[0, 90) crossing (60, inf)", Interval{0, 90, false, true}, Interval{60, kInf, true, true}, Relation::kOverlaps},
      {"unbounded around a point", Open(-kInf, kInf), Interval::Point(3), Relation::kContains},
      {"point inside unbounded", Interval::Point(3), Open(-kInf, kInf), Relation::kWithin},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Name(CompareIntervals(c.a, c.b)) == std::string(Name(c.expected)));
  }
}

TEST_CASE("CompareIntervals: intervals unbounded below compare by their upper ends", "[check]") {
  const Interval up_to_5{-kInf, 5, true, false};
  const Interval up_to_3{-kInf, 3, true, false};
  CHECK(Name(CompareIntervals(up_to_5, up_to_5)) == std::string("same"));
  CHECK(Name(CompareIntervals(up_to_3, up_to_5)) == std::string("within"));
  CHECK(Name(CompareIntervals(up_to_5, up_to_3)) == std::string("contains"));
  CHECK(Name(CompareIntervals(Open(-kInf, kInf), Open(-kInf, kInf))) == std::string("same"));
  CHECK(Name(CompareIntervals(up_to_5, Open(-kInf, kInf))) == std::string("within"));

  SECTION("two unresolved dates naming no weekday cannot be compared: compatible, never a conflict") {
    const Gazetteer places = SmallGazetteer();
    const ValueComparator comparator(places);
    const Value a = Date(Open(-kInf, kInf), "last week (unresolved)");
    const Value b = Date(Open(-kInf, kInf), "yesterday (unresolved)");
    const Comparison result = comparator.Compare(a, b);
    CHECK(Name(result.relation) == std::string("overlaps"));
    CHECK(result.reason == "last week (unresolved) and yesterday (unresolved) cannot be compared: neither is resolved (no anchor date)");
  }
}

TEST_CASE("Point quantities allow for rounding, not for different counts", "[check]") {
  const Gazetteer places = SmallGazetteer();
  const ValueComparator comparator(places);
  struct Case {
    Value a;
    Value b;
    Relation expected;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {Quantity(Interval::Point(60), "60 min"), Quantity(Interval{60, kInf, true, true}, "> 60 min"),
       Relation::kOverlaps, "60 min overlaps > 60 min"},
      {Quantity(Interval::Point(90), "90 min"), Quantity(Interval{60, kInf, true, true}, "> 60 min"),
       Relation::kWithin, "90 min lies within > 60 min"},
      {Quantity(Interval{60, kInf, true, true}, "> 60 min"), Quantity(Interval::Point(90), "90 min"),
       Relation::kContains, "90 min lies within > 60 min"},
      {Quantity(Interval::Point(4), "4"), Quantity(Interval::Point(5), "5"), Relation::kDisjoint,
       "4 and 5 do not overlap"},
      {Quantity(Interval::Point(90), "90 min"), Quantity(Interval::Point(90), "90 min"), Relation::kSame,
       "90 min equals 90 min"},
      {Quantity(Interval::Point(60), "60 min"), Quantity(Interval::Point(61), "61 min"), Relation::kOverlaps,
       "60 min overlaps 61 min"},
      {Quantity(Interval::Point(100), "100"), Quantity(Interval::Point(110), "110"), Relation::kDisjoint,
       "100 and 110 do not overlap"},
      {Quantity(Interval::Point(0), "0"), Quantity(Interval::Point(1), "1"), Relation::kDisjoint,
       "0 and 1 do not overlap"},
      {Quantity(Interval::Point(100), "100"), Quantity(Closed(90, 120), "90-120"), Relation::kWithin,
       "100 lies within 90-120"},
  };
  for (const Case& c : cases) {
    INFO(c.a.display << " vs " << c.b.display);
    const Comparison result = comparator.Compare(c.a, c.b);
    CHECK(Name(result.relation) == std::string(Name(c.expected)));
    CHECK(result.reason == c.reason);
  }
}

TEST_CASE("Dates are compared as exact day intervals", "[check]") {
  const Gazetteer places = SmallGazetteer();
  const ValueComparator comparator(places);
  // Days since 1970: 2025-03-18 is day 20165; March 2025 is days 20148..20178.
  const Value day = Date(Interval::Point(20165), "2025-03-18");
  const Value next_day = Date(Interval::Point(20166), "2025-03-19");
  const Value march = Date(Closed(20148, 20178), "2025-03");
  CHECK(comparator.Compare(day, day).relation == Relation::kSame);
  // No rounding margin for days: the next day is another day.
  const Comparison apart = comparator.Compare(day, next_day);
  CHECK(apart.relation == Relation::kDisjoint);
  CHECK(apart.reason == "2025-03-18 and 2025-03-19 do not overlap");
  const Comparison in_month = comparator.Compare(day, march);
  CHECK(in_month.relation == Relation::kWithin);
  CHECK(in_month.reason == "2025-03-18 lies within 2025-03");
}

TEST_CASE("Unresolved dates compare by the weekday they name", "[check][time]") {
  const Gazetteer places = SmallGazetteer();
  const ValueComparator comparator(places);
  const Interval unbounded{-kInf, kInf, true, true};
  auto unresolved = [&](const std::string& weekday) {
    Value v = Date(unbounded, weekday + " (unresolved)");
    v.id = weekday;
    return v;
  };
  // 2025-02-12 (day 20131) is a Wednesday.
  const Value wednesday_12 = Date(Interval::Point(20131), "Wednesday (2025-02-12)");
  const Comparison both = comparator.Compare(unresolved("Wednesday"), unresolved("Wednesday"));
  CHECK(both.relation == Relation::kSame);
  CHECK(both.reason == "both say Wednesday (both unresolved: no anchor date; only the weekdays are compared)");
  const Comparison differ = comparator.Compare(unresolved("Wednesday"), unresolved("Thursday"));
  CHECK(differ.relation == Relation::kDisjoint);
  CHECK(differ.reason == "Wednesday and Thursday are different weekdays (both unresolved: no anchor date; only the weekdays are compared)");
  const Comparison mixed = comparator.Compare(wednesday_12, unresolved("Wednesday"));
  CHECK(mixed.relation == Relation::kSame);
  CHECK(mixed.reason == "both say Wednesday (Wednesday (unresolved) has no anchor date; only the weekdays are compared)");
  CHECK(comparator.Compare(unresolved("Friday"), wednesday_12).relation == Relation::kDisjoint);
  // No weekday to compare: the unresolved side says nothing against the other.
  Value summer = Date(unbounded, "this summer (unresolved)");
  const Comparison vague = comparator.Compare(summer, wednesday_12);
  CHECK(vague.relation != Relation::kDisjoint);
  CHECK(vague.reason == "this summer (unresolved) and Wednesday (2025-02-12) cannot be compared: this summer (unresolved) is not resolved (no anchor date)");
}

TEST_CASE("Places are compared by containment in the gazetteer", "[check]") {
  const Gazetteer places = SmallGazetteer();
  const ValueComparator comparator(places);
  struct Case {
    const char* a;
    const char* b;
    Relation expected;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"Riyadh", "Saudi Arabia", Relation::kWithin, "Riyadh lies in Saudi Arabia"},
      {"Saudi Arabia", "Riyadh", Relation::kContains, "Riyadh lies in Saudi Arabia"},
      {"Riyadh", "Riyadh", Relation::kSame, "both say Riyadh"},
      {"Riyadh", "Asia", Relation::kWithin, "Riyadh lies in Asia"},
      {"Munich", "Europe", Relation::kWithin, "Munich lies in Europe"},
      {"Munich", "Saudi Arabia", Relation::kDisjoint, "Munich and Saudi Arabia are different places"},
      {"Riyadh", "Jeddah", Relation::kDisjoint, "Riyadh and Jeddah are different places"},
      {"Germany", "Saudi Arabia", Relation::kDisjoint, "Germany and Saudi Arabia are different places"},
      {"Atlantis", "Saudi Arabia", Relation::kDisjoint, "Atlantis and Saudi Arabia are different places"},
      {"Saudi Arabia", "Atlantis", Relation::kDisjoint, "Saudi Arabia and Atlantis are different places"},
  };
  for (const Case& c : cases) {
    INFO(c.a << " vs " << c.b);
    const Comparison result = comparator.Compare(Named(ValueKind::kPlace, c.a), Named(ValueKind::kPlace, c.b));
    CHECK(Name(result.relation) == std::string(Name(c.expected)));
    CHECK(result.reason == c.reason);
  }
}

TEST_CASE("Places use the id, the display is only for the reason", "[check]") {
  const Gazetteer places = SmallGazetteer();
  const ValueComparator comparator(places);
  Value riyadh = Named(ValueKind::kPlace, "Riyadh");
  riyadh.display = "the Saudi capital";
  const Comparison result = comparator.Compare(riyadh, Named(ValueKind::kPlace, "Saudi Arabia"));
  CHECK(result.relation == Relation::kWithin);
  CHECK(result.reason == "the Saudi capital lies in Saudi Arabia");
}

TEST_CASE("Entities and categories are the same or different", "[check]") {
  const Gazetteer places = SmallGazetteer();
  const ValueComparator comparator(places);
  for (ValueKind kind : {ValueKind::kEntity, ValueKind::kCategory}) {
    INFO(std::string(crosscheck::ValueKindName(kind)));
    const Comparison same = comparator.Compare(Named(kind, "Steve Witkoff"), Named(kind, "Steve Witkoff"));
    CHECK(same.relation == Relation::kSame);
    CHECK(same.reason == "both say Steve Witkoff");
    const Comparison different = comparator.Compare(Named(kind, "Steve Witkoff"), Named(kind, "Marco Rubio"));
    CHECK(different.relation == Relation::kDisjoint);
    CHECK(different.reason == "Steve Witkoff and Marco Rubio differ");
  }
  // Identity is by id: two ways of writing one name are the same.
  Value a = Named(ValueKind::kEntity, "Marco Rubio");
  Value b = Named(ValueKind::kEntity, "Marco Rubio");
  b.display = "Rubio";
  CHECK(comparator.Compare(a, b).relation == Relation::kSame);
}

TEST_CASE("Events are the same fact; polarity is the checker's business", "[check]") {
  const Gazetteer places = SmallGazetteer();
  const ValueComparator comparator(places);
  Value event;
  event.kind = ValueKind::kEvent;
  event.display = "happened";
  const Comparison result = comparator.Compare(event, event);
  CHECK(result.relation == Relation::kSame);
  CHECK(result.reason == "both report it");
}
