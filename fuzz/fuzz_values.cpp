// Fuzz target: the value parsers: durations and counts (with their regex
// first, as the extractor does, and on arbitrary text), numbers, and dates
// anchored to a publication date. The first byte picks the parser.
#include <re2/re2.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/date_parser.h"
#include "extract/quantity.h"
#include "fuzz_check.h"

namespace {

using crosscheck::extract::QuantitySpec;

// The same units as templates/types/duration.toml and count.toml.
const QuantitySpec& Duration() {
  static const QuantitySpec spec = [] {
    QuantitySpec s;
    s.name = "duration";
    s.base_unit = "min";
    s.units = {{"minute", 1, {"minutes", "min", "mins"}, true},
               {"hour", 60, {"hours", "hr", "hrs"}, true},
               {"second", 1.0 / 60, {"seconds", "sec", "secs"}, false},
               {"day", 1440, {"days"}, true}};
    return s;
  }();
  return spec;
}

const QuantitySpec& Count() {
  static const QuantitySpec spec = [] {
    QuantitySpec s;
    s.name = "count";
    s.unit_required = false;
    s.count_words = {{"a few", {2, 5, false, false}}, {"dozens", {24, 144, false, false}}};
    return s;
  }();
  return spec;
}

void CheckQuantity(const std::string& text, const QuantitySpec& spec, const re2::RE2& regex) {
  std::string why;
  if (auto v = crosscheck::extract::ParseQuantity(text, spec, &why)) {
    FUZZ_CHECK(!std::isnan(v->lo) && !std::isnan(v->hi));
    FUZZ_CHECK(v->lo <= v->hi);
    (void)crosscheck::extract::FormatQuantity(*v, spec.base_unit);
  }
  // What the extractor does: parse what the regex matched.
  re2::StringPiece input(text), match;
  while (re2::RE2::FindAndConsume(&input, regex, &match)) {
    if (match.empty()) {
      if (input.empty()) break;
      input.remove_prefix(1);
      continue;
    }
    if (auto v = crosscheck::extract::ParseQuantity(std::string(match), spec, &why)) FUZZ_CHECK(v->lo <= v->hi);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 4096) return 0;
  static const re2::RE2 duration_re("(" + crosscheck::extract::QuantityRegex(Duration()) + ")");
  static const re2::RE2 count_re("(" + crosscheck::extract::QuantityRegex(Count()) + ")");
  static const re2::RE2 date_re("(" + crosscheck::extract::DateRegex() + ")");
  FUZZ_CHECK(duration_re.ok() && count_re.ok() && date_re.ok());
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: CheckQuantity(text, Duration(), duration_re); break;
    case 1: CheckQuantity(text, Count(), count_re); break;
    case 2: {
      if (auto n = crosscheck::extract::ParseNumber(text)) FUZZ_CHECK(!std::isnan(*n));
      break;
    }
    case 3: {
      // The text may start with its own publication date: "2025-02-12|text".
      std::string published = "2025-02-12";
      std::string rest = text;
      if (text.size() >= 11 && text[10] == '|') {
        published = text.substr(0, 10);
        rest = text.substr(11);
      }
      if (auto iso = crosscheck::extract::IsoToDays(published)) {
        FUZZ_CHECK(crosscheck::extract::DaysToIso(*iso) == published);
      }
      for (const std::string& t : {rest, std::string()}) {
        if (auto d = crosscheck::extract::ParseDate(t, published)) FUZZ_CHECK(d->days.lo <= d->days.hi);
      }
      re2::StringPiece input(rest), match;
      while (re2::RE2::FindAndConsume(&input, date_re, &match) && !match.empty()) {
        if (auto d = crosscheck::extract::ParseDate(std::string(match), published)) FUZZ_CHECK(d->days.lo <= d->days.hi);
      }
      break;
    }
  }
  return 0;
}
