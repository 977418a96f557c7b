// Tests for extract/quantity: ParseQuantity, FormatQuantity, ParseNumber and
// the regular expressions that find quantity phrases.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "extract/quantity.h"

namespace {

using crosscheck::Interval;
using crosscheck::extract::CountWord;
using crosscheck::extract::FormatQuantity;
using crosscheck::extract::NumberRegex;
using crosscheck::extract::ParseNumber;
using crosscheck::extract::ParseQuantity;
using crosscheck::extract::QuantityRegex;
using crosscheck::extract::QuantitySpec;
using crosscheck::extract::QuantityUnit;

constexpr double kInf = Interval::kInfinity;

// The same units as templates/types/duration.toml.
QuantitySpec Duration() {
  QuantitySpec spec;
  spec.name = "duration";
  spec.base_unit = "min";
  spec.units = {
      {"minute", 1, {"minutes", "min", "mins"}, true},
      {"hour", 60, {"hours", "hr", "hrs"}, true},
      {"second", 1.0 / 60, {"seconds", "sec", "secs"}, false},
      {"day", 1440, {"days"}, true},
      {"week", 10080, {"weeks"}, true},
  };
  return spec;
}

// A count, as in templates/types/count.toml: no unit, vague count words.
QuantitySpec Count() {
  QuantitySpec spec;
  spec.name = "count";
  spec.base_unit = "";
  spec.unit_required = false;
  spec.count_words = {
      {"a handful", {2, 6, false, false}},
      {"a few", {2, 5, false, false}},
      {"several", {3, 9, false, false}},
      {"dozens", {24, 144, false, false}},
      {"hundreds", {200, 1000, false, false}},
  };
  return spec;
}

struct Case {
  const char* text;
  Interval expected;
};

std::string Show(const Interval& v) {
  return std::string(v.lo_open ? "(" : "[") + std::to_string(v.lo) + ", " + std::to_string(v.hi) +
         (v.hi_open ? ")" : "]");
}

void CheckParses(const std::vector<Case>& cases, const QuantitySpec& spec) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::string why;
    const std::optional<Interval> got = ParseQuantity(c.text, spec, &why);
    INFO("why: " << why);
    REQUIRE(got.has_value());
    INFO("got " << Show(*got) << ", expected " << Show(c.expected));
    CHECK(got->lo == Approx(c.expected.lo));
    if (std::isinf(c.expected.hi)) {
      CHECK(std::isinf(got->hi));
    } else {
      CHECK(got->hi == Approx(c.expected.hi));
    }
    CHECK(got->lo_open == c.expected.lo_open);
    CHECK(got->hi_open == c.expected.hi_open);
  }
}

void CheckRejects(const std::vector<const char*>& texts, const QuantitySpec& spec) {
  for (const char* text : texts) {
    CAPTURE(text);
    std::string why;
    const std::optional<Interval> got = ParseQuantity(text, spec, &why);
    if (got) INFO("got " << Show(*got));
    CHECK_FALSE(got.has_value());
    CHECK_FALSE(why.empty());
  }
}

const std::vector<Case>& DurationCases() {
  static const std::vector<Case> cases = {
      {"one and a half hours", {90, 90, false, false}},
      {"an hour and a half", {90, 90, false, false}},
      {"90 minutes", {90, 90, false, false}},
      {"over an hour", {60, kInf, true, true}},
      {"more than an hour", {60, kInf, true, true}},
      {"roughly 90 minutes", {81, 99, false, false}},
      {"about 90 minutes", {81, 99, false, false}},
      {"approximately one and a half hours", {81, 99, false, false}},
      {"nearly two hours", {102, 120, false, true}},
      {"almost an hour", {51, 60, false, true}},
      {"1.5-hour", {90, 90, false, false}},
      {"45-minute", {45, 45, false, false}},
      {"half an hour", {30, 30, false, false}},
      {"a half-hour", {30, 30, false, false}},
      {"between 60 and 90 minutes", {60, 90, false, false}},
      {"60-90 minutes", {60, 90, false, false}},
      {"60 to 90 minutes", {60, 90, false, false}},
      {"two hours and 15 minutes", {135, 135, false, false}},
      {"one hour and 30 minutes", {90, 90, false, false}},
      {"an hour", {60, 60, false, false}},
      {"hour-long", {60, 60, false, false}},
      {"an hour-long", {60, 60, false, false}},
      {"two and a half hours", {150, 150, false, false}},
      {"an hour and a quarter", {75, 75, false, false}},
      {"more than three hours", {180, kInf, true, true}},
      {"just over an hour", {60, 72, true, false}},
      {"at least 30 minutes", {30, kInf, false, true}},
      {"less than an hour", {0, 60, false, true}},
      {"under 10 minutes", {0, 10, false, true}},
      {"up to two hours", {0, 120, false, false}},
      {"no more than 45 minutes", {0, 45, false, false}},
      {"some 40 minutes", {36, 44, false, false}},
      {"three days", {4320, 4320, false, false}},
      {"2 weeks", {20160, 20160, false, false}},
      {"30 seconds", {0.5, 0.5, false, false}},
      {"Ninety Minutes", {90, 90, false, false}},
      {"twenty-five minutes", {25, 25, false, false}},
  };
  return cases;
}

}  // namespace

