// Tests for extract/event_time: a claim's time resolved against its document's anchor.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "extract/date_parser.h"
#include "extract/event_time.h"

namespace {

using crosscheck::Claim;
using crosscheck::ValueKind;
using crosscheck::extract::DaysToIso;
using crosscheck::extract::ResolveClaimTime;
using crosscheck::extract::TimeAnchor;

TimeAnchor Published(const char* date) {
  return {TimeAnchor::Source::kPublished, date, std::string("published ") + date + " (outlets manifest)"};
}

Claim SentenceClaim(const std::string& sentence) {
  Claim c;
  c.value.kind = ValueKind::kPlace;
  c.evidence = sentence;
  return c;
}

Claim DateClaim(const std::string& sentence, const std::string& value) {
  Claim c;
  c.value.kind = ValueKind::kDate;
  c.value.type = "date";
  c.value.text = value;
  c.evidence = sentence;
  const auto at = static_cast<uint32_t>(sentence.find(value));
  c.value_in_evidence = {at, at + static_cast<uint32_t>(value.size())};
  return c;
}

}  // namespace

TEST_CASE("ResolveClaimTime resolves the sentence's date and keeps the evidence", "[extract][time]") {
  // 2025-02-15 is a Saturday.
  Claim c = SentenceClaim("He said Vance and Rubio would meet with Zelenskyy in Munich on Friday.");
  ResolveClaimTime(Published("2025-02-15"), &c);
  REQUIRE(c.has_when);
  CHECK(c.when.phrase == "Friday");
  CHECK(c.when.resolved);
  CHECK(c.when.relative);
  CHECK(c.when.display == "Friday (2025-02-14)");
  CHECK(c.when.rule == "the most recent Friday on or before the anchor");
  CHECK(c.when.anchor == "2025-02-15");
  CHECK(c.when.anchor_source == "published");
  CHECK(c.when.anchor_evidence == "published 2025-02-15 (outlets manifest)");
  CHECK(c.when.weekday == 5);
  // A single day keys the subject.
  CHECK(c.time == "2025-02-14");
}

TEST_CASE("ResolveClaimTime: a future cue sends a weekday forward", "[extract][time]") {
  // 2026-03-04 is a Wednesday.
  Claim c = SentenceClaim("Foreign ministers Maria Berg and Peter Novak will meet in Stockholm on Friday.");
  ResolveClaimTime(Published("2026-03-04"), &c);
  REQUIRE(c.has_when);
  CHECK(c.when.display == "Friday (2026-03-06)");
  CHECK(c.time == "2026-03-06");
}

TEST_CASE("ResolveClaimTime leaves relative dates unresolved without an anchor, and says so", "[extract][time]") {
  Claim c = SentenceClaim("Trump held phone conversations with Putin on Wednesday.");
  ResolveClaimTime(TimeAnchor{}, &c);
  REQUIRE(c.has_when);
  CHECK_FALSE(c.when.resolved);
  CHECK(c.when.display == "Wednesday (unresolved)");
  CHECK(c.when.weekday == 3);
  CHECK(c.when.anchor.empty());
  CHECK(c.when.anchor_source == "none");
  CHECK(std::isinf(c.when.days.lo));
  CHECK(c.time.empty());
}

TEST_CASE("ResolveClaimTime: spans are kept as spans, absolute dates need no anchor", "[extract][time]") {
  Claim summer = SentenceClaim("The film hits theaters this summer.");
  ResolveClaimTime(Published("2025-02-13"), &summer);
  REQUIRE(summer.has_when);
  CHECK(DaysToIso(static_cast<int>(summer.when.days.lo)) == "2025-06-01");
  CHECK(DaysToIso(static_cast<int>(summer.when.days.hi)) == "2025-08-31");
  CHECK(summer.time.empty());  // a season does not key a subject

  Claim absolute = SentenceClaim("Russia's invasion of Ukraine in February 2022 changed that.");
  ResolveClaimTime(TimeAnchor{}, &absolute);
  REQUIRE(absolute.has_when);
  CHECK(absolute.when.resolved);
  CHECK_FALSE(absolute.when.relative);
  CHECK(absolute.when.display == "2022-02");
  CHECK(absolute.when.anchor_source.empty());

  Claim none = SentenceClaim("Trump and Putin agreed to talk.");
  ResolveClaimTime(Published("2025-02-13"), &none);
  CHECK_FALSE(none.has_when);
}

TEST_CASE("ResolveClaimTime re-reads a date value against the anchor, and it does not key the subject", "[extract][time]") {
  Claim c = DateClaim("Zelenskyy said his Wednesday phone call with Trump was positive.", "Wednesday");
  ResolveClaimTime(TimeAnchor{TimeAnchor::Source::kText, "2025-02-14", "'February 14, 2025' in sentence 1 (dateline)"}, &c);
  REQUIRE(c.has_when);
  CHECK(c.value.display == "Wednesday (2025-02-12)");
  CHECK(c.value.interval.lo == c.value.interval.hi);
  CHECK(DaysToIso(static_cast<int>(c.value.interval.lo)) == "2025-02-12");
  CHECK(c.when.anchor_source == "text");
  CHECK(c.when.anchor_evidence == "'February 14, 2025' in sentence 1 (dateline)");
  CHECK(c.time.empty());

  Claim unresolved = DateClaim("Zelenskyy said his Wednesday phone call with Trump was positive.", "Wednesday");
  ResolveClaimTime(TimeAnchor{}, &unresolved);
  CHECK(unresolved.value.display == "Wednesday (unresolved)");
  CHECK(unresolved.value.id == "Wednesday");
}
