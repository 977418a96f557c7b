// Tests for extract/date_parser: dates as reporters write them, as intervals of days.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "extract/date_parser.h"

namespace {

using crosscheck::extract::DateRegex;
using crosscheck::extract::DaysToIso;
using crosscheck::extract::IsoToDays;
using crosscheck::extract::ParseDate;
using crosscheck::extract::ParsedDate;

double Days(const char* iso) {
  const std::optional<int> days = IsoToDays(iso);
  REQUIRE(days.has_value());
  return *days;
}

struct Case {
  const char* text;
  const char* published;
  const char* first;    // ISO first day
  const char* last;     // ISO last day
  const char* display;
};

void CheckDates(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text, c.published);
    const std::optional<ParsedDate> got = ParseDate(c.text, c.published);
    REQUIRE(got.has_value());
    CHECK(got->anchored);
    CHECK(got->display == c.display);
    CHECK(got->days.lo == Days(c.first));
    CHECK(got->days.hi == Days(c.last));
    CHECK_FALSE(got->days.lo_open);
    CHECK_FALSE(got->days.hi_open);
  }
}

}  // namespace

TEST_CASE("IsoToDays and DaysToIso convert between ISO dates and days since 1970", "[extract]") {
  const std::vector<std::pair<const char*, int>> cases = {
      {"1970-01-01", 0}, {"1970-01-02", 1}, {"1969-12-31", -1}, {"2000-03-01", 11017},
      {"2024-02-29", 19782}, {"2025-02-12", 20131},
  };
  for (const auto& [iso, days] : cases) {
    CAPTURE(iso);
    CHECK(IsoToDays(iso) == days);
    CHECK(DaysToIso(days) == iso);
  }
  SECTION("malformed or impossible ISO dates are rejected") {
    for (const char* bad : {"", "2025-2-12", "2025-02-1", "20250212", "2025-02-30", "2025-13-01", "2025-00-10",
                            "2023-02-29", "2025/02/12", "Feb 12 2025", "2025-02-12T10",
                            // Found by fuzz/fuzz_values: sscanf("%2d") took these as dates.
                            "9999-12-3\xcd", "2025-02-1x", "2025-02- 3", "2025- 2-12", "2025-01--1", "+202-01-01"}) {
      CAPTURE(bad);
      CHECK_FALSE(IsoToDays(bad).has_value());
    }
  }
}

TEST_CASE("ParseDate reads absolute dates as one day", "[extract]") {
  CheckDates({
      {"February 12, 2025", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"February 12 2025", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"Feb. 12, 2025", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"Feb 12, 2025", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"12 February 2025", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"12th of February, 2025", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"February 12th, 2025", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"2025-02-12", "", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"Sept. 3, 2024", "", "2024-09-03", "2024-09-03", "2024-09-03"},
      {"Dec. 31, 1999", "", "1999-12-31", "1999-12-31", "1999-12-31"},
      {"february 29, 2024", "", "2024-02-29", "2024-02-29", "2024-02-29"},
      // A publication date does not change an absolute date.
      {"February 12, 2025", "2021-06-01", "2025-02-12", "2025-02-12", "2025-02-12"},
  });
}

TEST_CASE("ParseDate reads months and years as spans", "[extract]") {
  CheckDates({
      {"February 2025", "", "2025-02-01", "2025-02-28", "2025-02"},
      {"February 2024", "", "2024-02-01", "2024-02-29", "2024-02"},
      {"February of 2024", "", "2024-02-01", "2024-02-29", "2024-02"},
      {"Dec. 2023", "", "2023-12-01", "2023-12-31", "2023-12"},
      {"April 2025", "", "2025-04-01", "2025-04-30", "2025-04"},
      {"2014", "", "2014-01-01", "2014-12-31", "2014"},
  });
}

TEST_CASE("ParseDate resolves a month and day without a year near the publication date", "[extract]") {
  CheckDates({
      {"Feb. 12", "2025-03-01", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"February 12", "2025-02-13", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"12 February", "2025-02-13", "2025-02-12", "2025-02-12", "2025-02-12"},
      // Around New Year the nearest occurrence is in another year.
      {"December 30", "2025-01-02", "2024-12-30", "2024-12-30", "2024-12-30"},
      {"January 3", "2024-12-28", "2025-01-03", "2025-01-03", "2025-01-03"},
      // February 29 only exists in the leap year.
      {"February 29", "2025-02-13", "2024-02-29", "2024-02-29", "2024-02-29"},
  });
}