TEST_CASE("ParseQuantity reads duration phrases as intervals in minutes", "[extract]") {
  CheckParses(DurationCases(), Duration());
}

TEST_CASE("ParseQuantity rejects phrases that are not durations", "[extract]") {
  CheckRejects(
      {
          "a second call",  // "second" is an ordinal here, not one second
          "a second",
          "",
          "lasted",
          "ninety",          // a number without a unit
          "several hours",   // no count words in a duration
          "the hour",
          "90 kilometres",
      },
      Duration());
  SECTION("a second is still a unit with a number") {
    std::string why;
    auto got = ParseQuantity("one second", Duration(), &why);
    REQUIRE(got.has_value());
    CHECK(got->lo == Approx(1.0 / 60));
  }
}

TEST_CASE("ParseQuantity uses the spec's approximation for 'about'", "[extract]") {
  QuantitySpec spec = Duration();
  spec.approximation = 0.2;
  CheckParses({{"about 100 minutes", {80, 120, false, false}}, {"nearly 100 minutes", {70, 100, false, true}}}, spec);
}

TEST_CASE("ParseQuantity reads counts without units", "[extract]") {
  const std::vector<Case> cases = {
      {"dozens", {24, 144, false, false}},
      {"several", {3, 9, false, false}},
      {"a few", {2, 5, false, false}},
      {"a handful", {2, 6, false, false}},
      {"more than dozens", {24, kInf, false, true}},
      {"at least 10", {10, kInf, false, true}},
      {"more than 10", {10, kInf, true, true}},
      {"four", {4, 4, false, false}},
      {"1,612", {1612, 1612, false, false}},
      {"twenty-three", {23, 23, false, false}},
      {"one hundred and five", {105, 105, false, false}},
      {"a dozen", {12, 12, false, false}},
      {"more than a dozen", {12, kInf, true, true}},
      {"about 50", {45, 55, false, false}},
      {"between 10 and 20", {10, 20, false, false}},
      {"10-20", {10, 20, false, false}},
      {"3 million", {3e6, 3e6, false, false}},
      {"nearly 200", {170, 200, false, true}},
  };
  CheckParses(cases, Count());
  SECTION("words that are no number are rejected") {
    CheckRejects({"people", "", "many", "the crowd"}, Count());
  }
}

TEST_CASE("A unit glued to the number, or ending in a symbol, is read: 48%, 5km", "[extract]") {
  QuantitySpec percent;
  percent.name = "percent";
  percent.base_unit = "%";
  percent.units = {{"%", 1, {"percent", "per cent"}, true}};
  CheckParses({{"48%", {48, 48, false, false}}, {"48 %", {48, 48, false, false}}, {"about 50%", {45, 55, false, false}},
               {"51.4 percent", {51.4, 51.4, false, false}}},
              percent);
  QuantitySpec distance;
  distance.name = "distance";
  distance.base_unit = "km";
  distance.units = {{"km", 1, {"kilometres"}, true}, {"mile", 1.609344, {"miles"}, true}};
  CheckParses({{"5km", {5, 5, false, false}}, {"5 km", {5, 5, false, false}}}, distance);
  SECTION("the pattern finds a symbol unit before a full stop, and a word unit only as a whole word") {
    re2::StringPiece match;
    REQUIRE(RE2::PartialMatch("Turnout reached 48%.", "(" + QuantityRegex(percent) + ")", &match));
    CHECK(std::string(match.data(), match.size()) == "48%");
    CHECK(!RE2::PartialMatch("it was 5 kmx away", "(" + QuantityRegex(distance) + ")", &match));
  }
}

