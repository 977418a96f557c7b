// Dates as reporters write them, as intervals of days since 1970-01-01.
//
//   "February 12, 2025", "Feb. 12", "12 February 2025", "2025-02-12" -> one day
//   "February 2025", "in 2014"                                        -> the month, the year
//   "on Wednesday", "yesterday", "last week"   -> resolved against the publication date
//                                                (a bare weekday is the nearest such day)
// A date that cannot be anchored (a weekday with no publication date) becomes
// the unbounded interval: compatible with anything, in conflict with nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crosscheck/claim.h"

namespace crosscheck::extract {

struct ParsedDate {
  Interval days;        // [first, last] day, closed
  std::string display;  // "2025-02-12", "2025-02", "Wednesday (unanchored)"
  bool anchored = true;
};

// RE2 fragment (no capturing groups) matching the date expressions above.
const std::string& DateRegex();

// `published` is the document's ISO date or "". Returns nullopt for text that
// is not a date.
std::optional<ParsedDate> ParseDate(std::string_view text, std::string_view published);

// Days since 1970-01-01 of an ISO "YYYY-MM-DD"; nullopt when malformed.
std::optional<int> IsoToDays(std::string_view iso);
std::string DaysToIso(int days);

}  // namespace crosscheck::extract