TEST_CASE("ParseDate resolves weekdays and relative days against the publication date", "[extract][time]") {
  // 2025-02-13 is a Thursday.
  CheckDates({
      {"Wednesday", "2025-02-13", "2025-02-12", "2025-02-12", "Wednesday (2025-02-12)"},
      {"Thursday", "2025-02-13", "2025-02-13", "2025-02-13", "Thursday (2025-02-13)"},
      // A bare weekday is the most recent such day on or before the anchor (news convention).
      {"Friday", "2025-02-13", "2025-02-07", "2025-02-07", "Friday (2025-02-07)"},
      {"Sunday", "2025-02-13", "2025-02-09", "2025-02-09", "Sunday (2025-02-09)"},
      {"Monday", "2025-02-13", "2025-02-10", "2025-02-10", "Monday (2025-02-10)"},
      {"last Thursday", "2025-02-13", "2025-02-06", "2025-02-06", "Thursday (2025-02-06)"},
      {"last Wednesday", "2025-02-13", "2025-02-12", "2025-02-12", "Wednesday (2025-02-12)"},
      {"this Wednesday", "2025-02-13", "2025-02-12", "2025-02-12", "Wednesday (2025-02-12)"},
      {"next Monday", "2025-02-13", "2025-02-17", "2025-02-17", "Monday (2025-02-17)"},
      {"next Thursday", "2025-02-13", "2025-02-20", "2025-02-20", "Thursday (2025-02-20)"},
      {"yesterday", "2025-02-13", "2025-02-12", "2025-02-12", "2025-02-12"},
      {"today", "2025-02-13", "2025-02-13", "2025-02-13", "2025-02-13"},
      {"tomorrow", "2025-02-28", "2025-03-01", "2025-03-01", "2025-03-01"},
      {"Yesterday", "2025-03-01", "2025-02-28", "2025-02-28", "2025-02-28"},
      {"last night", "2025-03-01", "2025-02-28", "2025-02-28", "2025-02-28"},
      {"this morning", "2025-03-01", "2025-03-01", "2025-03-01", "2025-03-01"},
      // Weeks run Monday to Sunday.
      {"last week", "2025-02-13", "2025-02-03", "2025-02-09", "last week (2025-02-03 to 2025-02-09)"},
      {"this week", "2025-02-13", "2025-02-10", "2025-02-16", "this week (2025-02-10 to 2025-02-16)"},
      {"earlier this week", "2025-02-13", "2025-02-10", "2025-02-16", "this week (2025-02-10 to 2025-02-16)"},
      {"next week", "2025-02-13", "2025-02-17", "2025-02-23", "next week (2025-02-17 to 2025-02-23)"},
      // A Sunday anchor is the last day of its week.
      {"this week", "2025-02-16", "2025-02-10", "2025-02-16", "this week (2025-02-10 to 2025-02-16)"},
      {"last week", "2025-01-01", "2024-12-23", "2024-12-29", "last week (2024-12-23 to 2024-12-29)"},
  });
}

TEST_CASE("ParseDate: a weekday on the anchor's own weekday is the anchor itself", "[extract][time]") {
  // 2025-02-12 is a Wednesday.
  CheckDates({
      {"on Wednesday", "2025-02-12", "2025-02-12", "2025-02-12", "Wednesday (2025-02-12)"},
      {"last Wednesday", "2025-02-12", "2025-02-05", "2025-02-05", "Wednesday (2025-02-05)"},
      {"next Wednesday", "2025-02-12", "2025-02-19", "2025-02-19", "Wednesday (2025-02-19)"},
  });
  crosscheck::extract::DateOptions future;
  future.future = true;
  auto same = ParseDate("Wednesday", "2025-02-12", future);
  REQUIRE(same.has_value());
  CHECK(DaysToIso(static_cast<int>(same->days.lo)) == "2025-02-12");
  auto ahead = ParseDate("on Friday", "2025-02-12", future);
  REQUIRE(ahead.has_value());
  CHECK(ahead->display == "Friday (2025-02-14)");
  CHECK(ahead->rule == "the first Friday on or after the anchor (the sentence speaks of the future)");
  auto back = ParseDate("on Friday", "2025-02-12");
  REQUIRE(back.has_value());
  CHECK(back->display == "Friday (2025-02-07)");
  CHECK(back->rule == "the most recent Friday on or before the anchor");
  CHECK(back->weekday == 5);
  CHECK(back->relative);
}

