// Tests for titles before names: the resolver reads a title as an office, the
// tagger marks it apart from the name, and patterns match the two separately.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "check/value_comparator.h"
#include "extract/entity_resolver.h"
#include "extract/extractor.h"
#include "extract/mention_tagger.h"
#include "extract/template_set.h"
#include "pipeline/engine_impl.h"
#include "test_support.h"

namespace {

using crosscheck::Claim;
using crosscheck::Document;
using crosscheck::DocumentSource;
using crosscheck::Value;
using crosscheck::check::Relation;
using crosscheck::check::ValueComparator;
using crosscheck::extract::EntityResolver;
using crosscheck::extract::Extraction;
using crosscheck::extract::ExtractOptions;
using crosscheck::extract::Extractor;
using crosscheck::extract::kMarkBegin;
using crosscheck::extract::kMarkEnd;
using crosscheck::extract::kPersonMark;
using crosscheck::extract::kTitleMark;
using crosscheck::extract::MarkedActorRegex;
using crosscheck::extract::MarkedPersonRegex;
using crosscheck::extract::MarkedTitleRegex;
using crosscheck::extract::MentionTagger;
using crosscheck::extract::ResolvedMention;
using crosscheck::extract::StripMarks;
using crosscheck::extract::TaggedSentence;
using crosscheck::extract::TemplateSet;
using crosscheck::extract::Title;
using crosscheck::testing::DefaultEngine;

const EntityResolver& Resolver() { return *DefaultEngine().impl().resolver; }

std::string Person(const std::string& s) { return std::string{kMarkBegin, kPersonMark} + s + kMarkEnd; }
std::string TitleMark(const std::string& s) { return std::string{kMarkBegin, kTitleMark} + s + kMarkEnd; }

// A template taking a title before or after one person; `role_max` "" leaves the role unbounded.
std::string TitleTemplate(const std::string& patterns, const std::string& role_max = "max = 1") {
  return "id = \"title\"\ndescription = \"A title.\"\nsubject = \"person\"\nvalue = \"title\"\ndated = false\n"
         "patterns = [" + patterns + "]\n[roles.holder]\ntype = \"person\"\nmin = 1\n" + role_max + "\n";
}

std::unique_ptr<TemplateSet> Compile(const std::string& toml) {
  auto loaded = TemplateSet::FromTexts({{"t/title.toml", toml}}, Resolver(), nullptr);
  if (!loaded.ok()) throw std::runtime_error("test template failed to compile: " + loaded.status().message());
  return std::move(loaded).value();
}

std::vector<Claim> ExtractWith(const TemplateSet& set, const std::string& text, const std::string& published = "") {
  const Extractor extractor(set);
  const Document doc = DefaultEngine().Prepare(text, DocumentSource{"doc.txt", "outlet", "", published}, false);
  return extractor.Extract(doc, ExtractOptions{}).claims;
}

// "value<-holder" for each claim.
std::vector<std::string> Describe(const std::vector<Claim>& claims) {
  std::vector<std::string> out;
  for (const Claim& c : claims) {
    std::string holders;
    for (const auto& r : c.roles) holders += (holders.empty() ? "" : "+") + r.entity;
    out.push_back(c.value.display + "<-" + holders);
  }
  return out;
}

Value TitleValue(const std::string& text) {
  std::string why;
  const auto title = Resolver().ParseTitle(text, &why);
  INFO(text << ": " << why);
  REQUIRE(title.has_value());
  Value v;
  v.kind = crosscheck::ValueKind::kCategory;
  v.type = "title";
  v.id = title->Id();
  v.display = v.id;
  v.text = text;
  return v;
}

}  // namespace

