// Tests for knowledge/gazetteer: places, names, demonyms and containment.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "knowledge/gazetteer.h"
#include "knowledge/knowledge_base.h"
#include "test_support.h"

namespace {

using crosscheck::knowledge::Gazetteer;
using crosscheck::knowledge::KnowledgeBase;
using crosscheck::knowledge::Place;
using crosscheck::knowledge::PlaceKind;

Place MakePlace(std::string name, PlaceKind kind, std::vector<std::string> aliases = {},
                std::vector<std::string> demonyms = {}, std::string id = "") {
  Place p;
  p.id = id.empty() ? name : id;
  p.name = std::move(name);
  p.kind = kind;
  p.aliases = std::move(aliases);
  p.demonyms = std::move(demonyms);
  return p;
}

// Europe > Germany > Bavaria > Munich; North America > United States > Georgia (state) > Atlanta;
// Asia > Georgia (country) > Tbilisi. "Georgia" is shared by a state and a country, and the state
// is added first so that ranking, not insertion order, has to pick the country.
Gazetteer SmallGazetteer() {
  Gazetteer g;
  REQUIRE(g.Add(MakePlace("Europe", PlaceKind::kContinent), ""));
  REQUIRE(g.Add(MakePlace("Asia", PlaceKind::kContinent), ""));
  REQUIRE(g.Add(MakePlace("North America", PlaceKind::kContinent), ""));
  REQUIRE(g.Add(MakePlace("Germany", PlaceKind::kCountry, {"Deutschland", "FRG"}, {"German"}), "Europe"));
  REQUIRE(g.Add(MakePlace("Bavaria", PlaceKind::kState, {"Bayern"}, {"Bavarian"}), "Germany"));
  REQUIRE(g.Add(MakePlace("Munich", PlaceKind::kCity, {"M\xc3\xbcnchen"}), "Bavaria"));
  REQUIRE(g.Add(MakePlace("United States", PlaceKind::kCountry, {"U.S.", "USA"}, {"American"}), "North America"));
  REQUIRE(g.Add(MakePlace("Georgia", PlaceKind::kState, {"Ga."}, {}, "Georgia (US state)"), "United States"));
  REQUIRE(g.Add(MakePlace("Atlanta", PlaceKind::kCity), "Georgia (US state)"));
  REQUIRE(g.Add(MakePlace("Georgia", PlaceKind::kCountry, {}, {"Georgian"}), "Asia"));
  REQUIRE(g.Add(MakePlace("Tbilisi", PlaceKind::kCity), "Georgia"));
  REQUIRE(g.Link().empty());
  return g;
}

const KnowledgeBase& RealKnowledge() {
  static const KnowledgeBase kb = [] {
    auto loaded = KnowledgeBase::Load({crosscheck::testing::SourceDir() / "knowledge"});
    if (!loaded.ok()) throw std::runtime_error("default knowledge failed to load: " + loaded.status().message());
    return std::move(loaded).value();
  }();
  return kb;
}

std::string IdOf(const Gazetteer& g, int index) { return index == Gazetteer::kNone ? "<none>" : g.place(index).id; }

}  // namespace

TEST_CASE("PlaceKindName and ParsePlaceKind round-trip every kind", "[knowledge]") {
  const std::vector<std::pair<std::string, PlaceKind>> kinds = {
      {"continent", PlaceKind::kContinent}, {"region", PlaceKind::kRegion},     {"country", PlaceKind::kCountry},
      {"territory", PlaceKind::kTerritory}, {"state", PlaceKind::kState},       {"province", PlaceKind::kProvince},
      {"county", PlaceKind::kCounty},       {"city", PlaceKind::kCity},
  };
  for (const auto& [name, kind] : kinds) {
    CAPTURE(name);
    CHECK(crosscheck::knowledge::PlaceKindName(kind) == name);
    PlaceKind parsed = PlaceKind::kContinent;
    REQUIRE(crosscheck::knowledge::ParsePlaceKind(name, &parsed));
    CHECK(parsed == kind);
  }
  SECTION("unknown kind names are rejected and leave the output alone") {
    for (const char* bad : {"town", "City", "COUNTRY", "", "countries", " city"}) {
      CAPTURE(bad);
      PlaceKind parsed = PlaceKind::kRegion;
      CHECK_FALSE(crosscheck::knowledge::ParsePlaceKind(bad, &parsed));
      CHECK(parsed == PlaceKind::kRegion);
    }
  }
}