TEST_CASE("ParseDate crosses month, year and leap-day boundaries", "[extract][time]") {
  CheckDates({
      // 2025-03-01 is a Saturday: "on Friday" is the last day of February.
      {"on Friday", "2025-03-01", "2025-02-28", "2025-02-28", "Friday (2025-02-28)"},
      // 2024-03-01 is a Friday; Thursday is the leap day.
      {"Thursday", "2024-03-01", "2024-02-29", "2024-02-29", "Thursday (2024-02-29)"},
      {"yesterday", "2024-03-01", "2024-02-29", "2024-02-29", "2024-02-29"},
      // 2025-01-01 is a Wednesday: "on Monday" is in the year before.
      {"on Monday", "2025-01-01", "2024-12-30", "2024-12-30", "Monday (2024-12-30)"},
      {"last month", "2025-01-15", "2024-12-01", "2024-12-31", "last month (2024-12-01 to 2024-12-31)"},
      {"last month", "2024-03-10", "2024-02-01", "2024-02-29", "last month (2024-02-01 to 2024-02-29)"},
      {"this month", "2025-02-13", "2025-02-01", "2025-02-28", "this month (2025-02-01 to 2025-02-28)"},
      {"next month", "2025-12-13", "2026-01-01", "2026-01-31", "next month (2026-01-01 to 2026-01-31)"},
      {"last year", "2025-02-13", "2024-01-01", "2024-12-31", "last year (2024-01-01 to 2024-12-31)"},
      {"this year", "2025-02-13", "2025-01-01", "2025-12-31", "this year (2025-01-01 to 2025-12-31)"},
  });
}

TEST_CASE("ParseDate reads seasons and months without a year as spans", "[extract][time]") {
  CheckDates({
      {"this summer", "2025-02-13", "2025-06-01", "2025-08-31", "this summer (2025-06-01 to 2025-08-31)"},
      {"last summer", "2025-02-13", "2024-06-01", "2024-08-31", "last summer (2024-06-01 to 2024-08-31)"},
      // In July, last summer is the year before's; in October, this year's.
      {"last summer", "2025-07-10", "2024-06-01", "2024-08-31", "last summer (2024-06-01 to 2024-08-31)"},
      {"last summer", "2025-10-10", "2025-06-01", "2025-08-31", "last summer (2025-06-01 to 2025-08-31)"},
      {"next summer", "2025-07-10", "2026-06-01", "2026-08-31", "next summer (2026-06-01 to 2026-08-31)"},
      {"this spring", "2025-02-13", "2025-03-01", "2025-05-31", "this spring (2025-03-01 to 2025-05-31)"},
      {"this fall", "2025-02-13", "2025-09-01", "2025-11-30", "this fall (2025-09-01 to 2025-11-30)"},
      // Winter runs from December into the next year; February belongs to last December's.
      {"this winter", "2025-02-13", "2024-12-01", "2025-02-28", "this winter (2024-12-01 to 2025-02-28)"},
      {"this winter", "2023-12-20", "2023-12-01", "2024-02-29", "this winter (2023-12-01 to 2024-02-29)"},
      {"last winter", "2025-02-13", "2023-12-01", "2024-02-29", "last winter (2023-12-01 to 2024-02-29)"},
      // A month without a year is the one nearest the anchor.
      {"in February", "2025-02-13", "2025-02-01", "2025-02-28", "2025-02"},
      {"in February", "2025-11-20", "2026-02-01", "2026-02-28", "2026-02"},
      {"in November", "2025-02-13", "2024-11-01", "2024-11-30", "2024-11"},
      {"last February", "2025-02-13", "2024-02-01", "2024-02-29", "2024-02"},
      {"last March", "2025-02-13", "2024-03-01", "2024-03-31", "2024-03"},
      {"next February", "2025-02-13", "2026-02-01", "2026-02-28", "2026-02"},
      {"in February 2022", "", "2022-02-01", "2022-02-28", "2022-02"},
  });
}

TEST_CASE("FutureCueBefore finds the words that put a date in the future", "[extract][time]") {
  using crosscheck::extract::FutureCueBefore;
  auto cue = [](std::string sentence) { return FutureCueBefore(sentence, sentence.find("Friday")); };
  CHECK(cue("The ministers will meet in Stockholm on Friday."));
  CHECK(cue("They'll meet on Friday."));
  CHECK(cue("The talks are set to begin on Friday."));
  CHECK(cue("The vote is scheduled for Friday."));
  CHECK_FALSE(cue("He said they would meet in Munich on Friday."));
  CHECK_FALSE(cue("They met on Friday."));
  // Only words before the date count.
  CHECK_FALSE(cue("On Friday they met, and they will meet again."));
  CHECK_FALSE(cue("Williams met him on Friday."));
}

