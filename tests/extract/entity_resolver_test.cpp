// Tests for extract/entity_resolver: finding and naming people, organisations and places.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extract/entity_resolver.h"
#include "knowledge/knowledge_base.h"
#include "pipeline/engine_impl.h"
#include "test_support.h"

namespace {

using crosscheck::extract::EntityRef;
using crosscheck::extract::EntityResolver;
using crosscheck::extract::ResolvedMention;
using crosscheck::knowledge::EntityKind;
using crosscheck::knowledge::KnowledgeBase;
using crosscheck::knowledge::Place;
using crosscheck::knowledge::PlaceKind;

// The resolver over the default knowledge, shared with the default engine.
const EntityResolver& Resolver() { return *crosscheck::testing::DefaultEngine().impl().resolver; }

struct Found {
  std::string text;       // the mention's bytes
  std::string canonical;
  std::string kind;
};

std::vector<Found> Mentions(const EntityResolver& resolver, std::string_view text) {
  std::vector<Found> out;
  for (const ResolvedMention& m : resolver.FindMentions(text)) {
    REQUIRE(m.begin < m.end);
    REQUIRE(m.end <= text.size());
    out.push_back({std::string(text.substr(m.begin, m.end - m.begin)), m.entity.canonical, m.entity.kind});
    CHECK(m.entity.mention == out.back().text);
  }
  return out;
}

std::string Describe(const std::vector<Found>& found) {
  std::string s;
  for (const Found& f : found) s += "[" + f.text + " -> " + f.canonical + " (" + f.kind + ")] ";
  return s;
}

}  // namespace

TEST_CASE("EntityResolver::Key joins words without case, dots, hyphens or a possessive", "[extract]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"J. D. Vance", "jdvance"}, {"J.D. Vance", "jdvance"}, {"JD Vance", "jdvance"},
      {"Russia's", "russia"},     {"Jean-Luc Picard", "jeanlucpicard"}, {"U.S.", "us"},
      {"  Saudi   Arabia ", "saudiarabia"}, {"", ""},
  };
  for (const auto& [words, key] : cases) {
    CAPTURE(words);
    CHECK(EntityResolver::Key(words) == key);
  }
}

TEST_CASE("EntityResolver::ResolvePerson drops titles and follows aliases", "[extract]") {
  const EntityResolver& resolver = Resolver();
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Zelensky", "Volodymyr Zelensky"},
      {"Zelenskyy", "Volodymyr Zelensky"},
      {"Volodymyr Zelensky", "Volodymyr Zelensky"},
      {"President Zelensky", "Volodymyr Zelensky"},
      {"Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelensky"},
      {"Trump", "Donald Trump"},
      {"Donald Trump", "Donald Trump"},
      {"President Trump", "Donald Trump"},
      {"President Donald Trump", "Donald Trump"},
      {"U.S. President Donald Trump", "Donald Trump"},
      {"Former President Barack Obama", "Barack Obama"},
      {"Russian President Vladimir Putin", "Vladimir Putin"},
      {"Putin", "Vladimir Putin"},
      {"Vladimir V. Putin", "Vladimir Putin"},
      {"Secretary of State Marco Rubio", "Marco Rubio"},
      {"Marco A. Rubio", "Marco Rubio"},  // a middle initial nobody listed
      {"Vice President J.D. Vance", "J.D. Vance"},
      {"JD Vance", "J.D. Vance"},
      {"J. D. Vance", "J.D. Vance"},
      {"Defense Secretary Pete Hegseth", "Pete Hegseth"},
      {"Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"},
      {"Marc Fogel", "Marc Fogel"},
  };
  for (const auto& [mention, canonical] : cases) {
    CAPTURE(mention);
    const EntityRef ref = resolver.ResolvePerson(mention);
    CHECK(ref.canonical == canonical);
    CHECK(ref.known);
    CHECK(ref.kind == "person");
    CHECK(ref.mention == mention);
  }
  SECTION("unknown people keep their name as written, without titles") {
    const std::vector<std::pair<const char*, const char*>> unknown = {
        {"Police Chief Ken Barnes", "Ken Barnes"},
        {"Ken Barnes", "Ken Barnes"},
        {"Gregory Green", "Gregory Green"},
        {"Sheriff Terrell", "Terrell"},
        {"Police Chief  Ken  Barnes", "Ken Barnes"},
    };
    for (const auto& [mention, canonical] : unknown) {
      CAPTURE(mention);
      const EntityRef ref = resolver.ResolvePerson(mention);
      CHECK(ref.canonical == canonical);
      CHECK_FALSE(ref.known);
      CHECK(ref.kind == "person");
    }
    CHECK(resolver.ResolvePerson("Police Chief  Ken  Barnes").mention == "Police Chief Ken Barnes");
  }
}