TEST_CASE("ParseNumber reads digits and number words", "[extract]") {
  const std::vector<std::pair<const char*, double>> cases = {
      {"1,612", 1612},
      {"1.5", 1.5},
      {"42", 42},
      {"0", 0},
      {"twenty-three", 23},
      {"twenty three", 23},
      {"Twenty-Three", 23},
      {"ninety-nine", 99},
      {"one hundred and five", 105},
      {"a hundred and twenty", 120},
      {"two hundred", 200},
      {"forty two thousand", 42000},
      {"three thousand five hundred", 3500},
      {"a dozen", 12},
      {"two dozen", 24},
      {"one and a half", 1.5},
      {"two and three quarters", 2.75},
      {"a half", 0.5},
      {"half", 0.5},
      {"1 million", 1e6},
      {"2.5 billion", 2.5e9},
      {"two million", 2e6},
      {"zero", 0},
      {"nineteen", 19},
  };
  for (const auto& [text, value] : cases) {
    CAPTURE(text);
    const std::optional<double> got = ParseNumber(text);
    REQUIRE(got.has_value());
    CHECK(*got == Approx(value));
  }
  SECTION("text that is not only a number is rejected") {
    for (const char* bad : {"", "hours", "and", "five apples", "1.2.3", "twelve-ish", "many", "one two buckle",
                            "the 12", "12 o'clock"}) {
      CAPTURE(bad);
      const std::optional<double> got = ParseNumber(bad);
      if (got) INFO("got " << *got);
      CHECK_FALSE(got.has_value());
    }
  }
}

TEST_CASE("ParseNumber: 'and' after thousand adds the rest", "[extract]") {
  const std::vector<std::pair<const char*, double>> cases = {
      {"two thousand and five", 2005},
      {"one thousand and one", 1001},
      {"a thousand and one", 1001},
      {"three thousand and twenty", 3020},
  };
  for (const auto& [text, value] : cases) {
    CAPTURE(text);
    const std::optional<double> got = ParseNumber(text);
    REQUIRE(got.has_value());
    CHECK(*got == Approx(value));
  }
}

TEST_CASE("ParseQuantity: a vague count word followed by a scale multiplies it", "[extract]") {
  CheckParses(
      {
          {"several hundred", {300, 900, false, false}},
          {"a few dozen", {24, 60, false, false}},
      },
      Count());
  SECTION("QuantityRegex finds the whole scaled phrase") {
    re2::StringPiece match;
    REQUIRE(RE2::PartialMatch("several hundred people", "(" + QuantityRegex(Count()) + ")", &match));
    CHECK(std::string(match.data(), match.size()) == "several hundred");
    RE2 count(QuantityRegex(Count()));
    REQUIRE(count.ok());
    CHECK(RE2::FullMatch("several hundred", count));
    CHECK(RE2::FullMatch("a few dozen", count));
  }
}