TEST_CASE("EntityResolver::ParseTitle reads a title as an office", "[extract][titles]") {
  struct Case {
    const char* text;
    const char* id;
    const char* qualifier;
  };
  const std::vector<Case> cases = {
      {"President", "President", ""},
      {"Former President", "former President", ""},
      {"former U.S. President", "former President", "U.S."},
      {"Russian President", "President", "Russian"},
      {"U.S. President", "President", "U.S."},
      {"the president", "President", ""},
      // One office under its several names.
      {"Defense Secretary", "Secretary of Defense", ""},
      {"defense secretary", "Secretary of Defense", ""},
      {"Secretary of Defense", "Secretary of Defense", ""},
      {"War Secretary", "Secretary of Defense", ""},
      {"Secretary of State", "Secretary of State", ""},
      {"Vice President", "Vice President", ""},
      {"Sgt.", "Sergeant", ""},
      {"Lt. Gov.", "Lieutenant Governor", ""},
      // Office modifiers are part of the office; others only qualify it.
      {"Acting Police Chief", "Acting Police Chief", ""},
      {"Kremlin spokesman", "Spokesperson", "Kremlin"},
      {"Ukrainian President", "President", "Ukrainian"},
      // Of two offices, the one next to the name.
      {"police spokesman Officer", "Officer", "police"},
      // A word both an office and an office modifier modifies the office after it.
      {"Deputy Sheriff", "Sheriff's Deputy", ""},
      {"Deputy", "Deputy", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::string why;
    const auto title = Resolver().ParseTitle(c.text, &why);
    INFO(why);
    REQUIRE(title.has_value());
    CHECK(title->Id() == c.id);
    CHECK(title->qualifier == c.qualifier);
    CHECK_FALSE(title->honorific);
  }
  SECTION("an honorific is no office") {
    std::string why;
    const auto mr = Resolver().ParseTitle("Mr.", &why);
    REQUIRE(mr.has_value());
    CHECK(mr->honorific);
    CHECK(mr->office.empty());
  }
  SECTION("words that are no part of a title") {
    std::string why;
    CHECK_FALSE(Resolver().ParseTitle("President of the golf club", &why).has_value());
    CHECK(why.find("'of'") != std::string::npos);
    CHECK_FALSE(Resolver().ParseTitle("", &why).has_value());
    CHECK_FALSE(Resolver().ParseTitle("Russian", &why).has_value());
  }
}

TEST_CASE("EntityResolver records where a titled person's name starts", "[extract][titles]") {
  const std::string text = "Defense Secretary Pete Hegseth met Putin.";
  const std::vector<ResolvedMention> found = Resolver().FindMentions(text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].HasTitle());
  CHECK(text.substr(found[0].begin, found[0].name_begin - found[0].begin) == "Defense Secretary ");
  CHECK(text.substr(found[0].name_begin, found[0].end - found[0].name_begin) == "Pete Hegseth");
  CHECK(found[0].entity.canonical == "Pete Hegseth");
  CHECK(found[0].entity.mention == "Defense Secretary Pete Hegseth");  // titles included, as written
  CHECK_FALSE(found[1].HasTitle());
}

TEST_CASE("MentionTagger marks a person's title apart from the name", "[extract][titles]") {
  const MentionTagger tagger(Resolver());
  const std::string sentence = "Former President Donald Trump called Putin.";
  const TaggedSentence tagged = tagger.Tag(sentence);
  CHECK(tagged.marked == TitleMark("Former President") + " " + Person("Donald Trump") + " called " + Person("Putin") + ".");
  CHECK(StripMarks(tagged.marked) == sentence);
  REQUIRE(tagged.mentions.size() == 2);
  const auto& trump = tagged.mentions[0];
  CHECK(sentence.substr(trump.text.begin, trump.text.size()) == "Donald Trump");
  CHECK(sentence.substr(trump.title.begin, trump.title.size()) == "Former President");
  CHECK(tagged.map.ToRaw(trump.marked) == trump.text);
  CHECK(tagged.map.ToRaw(trump.title_marked) == trump.title);
  CHECK(tagged.mentions[1].title.empty());
  SECTION("a person slot takes the title along; a title slot takes only the title") {
    const RE2 person(MarkedPersonRegex());
    const RE2 actor(MarkedActorRegex());
    const RE2 title(MarkedTitleRegex());
    const std::string titled = TitleMark("Former President") + " " + Person("Donald Trump");
    CHECK(RE2::FullMatch(titled, person));
    CHECK(RE2::FullMatch(titled, actor));
    CHECK(RE2::FullMatch(Person("Donald Trump"), person));
    CHECK(RE2::FullMatch(TitleMark("Former President"), title));
    CHECK_FALSE(RE2::FullMatch(TitleMark("Former President"), person));
    CHECK_FALSE(RE2::FullMatch(titled, title));
  }
}