TEST_CASE("EntityResolver::FindMentions finds people, organisations and places in order", "[extract]") {
  const EntityResolver& resolver = Resolver();
  struct Case {
    const char* text;
    std::vector<Found> expected;
  };
  const std::vector<Case> cases = {
      {"Russian President Vladimir Putin invited Donald Trump to Moscow.",
       {{"Russian President Vladimir Putin", "Vladimir Putin", "person"},
        {"Donald Trump", "Donald Trump", "person"},
        {"Moscow", "Moscow", "place"}}},
      {"Zelenskyy met Vance in Munich on Friday.",
       {{"Zelenskyy", "Volodymyr Zelensky", "person"}, {"Vance", "J.D. Vance", "person"}, {"Munich", "Munich", "place"}}},
      {"Secretary of State Marco Rubio flew to Riyadh.",
       {{"Secretary of State Marco Rubio", "Marco Rubio", "person"}, {"Riyadh", "Riyadh", "place"}}},
      {"The Kremlin confirmed the call.", {{"Kremlin", "Kremlin", "organisation"}}},
      {"Kremlin spokesman Dmitry Peskov said so.",
       {{"Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "person"}}},
      {"Trump's outreach coincided with Russia's release of Marc Fogel, an American educator.",
       {{"Trump", "Donald Trump", "person"}, {"Russia", "Russia", "place"}, {"Marc Fogel", "Marc Fogel", "person"}}},
      // People nobody listed: a known given name and a surname, or a title and a name.
      {"About two years after Gregory Green was released from prison, he married.",
       {{"Gregory Green", "Gregory Green", "person"}}},
      {"Police Chief Ken Barnes said the suspect fled.", {{"Police Chief Ken Barnes", "Ken Barnes", "person"}}},
      // A place followed by its state is one place.
      {"Officials in Riyadh, Saudi Arabia agreed.", {{"Riyadh, Saudi Arabia", "Riyadh", "place"}}},
      // "Paris, Texas" when only Paris, France is known: Texas is the safe answer.
      {"She grew up in Paris, Texas.", {{"Paris, Texas", "Texas", "place"}}},
      // A lone surname running into a capitalised word names a thing, not the person.
      {"Democrats Demand Immediate Release Of Mueller Report", {{"Democrats", "Democratic Party", "organisation"}}},
      {"Nothing here names anyone at all.", {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::vector<Found> got = Mentions(resolver, c.text);
    INFO("got " << Describe(got));
    REQUIRE(got.size() == c.expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].text == c.expected[i].text);
      CHECK(got[i].canonical == c.expected[i].canonical);
      CHECK(got[i].kind == c.expected[i].kind);
    }
  }
}

TEST_CASE("EntityResolver finds a full name wrapped across a line break", "[extract]") {
  const EntityResolver& resolver = Resolver();
  const std::string text = "The call between Donald\nTrump and Vladimir Putin lasted two hours.";
  const std::vector<ResolvedMention> found = resolver.FindMentions(text);
  REQUIRE(found.size() == 2);
  // The mention covers both lines' bytes; its name is written with one space,
  // as for any other run of whitespace inside a name.
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "Donald\nTrump");
  CHECK(found[0].entity.canonical == "Donald Trump");
  CHECK(found[0].entity.kind == "person");
  CHECK(found[0].entity.known);
  CHECK(found[0].entity.mention == "Donald Trump");
  CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) == "Vladimir Putin");
  CHECK(found[1].entity.canonical == "Vladimir Putin");
}

