// Tests for extract/time_anchor: which date a document's relative dates count from.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/time_anchor.h"

namespace {

using crosscheck::extract::ChooseAnchor;
using crosscheck::extract::TimeAnchor;

}  // namespace

TEST_CASE("ChooseAnchor prefers the manifest's publication date", "[extract][time]") {
  const TimeAnchor a = ChooseAnchor("2025-02-13", {"WASHINGTON, Feb. 10, 2025 - Trump spoke with Putin on Wednesday."});
  CHECK(a.source == TimeAnchor::Source::kPublished);
  CHECK(a.date == "2025-02-13");
  CHECK(a.evidence == "published 2025-02-13 (outlets manifest)");
}

TEST_CASE("ChooseAnchor falls back to a full date at the top of the text", "[extract][time]") {
  SECTION("a full date in the first three sentences is the dateline") {
    const TimeAnchor a = ChooseAnchor("", {"Leaders agree to talks", "WASHINGTON, Feb. 12, 2025 - Trump spoke with Putin on Wednesday.",
                                          "The war began on February 24, 2022."});
    CHECK(a.source == TimeAnchor::Source::kText);
    CHECK(a.date == "2025-02-12");
    CHECK(a.evidence == "'Feb. 12, 2025' in sentence 2 (dateline)");
  }
  SECTION("full dates further down are the days a story looks back on, not when it was written") {
    const TimeAnchor a = ChooseAnchor("", {"Headline", "Intro.", "More.", "The two met from June 19, 1972.",
                                          "On February 12, 2025 Trump called Putin."});
    CHECK_FALSE(a.found());
  }
  SECTION("months, years and weekdays do not anchor") {
    const TimeAnchor a = ChooseAnchor("", {"Russia invaded Ukraine in February 2022.", "Trump called Putin on Wednesday.",
                                          "It was the first call since 2021, said a source on Feb. 12."});
    CHECK_FALSE(a.found());
    CHECK(a.source == TimeAnchor::Source::kNone);
    CHECK(a.date.empty());
  }
  SECTION("a malformed manifest date is no anchor") {
    CHECK_FALSE(ChooseAnchor("2025-02-30", {"Nothing dated here."}).found());
  }
}