TEST_CASE("LowerAscii lower-cases ASCII letters only", "[knowledge]") {
  CHECK(crosscheck::knowledge::LowerAscii("Saudi ARABIA") == "saudi arabia");
  CHECK(crosscheck::knowledge::LowerAscii("U.S.-Mexico 2025") == "u.s.-mexico 2025");
  // Non-ASCII bytes pass through untouched (no locale-dependent folding).
  CHECK(crosscheck::knowledge::LowerAscii("M\xc3\x9cNCHEN") == "m\xc3\x9cnchen");
  CHECK(crosscheck::knowledge::LowerAscii("") == "");
}

TEST_CASE("Gazetteer finds places by name and alias, ignoring ASCII case", "[knowledge]") {
  const Gazetteer g = SmallGazetteer();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Munich", "Munich"},
      {"munich", "Munich"},
      {"MUNICH", "Munich"},
      {"M\xc3\xbcnchen", "Munich"},
      {"Deutschland", "Germany"},
      {"frg", "Germany"},
      {"U.S.", "United States"},
      {"usa", "United States"},
      {"Bayern", "Bavaria"},
      {"Ga.", "Georgia (US state)"},
      {"North America", "North America"},
      // Shared name: the country wins over the state, whatever the insertion order.
      {"Georgia", "Georgia"},
      {"georgia", "Georgia"},
  };
  for (const auto& [name, id] : cases) {
    CAPTURE(name);
    CHECK(IdOf(g, g.Find(name)) == id);
  }
  SECTION("unknown names, demonyms and ids are not names") {
    for (const char* bad : {"", "Berlin", "German", "Georgia (US state)", "Munich ", "Mun"}) {
      CAPTURE(bad);
      CHECK(g.Find(bad) == Gazetteer::kNone);
      CHECK(g.FindAll(bad).empty());
    }
  }
}

TEST_CASE("Gazetteer::FindAll lists every place sharing a name, best first", "[knowledge]") {
  const Gazetteer g = SmallGazetteer();
  const std::vector<int> all = g.FindAll("Georgia");
  REQUIRE(all.size() == 2);
  CHECK(g.place(all[0]).id == "Georgia");
  CHECK(g.place(all[0]).kind == PlaceKind::kCountry);
  CHECK(g.place(all[1]).id == "Georgia (US state)");
  CHECK(g.place(all[1]).kind == PlaceKind::kState);
  CHECK(g.FindAll("Munich") == std::vector<int>{g.FindById("Munich")});
}

TEST_CASE("Gazetteer ranks countries, continents, states, provinces, territories, regions, cities, counties",
          "[knowledge]") {
  // Eight places share one name; added worst first, so only the rank can order them.
  Gazetteer g;
  const std::vector<PlaceKind> worst_first = {PlaceKind::kCounty,   PlaceKind::kCity,      PlaceKind::kRegion,
                                              PlaceKind::kTerritory, PlaceKind::kProvince, PlaceKind::kState,
                                              PlaceKind::kContinent, PlaceKind::kCountry};
  for (size_t i = 0; i < worst_first.size(); ++i) {
    REQUIRE(g.Add(MakePlace("Shared", worst_first[i], {}, {}, "shared-" + std::to_string(i)), ""));
  }
  REQUIRE(g.Link().empty());
  const std::vector<int> all = g.FindAll("shared");
  REQUIRE(all.size() == worst_first.size());
  std::vector<PlaceKind> order;
  for (int index : all) order.push_back(g.place(index).kind);
  const std::vector<PlaceKind> expected(worst_first.rbegin(), worst_first.rend());
  CHECK(order == expected);
  CHECK(g.place(g.Find("SHARED")).kind == PlaceKind::kCountry);
}

TEST_CASE("Gazetteer::FindById and FindByDemonym", "[knowledge]") {
  const Gazetteer g = SmallGazetteer();
  CHECK(IdOf(g, g.FindById("Georgia (US state)")) == "Georgia (US state)");
  CHECK(g.place(g.FindById("Georgia (US state)")).name == "Georgia");
  CHECK(IdOf(g, g.FindById("Georgia")) == "Georgia");
  SECTION("ids are exact: no case folding, no aliases") {
    for (const char* bad : {"georgia", "Deutschland", "", "Georgia (us state)"}) {
      CAPTURE(bad);
      CHECK(g.FindById(bad) == Gazetteer::kNone);
    }
  }
  SECTION("demonyms lead to their place, ignoring case") {
    CHECK(IdOf(g, g.FindByDemonym("German")) == "Germany");
    CHECK(IdOf(g, g.FindByDemonym("german")) == "Germany");
    CHECK(IdOf(g, g.FindByDemonym("Bavarian")) == "Bavaria");
    CHECK(IdOf(g, g.FindByDemonym("Georgian")) == "Georgia");
    CHECK(IdOf(g, g.FindByDemonym("AMERICAN")) == "United States");
    for (const char* bad : {"Germany", "French", "", "Germans"}) {
      CAPTURE(bad);
      CHECK(g.FindByDemonym(bad) == Gazetteer::kNone);
    }
  }
}