TEST_CASE("EntityResolver does not take things named after people for people", "[extract]") {
  const EntityResolver& resolver = Resolver();
  for (const char* text : {"Democrats Demand Immediate Release Of Mueller Report", "They toured Trump Tower yesterday.",
                           "Aces trump kings in this game.", "the mueller report was released"}) {
    CAPTURE(text);
    const std::vector<Found> got = Mentions(resolver, text);
    INFO("got " << Describe(got));
    for (const Found& f : got) CHECK(f.kind != "person");
  }
  SECTION("but the surname alone, or followed by a lower-case word, is the person") {
    const std::vector<Found> got = Mentions(resolver, "Mueller said the report was done.");
    REQUIRE(got.size() == 1);
    CHECK(got[0].canonical == "Robert Mueller");
  }
}

TEST_CASE("Alturas, Calif. resolves to the city, which lies in California", "[extract]") {
  const EntityResolver& resolver = Resolver();
  const std::string text = GENERATE(std::string("Alturas, Calif."), std::string("Alturas, California"));
  CAPTURE(text);
  const std::vector<ResolvedMention> found = resolver.FindMentions(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == 0);
  // The mention covers the state's abbreviation (its final dot aside: see the report).
  CHECK(found[0].end >= text.size() - 1);
  CHECK(found[0].entity.kind == "place");
  CHECK(found[0].entity.known);
  const auto& places = resolver.knowledge().places();
  const int alturas = places.FindById(found[0].entity.canonical);
  REQUIRE(alturas != -1);
  CHECK(places.place(alturas).kind == PlaceKind::kCity);
  CHECK(places.IsWithin(alturas, places.Find("California")));
}

TEST_CASE("EntityResolver over a small knowledge base", "[extract]") {
  KnowledgeBase kb;
  kb.mutable_entities().Add({"Joe Biden", EntityKind::kPerson, {"Biden"}, ""});
  kb.mutable_entities().Add({"Hunter Biden", EntityKind::kPerson, {"Biden"}, ""});
  kb.mutable_entities().Add({"Acme Corp", EntityKind::kOrganisation, {"Acme"}, ""});
  Place springfield;
  springfield.id = springfield.name = "Springfield";
  springfield.kind = PlaceKind::kCity;
  kb.mutable_places().Add(springfield, "");
  REQUIRE(kb.mutable_places().Link().empty());
  kb.AddOffices({"Sheriff", "Secretary of State"});
  kb.AddGivenNames({"Sherie"});
  const EntityResolver resolver(kb);

  SECTION("a surname shared by two people names neither") {
    const EntityRef ref = resolver.ResolvePerson("Biden");
    CHECK_FALSE(ref.known);
    CHECK(ref.canonical == "Biden");
    CHECK(resolver.ResolvePerson("Hunter Biden").canonical == "Hunter Biden");
    CHECK(resolver.ResolvePerson("Hunter Biden").known);
    std::vector<Found> got = Mentions(resolver, "Biden spoke.");
    CHECK(got.empty());
  }
  SECTION("titles and given names find unlisted people") {
    const std::vector<Found> got =
        Mentions(resolver, "Sheriff Terrell met Sherie Lash and Secretary of State Jane Doe in Springfield.");
    INFO(Describe(got));
    REQUIRE(got.size() == 4);
    CHECK(got[0].canonical == "Terrell");
    CHECK(got[0].text == "Sheriff Terrell");
    CHECK(got[1].canonical == "Sherie Lash");
    CHECK(got[2].canonical == "Jane Doe");
    CHECK(got[2].text == "Secretary of State Jane Doe");
    CHECK(got[3].canonical == "Springfield");
    CHECK(got[3].kind == "place");
  }
  SECTION("given names are case-sensitive and need a capitalised surname") {
    CHECK(Mentions(resolver, "sherie lash arrived.").empty());
    CHECK(Mentions(resolver, "Sherie arrived.").empty());
    CHECK(Mentions(resolver, "Sherie said nothing.").empty());
  }
  SECTION("organisations are found by alias") {
    const std::vector<Found> got = Mentions(resolver, "Shares of Acme fell.");
    REQUIRE(got.size() == 1);
    CHECK(got[0].canonical == "Acme Corp");
    CHECK(got[0].kind == "organisation");
  }
}