TEST_CASE("FormatQuantity writes intervals readably", "[extract]") {
  const std::vector<std::pair<Interval, std::string>> cases = {
      {Interval::Point(90), "90 min"},
      {{60, kInf, true, true}, "> 60 min"},
      {{10, kInf, false, true}, ">= 10 min"},
      {{81, 99, false, false}, "81-99 min"},
      {{102, 120, false, true}, "[102, 120) min"},
      {{60, 72, true, false}, "(60, 72] min"},
      {{60, 90, true, true}, "(60, 90) min"},
      {{0, 60, false, true}, "< 60 min"},
      {{0, 120, false, false}, "<= 120 min"},
      {Interval::Point(1.5), "1.5 min"},
      {Interval::Point(1.0 / 3), "0.33 min"},
      {Interval::Point(0.5), "0.5 min"},
      {{24, 144, false, false}, "24-144 min"},
  };
  for (const auto& [interval, text] : cases) {
    CAPTURE(text);
    CHECK(FormatQuantity(interval, "min") == text);
  }
  SECTION("without a unit there is no trailing space") {
    CHECK(FormatQuantity(Interval::Point(1612), "") == "1612");
    CHECK(FormatQuantity({10, kInf, false, true}, "") == ">= 10");
    CHECK(FormatQuantity({24, 144, false, false}, "") == "24-144");
  }
  SECTION("parsed phrases format as the templates' examples expect") {
    const QuantitySpec spec = Duration();
    const std::vector<std::pair<const char*, const char*>> phrases = {
        {"one and a half hours", "90 min"},        {"over an hour", "> 60 min"},
        {"roughly 90 minutes", "81-99 min"},       {"nearly two hours", "[102, 120) min"},
        {"more than three hours", "> 180 min"},    {"at least 30 minutes", ">= 30 min"},
        {"less than an hour", "< 60 min"},
    };
    for (const auto& [phrase, display] : phrases) {
      CAPTURE(phrase);
      std::string why;
      auto got = ParseQuantity(phrase, spec, &why);
      REQUIRE(got.has_value());
      CHECK(FormatQuantity(*got, spec.base_unit) == display);
    }
  }
}

TEST_CASE("QuantityRegex matches exactly the phrases ParseQuantity reads", "[extract]") {
  const QuantitySpec spec = Duration();
  RE2 re(QuantityRegex(spec));
  REQUIRE(re.ok());
  CHECK(re.NumberOfCapturingGroups() == 0);
  for (const Case& c : DurationCases()) {
    CAPTURE(c.text);
    CHECK(RE2::FullMatch(c.text, re));
  }
  SECTION("it finds the whole phrase inside a sentence") {
    const std::vector<std::pair<const char*, const char*>> sentences = {
        {"The call lasted roughly 90 minutes, officials said.", "roughly 90 minutes"},
        {"They spoke for an hour and a half on Tuesday.", "an hour and a half"},
        {"It was a 45-minute call.", "45-minute"},
        {"The talks went on for two hours and 15 minutes.", "two hours and 15 minutes"},
        {"The call lasted nearly two hours.", "nearly two hours"},
        {"They met for between 60 and 90 minutes.", "between 60 and 90 minutes"},
    };
    for (const auto& [sentence, phrase] : sentences) {
      CAPTURE(sentence);
      re2::StringPiece match;
      REQUIRE(RE2::PartialMatch(sentence, std::string("(").append(QuantityRegex(spec)).append(")"), &match));
      CHECK(std::string(match.data(), match.size()) == phrase);
    }
  }
  SECTION("no quantity, no match") {
    for (const char* text : {"The call was tense.", "They met twice.", "minutes"}) {
      CAPTURE(text);
      CHECK_FALSE(RE2::PartialMatch(text, re));
    }
  }
  SECTION("a count regex matches bare numbers and count words") {
    RE2 count(QuantityRegex(Count()));
    REQUIRE(count.ok());
    CHECK(count.NumberOfCapturingGroups() == 0);
    for (const char* text : {"dozens", "at least 10", "1,612", "twenty-three", "several", "a few", "10-20"}) {
      CAPTURE(text);
      CHECK(RE2::FullMatch(text, count));
    }
    // A duration regex needs a unit.
    CHECK_FALSE(RE2::FullMatch("at least 10", re));
  }
}

TEST_CASE("NumberRegex matches numbers in digits and words", "[extract]") {
  RE2 re(NumberRegex());
  REQUIRE(re.ok());
  CHECK(re.NumberOfCapturingGroups() == 0);
  for (const char* text : {"1,612", "1.5", "42", "twenty-three", "one hundred and five", "a dozen", "a hundred", "two million",
                           "3 million", "ninety nine"}) {
    CAPTURE(text);
    CHECK(RE2::FullMatch(text, re));
  }
  // A bare article is a number only where a type says so (`article = true`).
  for (const char* text : {"", "hours", "1,61", "twentythree", "a", "an"}) {
    CAPTURE(text);
    CHECK_FALSE(RE2::FullMatch(text, re));
  }
}