TEST_CASE("Gazetteer::IsWithin follows containment strictly", "[knowledge]") {
  const Gazetteer g = SmallGazetteer();
  const auto id = [&](const char* s) { return g.FindById(s); };
  struct Case {
    const char* inner;
    const char* outer;
    bool within;
  };
  const std::vector<Case> cases = {
      {"Munich", "Bavaria", true},
      {"Munich", "Germany", true},
      {"Munich", "Europe", true},
      {"Bavaria", "Europe", true},
      {"Atlanta", "Georgia (US state)", true},
      {"Atlanta", "United States", true},
      {"Tbilisi", "Georgia", true},
      {"Tbilisi", "Asia", true},
      // Not inside: the other Georgia, siblings, the reverse direction, itself.
      {"Atlanta", "Georgia", false},
      {"Tbilisi", "Georgia (US state)", false},
      {"Tbilisi", "United States", false},
      {"Germany", "Munich", false},
      {"Europe", "Munich", false},
      {"Munich", "Munich", false},
      {"Germany", "Germany", false},
      {"Munich", "Asia", false},
      {"Europe", "Asia", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.inner, c.outer);
    CHECK(g.IsWithin(id(c.inner), id(c.outer)) == c.within);
  }
  CHECK_FALSE(g.IsWithin(Gazetteer::kNone, id("Europe")));
  CHECK_FALSE(g.IsWithin(id("Munich"), Gazetteer::kNone));
}

TEST_CASE("Gazetteer::Lineage walks from a place to its root", "[knowledge]") {
  const Gazetteer g = SmallGazetteer();
  std::vector<std::string> lineage;
  for (int index : g.Lineage(g.FindById("Munich"))) lineage.push_back(g.place(index).id);
  CHECK(lineage == std::vector<std::string>{"Munich", "Bavaria", "Germany", "Europe"});
  lineage.clear();
  for (int index : g.Lineage(g.FindById("Europe"))) lineage.push_back(g.place(index).id);
  CHECK(lineage == std::vector<std::string>{"Europe"});
  CHECK(g.Lineage(Gazetteer::kNone).empty());
  CHECK(g.place(g.FindById("Europe")).parent == -1);
  CHECK(g.place(g.FindById("Munich")).parent == g.FindById("Bavaria"));
}

TEST_CASE("Gazetteer::Add refuses a duplicate id but accepts a shared name", "[knowledge]") {
  Gazetteer g;
  CHECK(g.Add(MakePlace("Moscow", PlaceKind::kCity), ""));
  CHECK_FALSE(g.Add(MakePlace("Moscow", PlaceKind::kCity), ""));
  CHECK(g.size() == 1);
  CHECK(g.Add(MakePlace("Moscow", PlaceKind::kCity, {}, {}, "Moscow, Idaho"), ""));
  CHECK(g.size() == 2);
  CHECK(g.FindAll("moscow").size() == 2);
}

