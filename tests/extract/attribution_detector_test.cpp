// Tests for extract/attribution_detector: who an article says made a statement.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/attribution_detector.h"
#include "extract/mention_tagger.h"
#include "pipeline/engine_impl.h"
#include "test_support.h"

namespace {

using crosscheck::extract::AttributionDetector;
using crosscheck::extract::MentionTagger;
using crosscheck::extract::TaggedSentence;

const MentionTagger& Tagger() {
  static const MentionTagger tagger(*crosscheck::testing::DefaultEngine().impl().resolver);
  return tagger;
}

const AttributionDetector& Detector() {
  static const AttributionDetector detector;
  return detector;
}

// The attribution of the claim `claim` (plain words, found in the marked text) in `sentence`.
std::string Attribution(const std::string& sentence, const std::string& claim) {
  const TaggedSentence tagged = Tagger().Tag(sentence);
  const size_t begin = tagged.marked.find(claim);
  REQUIRE(begin != std::string::npos);
  return Detector().Find(tagged, begin, begin + claim.size());
}

}  // namespace

TEST_CASE("AttributionDetector names the source of a statement", "[extract]") {
  struct Case {
    const char* sentence;
    const char* claim;
    const char* source;
  };
  const std::vector<Case> cases = {
      // "SOURCE said (that) <claim>"
      {"The Kremlin confirmed that the call lasted two hours.", "the call lasted", "Kremlin"},
      {"The Kremlin said the call lasted two hours.", "the call lasted", "Kremlin"},
      {"Putin said the call lasted two hours.", "the call lasted", "Vladimir Putin"},
      {"Russian President Vladimir Putin later said the call lasted two hours.", "the call lasted", "Vladimir Putin"},
      {"Kremlin spokesman Dmitry Peskov told reporters the call lasted two hours.", "the call lasted",
       "Dmitry Peskov"},
      {"On Wednesday, the Kremlin announced that the call lasted two hours.", "the call lasted", "Kremlin"},
      {"But Trump insisted the call lasted two hours.", "the call lasted", "Donald Trump"},
      {"Two senior officials said the call lasted two hours.", "the call lasted", "Two senior officials"},
      {"The police said the suspect fled.", "the suspect fled", "the police"},
      // "according to SOURCE"
      {"According to the Kremlin, the call lasted two hours.", "the call lasted", "Kremlin"},
      {"The call lasted nearly two hours, according to the Kremlin.", "The call lasted", "Kremlin"},
      {"The call lasted two hours, according to two senior officials.", "The call lasted", "two senior officials"},
      {"The suspect fled, according to police.", "The suspect fled", "police"},
      // "<claim>, SOURCE said."
      {"The call lasted two hours, Peskov said.", "The call lasted", "Dmitry Peskov"},
      {"The call lasted two hours, the Kremlin said.", "The call lasted", "Kremlin"},
      {"The call lasted two hours, a senior official said on Wednesday.", "The call lasted", "a senior official"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    CHECK(Attribution(c.sentence, c.claim) == c.source);
  }
}

TEST_CASE("AttributionDetector attributes nothing without a source", "[extract]") {
  struct Case {
    const char* sentence;
    const char* claim;
  };
  const std::vector<Case> cases = {
      {"The call lasted two hours.", "The call lasted"},
      {"Putin and Trump spoke for two hours.", "spoke for"},
      {"The call lasted two hours and went well.", "The call lasted"},
      // A source named after the claim, without a closing "said", is no attribution.
      {"The call lasted two hours before the Kremlin hung up.", "The call lasted"},
      // The leading "SOURCE said" must come before the claim.
      {"The Kremlin confirmed the call.", "Kremlin"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    CHECK(Attribution(c.sentence, c.claim).empty());
  }
}

TEST_CASE("AttributionDetector: a bare plural source before 'said' is an attribution", "[extract]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Officials said the call lasted two hours.", "Officials"},
      {"Police said the call lasted two hours.", "Police"},
  };
  for (const auto& [sentence, source] : cases) {
    CAPTURE(sentence);
    CHECK(Attribution(sentence, "the call lasted") == source);
  }
}

// An unnamed source qualified by a recognised organisation ("a White House
// official") is kept as written, in the leading, trailing and "according to"
// forms, although the tagger marks "White House" as a mention.
TEST_CASE("AttributionDetector: an official of a named organisation is an attribution", "[extract]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"A White House official said the call lasted two hours.", "the call lasted"},
      {"The call lasted two hours, a White House official said.", "The call lasted"},
      {"The call lasted two hours, according to a White House official.", "The call lasted"},
  };
  for (const auto& [sentence, claim] : cases) {
    CAPTURE(sentence);
    const std::string source = Attribution(sentence, claim);
    CHECK_THAT(source, Catch::Contains("White House official"));
  }
}
