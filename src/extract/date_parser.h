// Dates as reporters write them, as intervals of days since 1970-01-01.
//
//   "February 12, 2025", "Feb. 12", "12 February 2025", "2025-02-12" -> one day
//   "February 2025", "in 2014"                                        -> the month, the year
//   "on Wednesday", "Wednesday's call", "yesterday", "last week", "this summer",
//   "last month", "in February"                 -> resolved against an anchor date
//                                                  (the publication date, see time_anchor.h)
// Rules for relative dates (news convention; docs/templates.md "Dates"):
//   a weekday is the most recent such day on or before the anchor ("on Wednesday"
//   in Wednesday's paper is that day), unless "next" or a future cue ("will",
//   "is set to", see FutureCueBefore) sends it forward; "last Wednesday" is
//   strictly before, "next Wednesday" strictly after. Weeks run Monday to
//   Sunday; "this week" is the anchor's week, "last week" the one before.
//   Seasons are meteorological, northern hemisphere: spring March-May, summer
//   June-August, autumn (fall) September-November, winter December-February.
//   A month or month and day without a year is the occurrence nearest the anchor.
// A date that cannot be anchored (a weekday with no anchor date) becomes the
// unbounded interval: compatible with anything, in conflict with nothing;
// `weekday` still says which weekday it names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crosscheck/claim.h"

namespace crosscheck::extract {

struct ParsedDate {
  Interval days;        // [first, last] day, closed
  std::string display;  // "2025-02-12", "2025-02", "Wednesday (unresolved)"
  bool anchored = true; // false: relative, and there was no anchor date
  bool relative = false;  // needed an anchor date ("Wednesday", "last week")
  int weekday = -1;     // 0 = Sunday ... 6 = Saturday when a weekday is named or the date is one day
  std::string rule;     // how a relative date was resolved: "the most recent Wednesday on or before the anchor"
};

struct DateOptions {
  bool future = false;  // the sentence speaks of the future: bare weekdays and months go forward
};

// RE2 fragment (no capturing groups) matching the date expressions above.
const std::string& DateRegex();

// `published` is the document's ISO date or "". Returns nullopt for text that
// is not a date.
std::optional<ParsedDate> ParseDate(std::string_view text, std::string_view published, DateOptions options = {});

// True when the words before a date in its sentence put it in the future:
// "will", "'ll", "is set to", "are due to", "scheduled", "plans to",
// "upcoming". "would" is not a cue: "he said they would meet on Friday" in
// Saturday's paper is yesterday.
bool FutureCueBefore(std::string_view sentence, size_t date_begin);

// Days in one base unit of an elapsed-time quantity ("year" -> 365.2425,
// "month" -> 30.436875, "week" -> 7, "day" -> 1); 0 for other units.
double DaysPerUnit(std::string_view unit);

// Weekday name ("Wednesday") of 0 = Sunday ... 6 = Saturday; "" otherwise.
std::string_view WeekdayName(int weekday);
int WeekdayOfDay(int days);

// Days since 1970-01-01 of an ISO "YYYY-MM-DD"; nullopt when malformed.
std::optional<int> IsoToDays(std::string_view iso);
std::string DaysToIso(int days);

}  // namespace crosscheck::extract