TEST_CASE("A pattern matches a title and the person after it separately", "[extract][titles]") {
  const auto set = Compile(TitleTemplate(R"("{value} {holder}", "{holder} , (the|a) {value} ,")"));
  struct Case {
    const char* text;
    std::vector<std::string> claims;
  };
  const std::vector<Case> cases = {
      {"Defense Secretary Pete Hegseth spoke in Brussels.", {"Secretary of Defense<-Pete Hegseth"}},
      {"Former President Donald Trump spoke.", {"former President<-Donald Trump"}},
      {"Russian President Vladimir Putin spoke.", {"President<-Vladimir Putin"}},
      {"Hegseth, the defense secretary, spoke.", {"Secretary of Defense<-Pete Hegseth"}},
      // One title per person in a list (max = 1 matches one person, not "Vance and Rubio").
      {"Vice President J.D. Vance and Secretary of State Marco Rubio flew.",
       {"Vice President<-J.D. Vance", "Secretary of State<-Marco Rubio"}},
      // An honorific names no office; no title, no claim.
      {"Mr. Trump spoke with Putin.", {}},
      {"Trump spoke with Putin.", {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Describe(ExtractWith(*set, c.text)) == c.claims);
  }
  SECTION("a person slot still takes a titled person whole") {
    const auto calls = Compile(
        "id = \"visit\"\ndescription = \"A visit.\"\nsubject = \"visit\"\nvalue = \"event\"\n"
        "patterns = [\"{who:person} visited\"]\n[roles.who]\ntype = \"person\"\nmin = 1\n");
    const std::vector<Claim> claims = ExtractWith(*calls, "Defense Secretary Pete Hegseth visited Kyiv.");
    REQUIRE(claims.size() == 1);
    REQUIRE(claims[0].roles.size() == 1);
    CHECK(claims[0].roles[0].entity == "Pete Hegseth");
    CHECK(claims[0].roles[0].mention == "Defense Secretary Pete Hegseth");
  }
  SECTION("dated = false: a date in the sentence does not date a title") {
    const std::vector<Claim> claims = ExtractWith(*set, "Defense Secretary Pete Hegseth spoke on Tuesday.", "2025-02-13");
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].time.empty());
  }
}

TEST_CASE("Role max = 1 makes a slot match one entity, not a list", "[extract][titles]") {
  // Without max, "{holder}" takes "Vance and Secretary of State Marco Rubio" as a list of two.
  const auto unbounded = Compile(TitleTemplate(R"("{value} {holder} flew")", ""));
  CHECK(Describe(ExtractWith(*unbounded, "Vice President J.D. Vance and Secretary of State Marco Rubio flew.")) ==
        std::vector<std::string>{"Vice President<-J.D. Vance+Marco Rubio"});
  const auto single = Compile(TitleTemplate(R"("{value} {holder} flew")"));
  CHECK(Describe(ExtractWith(*single, "Vice President J.D. Vance and Secretary of State Marco Rubio flew.")) ==
        std::vector<std::string>{"Secretary of State<-Marco Rubio"});
}

TEST_CASE("A title slot anchors a pattern as a literal word would", "[extract][titles]") {
  // "{value} {holder}" has no literal word, yet compiles: the title's words identify the claim.
  CHECK_NOTHROW(Compile(TitleTemplate(R"("{value} {holder}")")));
  // A person slot alone does not.
  auto loaded = TemplateSet::FromTexts({{"t/title.toml", TitleTemplate(R"("{holder} {value:place}")")}}, Resolver(), nullptr);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().message().find("no literal word") != std::string::npos);
}

