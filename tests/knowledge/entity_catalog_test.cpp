// Tests for knowledge/entity_catalog: people and organisations with aliases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "knowledge/entity_catalog.h"
#include "knowledge/knowledge_base.h"
#include "test_support.h"

namespace {

using crosscheck::knowledge::Entity;
using crosscheck::knowledge::EntityCatalog;
using crosscheck::knowledge::EntityKind;
using crosscheck::knowledge::KnowledgeBase;

Entity Person(std::string name, std::vector<std::string> aliases = {}, std::string country = "") {
  return {std::move(name), EntityKind::kPerson, std::move(aliases), std::move(country)};
}
Entity Organisation(std::string name, std::vector<std::string> aliases = {}, std::string country = "") {
  return {std::move(name), EntityKind::kOrganisation, std::move(aliases), std::move(country)};
}

const KnowledgeBase& RealKnowledge() {
  static const KnowledgeBase kb = [] {
    auto loaded = KnowledgeBase::Load({crosscheck::testing::SourceDir() / "knowledge"});
    if (!loaded.ok()) throw std::runtime_error("default knowledge failed to load: " + loaded.status().message());
    return std::move(loaded).value();
  }();
  return kb;
}

std::string NameOf(const EntityCatalog& c, int index) {
  return index == EntityCatalog::kNone ? "<none>" : c.entity(index).name;
}

}  // namespace

TEST_CASE("EntityCatalog::Key drops case, dots, spaces and hyphens", "[knowledge]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"J.D. Vance", "jdvance"},
      {"JD Vance", "jdvance"},
      {"J. D. Vance", "jdvance"},
      {"j.d.-vance", "jdvance"},
      {"Jean-Luc Picard", "jeanlucpicard"},
      {"U.S.", "us"},
      {"Zelenskyy", "zelenskyy"},
      {"Donald\nTrump", "donaldtrump"},
      {"", ""},
      // Other punctuation is part of the key: an apostrophe is not dropped.
      {"O'Brien", "o'brien"},
  };
  for (const auto& [name, key] : cases) {
    CAPTURE(name);
    CHECK(EntityCatalog::Key(name) == key);
  }
}

TEST_CASE("EntityCatalog finds entities by name or alias, ignoring case, dots, spaces and hyphens", "[knowledge]") {
  EntityCatalog c;
  const int vance = c.Add(Person("J.D. Vance", {"Vance", "James David Vance"}, "United States"));
  const int nato = c.Add(Organisation("NATO", {"North Atlantic Treaty Organization"}));
  CHECK(vance == 0);
  CHECK(nato == 1);
  CHECK(c.size() == 2);
  const std::vector<std::pair<std::string, int>> cases = {
      {"J.D. Vance", vance}, {"JD Vance", vance},   {"j. d. vance", vance}, {"J.D.-Vance", vance},
      {"VANCE", vance},      {"James David Vance", vance}, {"nato", nato},  {"N.A.T.O.", nato},
      {"north atlantic treaty organization", nato},
  };
  for (const auto& [name, index] : cases) {
    CAPTURE(name);
    CHECK(c.Find(name) == index);
  }
  SECTION("names that are not listed are unknown") {
    for (const char* bad : {"", "James Vance", "Vanc", "J.D. Vance Jr.", "OTAN"}) {
      CAPTURE(bad);
      CHECK(c.Find(bad) == EntityCatalog::kNone);
    }
  }
  SECTION("a kind-restricted lookup only finds that kind") {
    CHECK(c.Find("Vance", EntityKind::kPerson) == vance);
    CHECK(c.Find("Vance", EntityKind::kOrganisation) == EntityCatalog::kNone);
    CHECK(c.Find("NATO", EntityKind::kOrganisation) == nato);
    CHECK(c.Find("NATO", EntityKind::kPerson) == EntityCatalog::kNone);
  }
  CHECK(c.entity(vance).country == "United States");
  CHECK(c.entity(vance).kind == EntityKind::kPerson);
}

TEST_CASE("EntityCatalog::Add merges an entity of the same name and kind", "[knowledge]") {
  EntityCatalog c;
  const int first = c.Add(Person("Marco Rubio", {"Rubio"}));
  const int again = c.Add(Person("Marco Rubio", {"Rubio", "Marco Antonio Rubio"}, "United States"));
  CHECK(again == first);
  CHECK(c.size() == 1);
  CHECK(c.entity(first).aliases == std::vector<std::string>{"Rubio", "Marco Antonio Rubio"});
  CHECK(c.entity(first).country == "United States");
  CHECK(c.Find("Marco Antonio Rubio") == first);
  CHECK(c.Find("rubio") == first);

  SECTION("a later country does not replace an earlier one") {
    c.Add(Person("Marco Rubio", {}, "Cuba"));
    CHECK(c.entity(first).country == "United States");
  }
  SECTION("the same name with another kind is another entity") {
    const int org = c.Add(Organisation("Marco Rubio", {}));
    CHECK(org != first);
    CHECK(c.size() == 2);
    // The bare name now names two entities: neither is guessed.
    CHECK(c.Find("Marco Rubio") == EntityCatalog::kNone);
    CHECK(c.Find("Marco Rubio", EntityKind::kPerson) == first);
    CHECK(c.Find("Marco Rubio", EntityKind::kOrganisation) == org);
    // An alias only the person has still finds the person.
    CHECK(c.Find("Rubio") == first);
  }
}

