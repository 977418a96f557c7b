// Quantities: numbers with units as reporters write them, turned into intervals.
//
//   "one and a half hours" -> [90, 90] min      "over an hour"   -> (60, inf) min
//   "roughly 90 minutes"   -> [81, 99] min      "nearly two hours" -> [102, 120) min
//   "1.5-hour", "45-minute", "between 60 and 90 minutes", "dozens", "at least 10"
//
// A QuantitySpec (from a value type in TOML: duration, distance, money, a
// count...) lists units with their factors to the base unit. The same spec
// yields the RE2 fragment that finds such phrases and the parser that reads
// them, so what is matched is always what can be parsed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/claim.h"

namespace crosscheck::extract {

struct QuantityUnit {
  std::string name;                  // as shown in reports, e.g. "min"
  double factor = 1;                 // multiply by this to get the base unit
  std::vector<std::string> aliases;  // words that name it: "minute", "minutes", "mins"
  // Whether "a"/"an" before it means one: "an hour" yes, "a second call" no
  // (there "second" is an ordinal). Default: true.
  bool article = true;
  // Written before the number: "$5 million", "€3.2 billion". Default: false.
  bool prefix = false;
};

// A vague count word and what it means: "dozens" -> [24, 144] (as declared in
// TOML); followed by a scale, it scales: "several hundred" -> [300, 900].
struct CountWord {
  std::string word;
  Interval interval;
};

struct QuantitySpec {
  std::string name;       // value type name, e.g. "duration"
  std::string base_unit;  // unit of the intervals, e.g. "min"
  std::vector<QuantityUnit> units;
  std::vector<CountWord> count_words;  // only for unitless counts
  bool unit_required = true;  // false for counts: "four people", "at least 10"
  // Relative half-width of "about"/"approximately" ranges. Default 0.1.
  double approximation = 0.1;
  // Relative tolerance when comparing single reported figures, for rounding:
  // "an hour" does not contradict "over an hour". 0 makes 26 and 27 (years)
  // disagree. Default 0.025.
  double tolerance = 0.025;
  // For unitless quantities: whether a bare "a"/"an" is one ("a man was
  // killed"). Default false: "approved a bill" names no number.
  bool article_is_one = false;
};

// The RE2 fragment (no capturing groups, case-insensitive) matching a quantity
// phrase of this spec, including qualifiers ("more than", "nearly").
std::string QuantityRegex(const QuantitySpec& spec);

// Parses a phrase matched by QuantityRegex. Returns nullopt, with `why` set,
// when the phrase does not read as a quantity of this spec.
std::optional<Interval> ParseQuantity(std::string_view text, const QuantitySpec& spec, std::string* why);

// Readable form of an interval: "90 min", "> 60 min", ">= 10", "81-99 min", "[102, 120) min".
std::string FormatQuantity(const Interval& interval, std::string_view unit);

// Reads a number written in digits or words: "1,612", "1.5", "twenty-three",
// "a dozen", "one and a half", "two hundred". Returns nullopt when it is not one.
std::optional<double> ParseNumber(std::string_view text);

// The RE2 fragment matching a number in digits or words (case-insensitive).
// A bare "a"/"an" is not a number here; "a dozen", "a hundred" are.
const std::string& NumberRegex();

}  // namespace crosscheck::extract