TEST_CASE("EntityResolver recognises the bare surname of someone the document named in full", "[extract]") {
  const EntityResolver& resolver = Resolver();
  crosscheck::extract::SurnameMap surnames;
  EntityResolver::CollectSurnames(
      resolver.FindMentions("Anna Lindqvist met Erik Sandberg and Vladimir Putin in Saudi Arabia."), &surnames);
  REQUIRE(surnames.count("lindqvist") == 1);
  CHECK(surnames.at("lindqvist").canonical == "Anna Lindqvist");
  CHECK(surnames.at("sandberg").canonical == "Erik Sandberg");
  CHECK(surnames.at("putin").canonical == "Vladimir Putin");
  CHECK(surnames.count("arabia") == 0);  // only people have surnames

  SECTION("with the map, a later bare surname is that person") {
    const std::vector<ResolvedMention> found = resolver.FindMentions("Lindqvist said Sandberg agreed.", &surnames);
    REQUIRE(found.size() == 2);
    CHECK(found[0].entity.canonical == "Anna Lindqvist");
    CHECK(found[0].entity.mention == "Lindqvist");
    CHECK(found[0].entity.kind == "person");
    CHECK(found[1].entity.canonical == "Erik Sandberg");
    CHECK(found[1].entity.mention == "Sandberg");
  }
  SECTION("without the map, or in lower case, it is nobody") {
    CHECK(resolver.FindMentions("Lindqvist said Sandberg agreed.").empty());
    CHECK(resolver.FindMentions("lindqvist said so.", &surnames).empty());
  }
  SECTION("a surname two people of the document share names neither") {
    EntityResolver::CollectSurnames(resolver.FindMentions("Erik Lindqvist disagreed."), &surnames);
    CHECK(surnames.at("lindqvist").canonical.empty());
    CHECK(resolver.FindMentions("Lindqvist said so.", &surnames).empty());
    // Naming the same person again does not make the surname ambiguous.
    EntityResolver::CollectSurnames(resolver.FindMentions("Erik Sandberg left."), &surnames);
    CHECK(surnames.at("sandberg").canonical == "Erik Sandberg");
  }
  SECTION("places and organisations win over a surname") {
    crosscheck::extract::SurnameMap more;
    EntityResolver::CollectSurnames(resolver.FindMentions("Sherie Paris spoke."), &more);
    REQUIRE(more.count("paris") == 1);
    const std::vector<ResolvedMention> found = resolver.FindMentions("Paris agreed.", &more);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entity.kind == "place");
    CHECK(found[0].entity.canonical == "Paris");
  }
}

TEST_CASE("EntityResolver keeps a name suffix (Jr., III) in the name and out of the surname", "[extract]") {
  const EntityResolver& resolver = Resolver();
  SECTION("after a given name and surname, and after a title") {
    const std::vector<ResolvedMention> found =
        resolver.FindMentions("Martin Luther King Jr. spoke. Police Chief Ken Barnes III said so.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].entity.canonical.rfind("Martin Luther King Jr", 0) == 0);
    CHECK(found[1].entity.canonical.rfind("Ken Barnes III", 0) == 0);
  }
  SECTION("the surname a later sentence uses is the one before the suffix") {
    crosscheck::extract::SurnameMap surnames;
    EntityResolver::CollectSurnames(resolver.FindMentions("Police Chief Ken Barnes Jr. spoke."), &surnames);
    CHECK(surnames.count("jr") == 0);
    REQUIRE(surnames.count("barnes") == 1);
    const std::vector<ResolvedMention> found = resolver.FindMentions("Jr. officers and Barnes agreed.", &surnames);
    REQUIRE(found.size() == 1);
    CHECK(found[0].entity.mention == "Barnes");
  }
}