TEST_CASE("ParseDate: a leading 'on' or 'in' is ignored", "[extract]") {
  // 2025-02-13 is a Thursday: "on Wednesday" is the day before.
  CheckDates({
      {"on Wednesday", "2025-02-13", "2025-02-12", "2025-02-12", "Wednesday (2025-02-12)"},
      {"in 2014", "", "2014-01-01", "2014-12-31", "2014"},
      {"in 2014", "2025-02-13", "2014-01-01", "2014-12-31", "2014"},
  });
  SECTION("DateRegex matches 'in 2014' whole") {
    RE2 re(DateRegex());
    REQUIRE(re.ok());
    CHECK(RE2::FullMatch("in 2014", re));
    re2::StringPiece match;
    REQUIRE(RE2::PartialMatch("The two leaders last met in 2014, officials said.", "(" + DateRegex() + ")", &match));
    CHECK(std::string(match.data(), match.size()) == "in 2014");
  }
}

TEST_CASE("ParseDate leaves weekdays and relative dates unanchored without a publication date", "[extract]") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Wednesday", "Wednesday (unresolved)"},
      {"last Friday", "last Friday (unresolved)"},
      {"yesterday", "yesterday (unresolved)"},
      {"last week", "last week (unresolved)"},
      {"this summer", "this summer (unresolved)"},
      {"in February", "--02 (unresolved)"},
      {"February 12", "--02-12 (unresolved)"},
  };
  for (const auto& [text, display] : cases) {
    CAPTURE(text);
    for (const char* published : {"", "not a date", "2025-02-30"}) {
      CAPTURE(published);
      const std::optional<ParsedDate> got = ParseDate(text, published);
      REQUIRE(got.has_value());
      CHECK_FALSE(got->anchored);
      CHECK(got->display == display);
      // Unbounded: compatible with every date, in conflict with none.
      CHECK(std::isinf(got->days.lo));
      CHECK(got->days.lo < 0);
      CHECK(std::isinf(got->days.hi));
      CHECK(got->days.hi > 0);
    }
  }
}

TEST_CASE("ParseDate rejects impossible dates and text that is no date", "[extract]") {
  for (const char* published : {"", "2025-02-13"}) {
    CAPTURE(published);
    for (const char* bad : {"February 30, 2025", "February 29, 2025", "31 April 2024", "2025-02-30", "2025-13-01",
                            "Smarch 12, 2025", "", "   ", "the 12th", "12 34", "February 12, 2025 and more",
                            "1799", "Feb. 40, 2025", "next decade", "last month please", "last Wednesday night"}) {
      CAPTURE(bad);
      const std::optional<ParsedDate> got = ParseDate(bad, published);
      if (got) INFO("got " << got->display);
      CHECK_FALSE(got.has_value());
    }
  }
}

TEST_CASE("DateRegex finds the date expressions ParseDate reads", "[extract]") {
  RE2 re(DateRegex());
  REQUIRE(re.ok());
  CHECK(re.NumberOfCapturingGroups() == 0);
  for (const char* text : {"February 12, 2025", "Feb. 12", "12 February 2025", "12th of February, 2025", "February 2025",
                           "February of 2024", "2025-02-12", "Wednesday", "last Wednesday", "next Monday",
                           "yesterday", "Today", "last week", "Sept. 3, 2024", "this summer", "last fall",
                           "in February", "last March", "last month", "next year", "earlier this week", "last night",
                           "this morning"}) {
    CAPTURE(text);
    REQUIRE(RE2::FullMatch(text, re));
    CHECK(ParseDate(text, "2025-02-13").has_value());
  }
  SECTION("the longest date expression is found in a sentence") {
    const std::vector<std::pair<const char*, const char*>> sentences = {
        {"They met on February 12, 2025 in Munich.", "February 12, 2025"},
        {"The call took place on Wednesday, officials said.", "Wednesday"},
        {"The summit was held in February 2025.", "in February 2025"},
        {"He was released last week.", "last week"},
        {"Zelenskyy said his Wednesday phone call with Trump was positive.", "Wednesday"},
        {"Wednesday's call went well.", "Wednesday"},
        {"The film hits theaters this summer and marks his return.", "this summer"},
        {"Russia's invasion of Ukraine in February 2022 changed that.", "in February 2022"},
        {"Prices may rise in May.", "in May"},
        {"It must be done within May 2025.", "May 2025"},
    };
    for (const auto& [sentence, date] : sentences) {
      CAPTURE(sentence);
      re2::StringPiece match;
      REQUIRE(RE2::PartialMatch(sentence, "(" + DateRegex() + ")", &match));
      CHECK(std::string(match.data(), match.size()) == date);
    }
  }
  SECTION("words that only look like dates are not matched") {
    for (const char* text : {"Mayday", "Marching orders", "Sunday-school", "12 34", "Smarch 12", "may", "in may", "this weekend",
                            "last summertime"}) {
      CAPTURE(text);
      CHECK_FALSE(RE2::FullMatch(text, re));
    }
  }
}