TEST_CASE("EntityCatalog::Add: merging an alias with an already-indexed key keeps the name findable", "[knowledge]") {
  SECTION("J.D. Vance added twice with aliases of the same key") {
    EntityCatalog c;
    const int vance = c.Add(Person("J.D. Vance", {"JD Vance"}));
    CHECK(c.Add(Person("J.D. Vance", {"J. D. Vance"})) == vance);
    CHECK(c.size() == 1);
    // "J. D. Vance" shares its key with the name and the first alias: still one entity.
    for (const char* name : {"JD Vance", "J.D. Vance", "J. D. Vance", "jd vance"}) {
      CAPTURE(name);
      CHECK(c.Find(name) == vance);
      CHECK(c.Find(name, EntityKind::kPerson) == vance);
    }
  }
  SECTION("Donald Trump added twice with aliases differing only in case") {
    EntityCatalog c;
    const int trump = c.Add(Person("Donald Trump", {"Trump"}));
    CHECK(c.Add(Person("Donald Trump", {"TRUMP"})) == trump);
    CHECK(c.size() == 1);
    for (const char* name : {"Trump", "TRUMP", "trump", "Donald Trump"}) {
      CAPTURE(name);
      CHECK(c.Find(name) == trump);
      CHECK(c.Find(name, EntityKind::kPerson) == trump);
    }
  }
}

TEST_CASE("EntityCatalog refuses to guess a name shared by two entities", "[knowledge]") {
  EntityCatalog c;
  const int joe = c.Add(Person("Joe Biden", {"Biden"}));
  const int hunter = c.Add(Person("Hunter Biden", {"Biden"}));
  CHECK(c.Find("Biden") == EntityCatalog::kNone);
  CHECK(c.Find("Biden", EntityKind::kPerson) == EntityCatalog::kNone);
  CHECK(c.Find("Joe Biden") == joe);
  CHECK(c.Find("Hunter Biden") == hunter);
  SECTION("aliases that differ only in spelling share a key") {
    EntityCatalog d;
    d.Add(Person("Volodymyr Zelensky", {"Zelensky"}));
    d.Add(Person("Olena Zelenska", {"ZELENSKY"}));
    CHECK(d.Find("zelensky") == EntityCatalog::kNone);
  }
}

TEST_CASE("EntityCatalog::AllNames lists one kind's names and aliases, sorted and unique", "[knowledge]") {
  EntityCatalog c;
  c.Add(Person("Donald Trump", {"Trump", "President Trump"}));
  c.Add(Person("Melania Trump", {"Melania"}));
  c.Add(Organisation("Trump Organization", {"Trump Org"}));
  c.Add(Person("Donald Trump", {"Trump"}));  // merged, nothing new
  CHECK(c.AllNames(EntityKind::kPerson) ==
        std::vector<std::string>{"Donald Trump", "Melania", "Melania Trump", "President Trump", "Trump"});
  CHECK(c.AllNames(EntityKind::kOrganisation) == std::vector<std::string>{"Trump Org", "Trump Organization"});
  CHECK(EntityCatalog().AllNames(EntityKind::kPerson).empty());
}

TEST_CASE("The default catalog joins the names of one person", "[knowledge]") {
  const EntityCatalog& c = RealKnowledge().entities();
  const std::vector<std::pair<std::vector<std::string>, std::string>> groups = {
      {{"Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy", "President Zelensky"},
       "Volodymyr Zelensky"},
      {{"Trump", "Donald Trump", "President Trump", "Donald J. Trump"}, "Donald Trump"},
      {{"Putin", "Vladimir Putin", "Vladimir V. Putin", "President Putin"}, "Vladimir Putin"},
      {{"Vance", "J.D. Vance", "JD Vance", "J. D. Vance"}, "J.D. Vance"},
      {{"Rubio", "Marco Rubio"}, "Marco Rubio"},
      {{"Fogel", "Marc Fogel", "Mark Fogel"}, "Marc Fogel"},
      {{"Peskov", "Dmitry Peskov", "Dmitri Peskov"}, "Dmitry Peskov"},
  };
  for (const auto& [names, canonical] : groups) {
    for (const std::string& name : names) {
      CAPTURE(name);
      const int index = c.Find(name, EntityKind::kPerson);
      CHECK(NameOf(c, index) == canonical);
      CHECK(c.Find(name) == index);
    }
  }
  SECTION("organisations") {
    CHECK(NameOf(c, c.Find("Kremlin", EntityKind::kOrganisation)) == "Kremlin");
    CHECK(NameOf(c, c.Find("Moscow Kremlin")) == "Kremlin");
    CHECK(NameOf(c, c.Find("White House", EntityKind::kOrganisation)) == "White House");
    CHECK(c.entity(c.Find("Kremlin")).kind == EntityKind::kOrganisation);
  }
  SECTION("titles are not aliases unless listed") {
    CHECK(c.Find("Russian President Vladimir Putin") == EntityCatalog::kNone);
    CHECK(c.Find("Mueller Report") == EntityCatalog::kNone);
  }
}