TEST_CASE("Gazetteer::Link reports unknown parents and breaks containment cycles", "[knowledge]") {
  SECTION("an unknown parent id is returned and the place stays a root") {
    Gazetteer g;
    REQUIRE(g.Add(MakePlace("Atlantis City", PlaceKind::kCity), "Atlantis"));
    REQUIRE(g.Add(MakePlace("Europe", PlaceKind::kContinent), ""));
    REQUIRE(g.Add(MakePlace("Paris", PlaceKind::kCity), "France"));
    const std::vector<std::string> unresolved = g.Link();
    CHECK(unresolved == std::vector<std::string>{"Atlantis", "France"});
    CHECK(g.place(g.FindById("Atlantis City")).parent == -1);
  }
  SECTION("a parent named by a display name instead of its id is unknown") {
    Gazetteer g;
    REQUIRE(g.Add(MakePlace("Georgia", PlaceKind::kState, {}, {}, "Georgia (US state)"), ""));
    REQUIRE(g.Add(MakePlace("Atlanta", PlaceKind::kCity), "Georgia"));
    CHECK(g.Link() == std::vector<std::string>{"Georgia"});
  }
  SECTION("a cycle is reported once and broken, so Lineage ends") {
    Gazetteer g;
    REQUIRE(g.Add(MakePlace("A", PlaceKind::kRegion), "B"));
    REQUIRE(g.Add(MakePlace("B", PlaceKind::kRegion), "A"));
    REQUIRE(g.Add(MakePlace("C", PlaceKind::kCity), "A"));
    const std::vector<std::string> unresolved = g.Link();
    REQUIRE(unresolved.size() == 1);
    CHECK(unresolved[0] == "A (containment cycle)");
    CHECK(g.Lineage(g.FindById("C")).size() <= 3);
    CHECK(g.Lineage(g.FindById("B")).size() <= 2);
    CHECK_FALSE(g.IsWithin(g.FindById("A"), g.FindById("A")));
  }
  SECTION("a place that is its own parent is a cycle") {
    Gazetteer g;
    REQUIRE(g.Add(MakePlace("Loop", PlaceKind::kRegion), "Loop"));
    CHECK(g.Link() == std::vector<std::string>{"Loop (containment cycle)"});
    CHECK(g.Lineage(g.FindById("Loop")).size() == 1);
  }
}

TEST_CASE("Gazetteer::AllNames and AllDemonyms are sorted and unique", "[knowledge]") {
  const Gazetteer g = SmallGazetteer();
  const std::vector<std::string> names = g.AllNames();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  CHECK(std::count(names.begin(), names.end(), "Georgia") == 1);
  for (const char* expected : {"Munich", "M\xc3\xbcnchen", "U.S.", "Ga.", "Tbilisi", "North America"}) {
    CAPTURE(expected);
    CHECK(std::count(names.begin(), names.end(), expected) == 1);
  }
  CHECK(std::count(names.begin(), names.end(), "German") == 0);  // demonyms are not names
  CHECK(g.AllDemonyms() == std::vector<std::string>{"American", "Bavarian", "Georgian", "German"});
}

TEST_CASE("The default gazetteer places cities in their countries", "[knowledge]") {
  const Gazetteer& g = RealKnowledge().places();
  struct Case {
    const char* place;
    const char* container;
  };
  const std::vector<Case> within = {
      {"Munich", "Germany"},       {"Riyadh", "Saudi Arabia"}, {"Brussels", "Belgium"},
      {"Moscow", "Russia"},        {"Alturas", "California"},  {"Alturas", "United States"},
      {"Germany", "Europe"},       {"M\xc3\xbcnchen", "Germany"}, {"Calif.", "United States"},
  };
  for (const Case& c : within) {
    CAPTURE(c.place, c.container);
    const int inner = g.Find(c.place);
    const int outer = g.Find(c.container);
    REQUIRE(inner != Gazetteer::kNone);
    REQUIRE(outer != Gazetteer::kNone);
    CHECK(g.IsWithin(inner, outer));
  }
  const std::vector<Case> not_within = {
      {"Munich", "France"}, {"Riyadh", "Russia"}, {"Brussels", "Germany"}, {"Moscow", "Idaho"},
      {"Germany", "Munich"}, {"Belgium", "Brussels"},
  };
  for (const Case& c : not_within) {
    CAPTURE(c.place, c.container);
    CHECK_FALSE(g.IsWithin(g.Find(c.place), g.Find(c.container)));
  }
  SECTION("a bare shared name means the best-known place") {
    CHECK(g.place(g.Find("Moscow")).id == "Moscow");
    CHECK(g.place(g.Find("Georgia")).kind == PlaceKind::kCountry);
    CHECK(g.FindAll("Moscow").size() >= 2);
    CHECK(g.IsWithin(g.FindById("Moscow, Idaho"), g.Find("Idaho")));
    CHECK(g.IsWithin(g.FindById("Georgia (US state)"), g.Find("United States")));
  }
  SECTION("demonyms lead to countries") {
    CHECK(g.place(g.FindByDemonym("Russian")).id == "Russia");
    CHECK(g.place(g.FindByDemonym("Saudi")).id == "Saudi Arabia");
    CHECK(g.place(g.FindByDemonym("German")).id == "Germany");
  }
}
