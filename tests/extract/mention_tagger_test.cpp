// Tests for extract/mention_tagger: entity markers around mentions, and the map back.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/mention_tagger.h"
#include "pipeline/engine_impl.h"
#include "test_support.h"

namespace {

using crosscheck::ByteRange;
using crosscheck::extract::kMarkBegin;
using crosscheck::extract::kMarkEnd;
using crosscheck::extract::kOrganisationMark;
using crosscheck::extract::kPersonMark;
using crosscheck::extract::kPlaceMark;
using crosscheck::extract::MarkedActorRegex;
using crosscheck::extract::MarkedOrganisationRegex;
using crosscheck::extract::MarkedPersonRegex;
using crosscheck::extract::MarkedPlaceRegex;
using crosscheck::extract::Mention;
using crosscheck::extract::MentionTagger;
using crosscheck::extract::StripMarks;
using crosscheck::extract::TaggedSentence;

const MentionTagger& Tagger() {
  static const MentionTagger tagger(*crosscheck::testing::DefaultEngine().impl().resolver);
  return tagger;
}

std::string Person(const std::string& s) { return std::string{kMarkBegin, kPersonMark} + s + kMarkEnd; }
std::string Org(const std::string& s) { return std::string{kMarkBegin, kOrganisationMark} + s + kMarkEnd; }
std::string PlaceMark(const std::string& s) { return std::string{kMarkBegin, kPlaceMark} + s + kMarkEnd; }
std::string TitleMark(const std::string& s) {
  return std::string{kMarkBegin, crosscheck::extract::kTitleMark} + s + kMarkEnd;
}

}  // namespace

TEST_CASE("MentionTagger wraps each mention in markers of its kind", "[extract]") {
  struct Case {
    std::string sentence;
    std::string marked;
  };
  const std::vector<Case> cases = {
      {"Putin invited Trump to Moscow.", Person("Putin") + " invited " + Person("Trump") + " to " + PlaceMark("Moscow") + "."},
      {"The Kremlin confirmed the call.", "The " + Org("Kremlin") + " confirmed the call."},
      // A title is marked on its own, just before the name.
      {"Russian President Vladimir Putin spoke.", TitleMark("Russian President") + " " + Person("Vladimir Putin") + " spoke."},
      {"Vance flew to Riyadh, Saudi Arabia on Friday.",
       Person("Vance") + " flew to " + PlaceMark("Riyadh, Saudi Arabia") + " on Friday."},
      {"Russia's release of Marc Fogel", PlaceMark("Russia") + "'s release of " + Person("Marc Fogel")},
      {"Nothing to mark here.", "Nothing to mark here."},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    const TaggedSentence tagged = Tagger().Tag(c.sentence);
    CHECK(tagged.marked == c.marked);
    CHECK(StripMarks(tagged.marked) == c.sentence);
  }
}

TEST_CASE("MentionTagger records each mention's range in the sentence and in the marked text", "[extract]") {
  const std::string sentence = "Putin invited Trump to Moscow.";
  const TaggedSentence tagged = Tagger().Tag(sentence);
  REQUIRE(tagged.mentions.size() == 3);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Putin", "Vladimir Putin"}, {"Trump", "Donald Trump"}, {"Moscow", "Moscow"}};
  const std::vector<std::string> kinds = {"person", "person", "place"};
  for (size_t i = 0; i < tagged.mentions.size(); ++i) {
    const Mention& m = tagged.mentions[i];
    CAPTURE(i);
    CHECK(sentence.substr(m.text.begin, m.text.size()) == expected[i].first);
    CHECK(m.entity.canonical == expected[i].second);
    CHECK(m.entity.kind == kinds[i]);
    const std::string marked = tagged.marked.substr(m.marked.begin, m.marked.size());
    CHECK(marked.front() == kMarkBegin);
    CHECK(marked.back() == kMarkEnd);
    CHECK(StripMarks(marked) == expected[i].first);
    // The map leads from the marked range, markers included, back to the sentence's bytes.
    CHECK(tagged.map.ToRaw(m.marked) == m.text);
  }
  SECTION("plain words map one to one") {
    const size_t invited = tagged.marked.find("invited");
    REQUIRE(invited != std::string::npos);
    const ByteRange raw = tagged.map.ToRaw({static_cast<uint32_t>(invited), static_cast<uint32_t>(invited + 7)});
    CHECK(sentence.substr(raw.begin, raw.size()) == "invited");
    // The whole marked text maps to the whole sentence.
    CHECK(tagged.map.ToRaw({0, static_cast<uint32_t>(tagged.marked.size())}) ==
          ByteRange{0, static_cast<uint32_t>(sentence.size())});
  }
}

TEST_CASE("TaggedSentence::MentionsIn lists the mentions inside a marked range", "[extract]") {
  const TaggedSentence tagged = Tagger().Tag("Putin invited Trump to Moscow.");
  REQUIRE(tagged.mentions.size() == 3);
  const ByteRange all{0, static_cast<uint32_t>(tagged.marked.size())};
  CHECK(tagged.MentionsIn(all).size() == 3);
  const ByteRange second = tagged.mentions[1].marked;
  const auto only = tagged.MentionsIn(second);
  REQUIRE(only.size() == 1);
  CHECK(only[0]->entity.canonical == "Donald Trump");
  // A range cutting a mention in half does not contain it.
  CHECK(tagged.MentionsIn({second.begin + 1, all.end}).size() == 1);
  CHECK(tagged.MentionsIn({0, second.end - 1}).size() == 1);
  CHECK(tagged.MentionsIn({0, 0}).empty());
}

TEST_CASE("Marked mention regexes match one mention of their kind", "[extract]") {
  const std::string person = Person("Donald Trump");
  const std::string org = Org("Kremlin");
  const std::string place = PlaceMark("Moscow");
  struct Case {
    std::string regex;
    bool person, org, place;
  };
  const std::vector<Case> cases = {
      {MarkedPersonRegex(), true, false, false},
      {MarkedOrganisationRegex(), false, true, false},
      {MarkedPlaceRegex(), false, false, true},
      {MarkedActorRegex(), true, true, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.regex);
    RE2 re(c.regex);
    REQUIRE(re.ok());
    CHECK(re.NumberOfCapturingGroups() == 0);
    CHECK(RE2::FullMatch(person, re) == c.person);
    CHECK(RE2::FullMatch(org, re) == c.org);
    CHECK(RE2::FullMatch(place, re) == c.place);
    // Never two mentions at once, never bare words.
    CHECK_FALSE(RE2::FullMatch(person + " and " + person, re));
    CHECK_FALSE(RE2::FullMatch("Donald Trump", re));
  }
}

TEST_CASE("StripMarks removes markers and their kind bytes only", "[extract]") {
  CHECK(StripMarks(Person("Putin") + " met " + PlaceMark("Riyadh")) == "Putin met Riyadh");
  CHECK(StripMarks("no markers") == "no markers");
  CHECK(StripMarks("") == "");
  CHECK(StripMarks(Org("")) == "");
}