TEST_CASE("Titles compare by office: aliases agree, a former holder differs from the incumbent", "[check][titles]") {
  crosscheck::knowledge::Gazetteer places;
  ValueComparator comparator(places);
  comparator.SetOfficeModifiers(Resolver().knowledge().office_modifiers());
  CHECK(comparator.Compare(TitleValue("Defense Secretary"), TitleValue("Secretary of Defense")).relation == Relation::kSame);
  CHECK(comparator.Compare(TitleValue("U.S. President"), TitleValue("President")).relation == Relation::kSame);
  CHECK(comparator.Compare(TitleValue("Russian President"), TitleValue("President")).relation == Relation::kSame);
  const auto former = comparator.Compare(TitleValue("Former President"), TitleValue("President"));
  CHECK(former.relation == Relation::kDisjoint);
  CHECK(former.reason == "former President (no longer in office) and President (in office) differ");
  CHECK(comparator.Compare(TitleValue("President"), TitleValue("Former President")).reason ==
        "President (in office) and former President (no longer in office) differ");
  CHECK(comparator.Compare(TitleValue("Vice President"), TitleValue("President")).relation == Relation::kDisjoint);
}

TEST_CASE("A more precise title is compatible with a plainer one, unless it names another office", "[check][titles]") {
  crosscheck::knowledge::Gazetteer places;
  ValueComparator comparator(places);
  comparator.SetOfficeModifiers(Resolver().knowledge().office_modifiers());
  const auto precise = comparator.Compare(TitleValue("Police Chief"), TitleValue("Chief"));
  CHECK(precise.relation == Relation::kWithin);
  CHECK(precise.reason == "Police Chief is a more precise title than Chief");
  CHECK(comparator.Compare(TitleValue("Officer"), TitleValue("Police Officer")).relation == Relation::kContains);
  CHECK(comparator.Compare(TitleValue("former Police Chief"), TitleValue("former Chief")).relation == Relation::kWithin);
  // What an office modifier adds makes another office; so does "former".
  CHECK(comparator.Compare(TitleValue("Deputy Chief"), TitleValue("Chief")).relation == Relation::kDisjoint);
  CHECK(comparator.Compare(TitleValue("Acting Police Chief"), TitleValue("Police Chief")).relation == Relation::kDisjoint);
  CHECK(comparator.Compare(TitleValue("former Police Chief"), TitleValue("Chief")).relation == Relation::kDisjoint);
  CHECK(comparator.Compare(TitleValue("Sheriff"), TitleValue("Chief")).relation == Relation::kDisjoint);
  CHECK(comparator.Compare(TitleValue("Secretary of the Interior"), TitleValue("Secretary")).relation == Relation::kWithin);
  CHECK(comparator.Compare(TitleValue("Secretary"), TitleValue("Secretary of State")).relation == Relation::kContains);
  CHECK(comparator.Compare(TitleValue("Sheriff's Deputy"), TitleValue("Deputy")).relation == Relation::kWithin);
}

TEST_CASE("A title before a word that names a thing makes no person", "[extract][titles]") {
  const auto people = [](std::string_view text) {
    std::vector<std::string> out;
    for (const ResolvedMention& m : Resolver().FindMentions(text)) {
      if (m.entity.kind == "person") out.push_back(std::string(text.substr(m.begin, m.end - m.begin)));
    }
    return out;
  };
  CHECK(people("The Justice Department said Officer Smith was hurt.") == std::vector<std::string>{"Officer Smith"});
  CHECK(people("They lived on Cardinal Drive.").empty());
  CHECK(people("Sheriff Court said so.").empty());
  CHECK(people("Sheriff Terrell said so.") == std::vector<std::string>{"Sheriff Terrell"});
}
