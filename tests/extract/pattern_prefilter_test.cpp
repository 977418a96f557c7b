// Tests for extract/pattern_prefilter: it may let through a pattern that does
// not match, but must never hold back one that does.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/pattern_prefilter.h"

namespace {

using crosscheck::extract::PatternPrefilter;

struct Patterns {
  std::vector<std::unique_ptr<re2::RE2>> owned;
  std::vector<const re2::RE2*> pointers;
  explicit Patterns(const std::vector<std::string>& sources) {
    for (const std::string& s : sources) {
      owned.push_back(std::make_unique<re2::RE2>(s));
      REQUIRE(owned.back()->ok());
      pointers.push_back(owned.back().get());
    }
  }
};

std::vector<bool> Candidates(const PatternPrefilter& prefilter, size_t n, const std::string& text) {
  std::vector<bool> may_match(n, false);
  PatternPrefilter::Scratch scratch;
  prefilter.Candidates(text, &may_match, &scratch);
  return may_match;
}

const std::vector<std::string> kSources = {
    "(?i)\\bcall\\s+lasted\\s+(\\d+)\\s+minutes",
    "(?i)\\binvited\\s+(\\w+)\\s+to\\s+visit\\s+(\\w+)",
    "(?i)\\bwill\\s+meet\\s+in\\s+(\\w+)",
    "(\\d+)",  // no literal atoms: always a candidate
};

}  // namespace

TEST_CASE("PatternPrefilter skips patterns whose words are absent", "[extract]") {
  Patterns patterns(kSources);
  PatternPrefilter prefilter(patterns.pointers);
  CHECK(prefilter.atoms() > 0);

  const std::vector<bool> call = Candidates(prefilter, kSources.size(), "The call lasted 90 minutes, officials said.");
  CHECK(call[0]);
  CHECK_FALSE(call[1]);
  CHECK_FALSE(call[2]);
  CHECK(call[3]);

  const std::vector<bool> meet = Candidates(prefilter, kSources.size(), "THE TWO LEADERS WILL MEET IN VIENNA.");
  CHECK_FALSE(meet[0]);
  CHECK(meet[2]);
}

TEST_CASE("PatternPrefilter never holds back a pattern that matches", "[extract]") {
  Patterns patterns(kSources);
  PatternPrefilter prefilter(patterns.pointers);
  const std::vector<std::string> sentences = {
      "The call lasted 90 minutes.",
      "Koval invited Lindqvist to visit Bratislava in the spring.",
      "They will   meet in Geneva on April 12.",
      "Nothing of note happened; the call was short.",
      "Invited guests will meet in the hall at 9.",
      "Die Delegationen will meet in Zürich",  // non-ASCII: every pattern is a candidate
      "",
  };
  for (const std::string& s : sentences) {
    CAPTURE(s);
    const std::vector<bool> may_match = Candidates(prefilter, kSources.size(), s);
    for (size_t i = 0; i < kSources.size(); ++i) {
      CAPTURE(kSources[i]);
      if (re2::RE2::PartialMatch(s, *patterns.pointers[i])) CHECK(may_match[i]);
    }
  }
  const std::vector<bool> unicode = Candidates(prefilter, kSources.size(), "Die Delegationen treffen sich in Zürich");
  for (size_t i = 0; i < kSources.size(); ++i) CHECK(unicode[i]);
}
