#include "extract/date_parser.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include <re2/re2.h>

namespace crosscheck::extract {
namespace {

namespace chr = std::chrono;

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Month number 1-12 from a full name or a 3-4 letter abbreviation; 0 if none.
int MonthOf(std::string_view word) {
  std::string w = Lower(word);
  while (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sept") w = "sep";
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || (w.size() == 3 && kMonths[i].substr(0, 3) == w)) return static_cast<int>(i) + 1;
  }
  return 0;
}

int WeekdayOf(std::string_view word) {
  std::string w = Lower(word);
  for (size_t i = 0; i < kWeekdays.size(); ++i) {
    if (w == kWeekdays[i]) return static_cast<int>(i);
  }
  return -1;
}

std::optional<int> ToDays(int y, int m, int d) {
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int>(chr::sys_days{ymd}.time_since_epoch().count());
}

int LastDayOfMonth(int y, int m) {
  chr::year_month_day_last last{chr::year{y}, chr::month_day_last{chr::month{static_cast<unsigned>(m)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') {
      current.push_back(c);
    } else if (!current.empty()) {
      words.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(current);
  for (std::string& w : words) {
    while (!w.empty() && w.back() == '.' && MonthOf(w) == 0) w.pop_back();
  }
  return words;
}

std::optional<int> DayNumber(std::string_view word) {
  std::string digits;
  for (char c : word) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    else break;
  }
  if (digits.empty() || digits.size() > 2) return std::nullopt;
  int d = std::stoi(digits);
  if (d < 1 || d > 31) return std::nullopt;
  return d;
}

std::optional<int> YearNumber(std::string_view word) {
  if (word.size() != 4) return std::nullopt;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  int y = std::stoi(std::string(word));
  if (y < 1800 || y > 2200) return std::nullopt;
  return y;
}

ParsedDate Span(int first, int last, std::string display) {
  ParsedDate d;
  d.days = {static_cast<double>(first), static_cast<double>(last), false, false};
  d.display = std::move(display);
  return d;
}

ParsedDate Day(int days) {
  ParsedDate d = Span(days, days, DaysToIso(days));
  d.weekday = WeekdayOfDay(days);
  return d;
}

ParsedDate Unanchored(std::string display) {
  ParsedDate d;
  d.days = {-Interval::kInfinity, Interval::kInfinity, true, true};
  d.display = std::move(display) + " (unresolved)";
  d.anchored = false;
  d.relative = true;
  d.rule = "no anchor date: the document has no publication date and states no full date";
  return d;
}

int MonthStart(int y, int m) { return *ToDays(y, m, 1); }
int MonthEnd(int y, int m) { return *ToDays(y, m, LastDayOfMonth(y, m)); }

chr::year_month_day Ymd(int days) { return chr::year_month_day{chr::sys_days{chr::days{days}}}; }
int YearOf(int days) { return static_cast<int>(Ymd(days).year()); }
int MonthOfDay(int days) { return static_cast<int>(static_cast<unsigned>(Ymd(days).month())); }

// Meteorological seasons: the first month of each, and their names.
int SeasonOf(std::string_view word) {
  if (word == "spring") return 3;
  if (word == "summer") return 6;
  if (word == "autumn" || word == "fall") return 9;
  if (word == "winter") return 12;
  return 0;
}

// The season starting in `first_month` of `year` (winter runs into the next year).
std::pair<int, int> SeasonSpan(int year, int first_month) {
  const int from = MonthStart(year, first_month);
  const int last_month = first_month + 2;
  const int to = last_month > 12 ? MonthEnd(year + 1, last_month - 12) : MonthEnd(year, last_month);
  return {from, to};
}

std::string Range(int first, int last) { return DaysToIso(first) + " to " + DaysToIso(last); }

std::string YearMonth(int y, int m) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, m);
  return buffer;
}

}  // namespace

std::optional<int> IsoToDays(std::string_view iso) {
  // Exactly YYYY-MM-DD in ASCII digits: sscanf("%2d") would also take "3x",
  // " 3" or "-1" (found by fuzz/fuzz_values).
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (iso[i] - '0');
    }
  }
  return ToDays(fields[0], fields[1], fields[2]);
}

std::string DaysToIso(int days) {
  chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

const std::string& DateRegex() {
  static const std::string kRegex = [] {
    const std::string month =
        "(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    const std::string day = "\\d{1,2}(?:st|nd|rd|th)?\\b";
    const std::string year = "\\d{4}\\b";
    const std::string month_name =
        "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
    const std::string weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b";
    return "(?:" + month + "\\s+" + day + "(?:,?\\s+" + year + ")?" +     // February 12, 2025
           "|" + day + "\\s+(?:of\\s+)?" + month + "(?:,?\\s+" + year + ")?" +  // 12 February 2025
           "|" + month + "\\s+(?:of\\s+)?" + year +                          // February 2025
           "|\\d{4}-\\d{2}-\\d{2}\\b" +                                      // 2025-02-12
           "|(?i:in)\\s+(?:1[89]|20)\\d{2}\\b" +                              // in 2014
           "|(?:(?i:last|this|next)\\s+)?" + weekday +                       // (last) Wednesday
           "|\\b(?i:in|last|this|next)\\s+" + month_name + "\\b(?:\\s+\\d{4}\\b)?" +      // in February, last March
           "|\\b(?i:(?:earlier\\s+)?this|last|next)\\s+(?i:week|month|year|spring|summer|autumn|fall|winter)\\b" +
           "|(?i:yesterday|today|tomorrow|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening))\\b)";
  }();
  return kRegex;
}

std::string_view WeekdayName(int weekday) {
  static constexpr std::array<std::string_view, 7> kNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                             "Thursday", "Friday", "Saturday"};
  return weekday >= 0 && weekday < 7 ? kNames[static_cast<size_t>(weekday)] : std::string_view();
}

double DaysPerUnit(std::string_view unit) {
  if (unit == "year") return 365.2425;
  if (unit == "month") return 365.2425 / 12;
  if (unit == "week") return 7;
  if (unit == "day") return 1;
  return 0;
}

int WeekdayOfDay(int days) { return static_cast<int>(chr::weekday{chr::sys_days{chr::days{days}}}.c_encoding()); }

bool FutureCueBefore(std::string_view sentence, size_t date_begin) {
  static const re2::RE2 kCue(
      "(?i)(?:\\bwill\\b|\\w'll\\b|\\b(?:is|are|was|were)\\s+(?:set|due|scheduled|slated|expected)\\s+to\\b|"
      "\\bscheduled\\b|\\bplans?\\s+to\\b|\\bplanned\\b|\\bupcoming\\b|\\bgoing\\s+to\\b)");
  date_begin = std::min(date_begin, sentence.size());
  return re2::RE2::PartialMatch(re2::StringPiece(sentence.data(), date_begin), kCue);
}

std::optional<ParsedDate> ParseDate(std::string_view text, std::string_view published, DateOptions options) {
  const std::optional<int> anchor = IsoToDays(published);
  std::vector<std::string> words = Words(text);
  // "on Wednesday", "in 2014": the preposition says nothing about the date.
  while (!words.empty() && (Lower(words[0]) == "on" || Lower(words[0]) == "in")) words.erase(words.begin());
  if (words.empty()) return std::nullopt;
  // ISO
  if (words.size() == 1 && words[0].size() == 10 && words[0][4] == '-') {
    if (auto days = IsoToDays(words[0])) return Day(*days);
    return std::nullopt;
  }
  std::string first = Lower(words[0]);
  // "earlier this week" is this week up to the anchor: read as "this week".
  if (first == "earlier" && words.size() == 3 && Lower(words[1]) == "this") {
    words.erase(words.begin());
    first = "this";
  }
  auto relative = [](ParsedDate d, std::string rule) {
    d.relative = true;
    d.rule = std::move(rule);
    return d;
  };
  if (words.size() == 1 && (first == "yesterday" || first == "today" || first == "tomorrow" || first == "tonight")) {
    if (!anchor) return Unanchored(first);
    const int offset = first == "yesterday" ? -1 : first == "tomorrow" ? 1 : 0;
    return relative(Day(*anchor + offset), first == "yesterday" ? "the day before the anchor"
                                           : first == "tomorrow" ? "the day after the anchor"
                                                                 : "the anchor date");
  }
  if (words.size() == 2 && first == "last" && Lower(words[1]) == "night") {
    if (!anchor) return Unanchored("last night");
    return relative(Day(*anchor - 1), "the evening before the anchor");
  }
  if (words.size() == 2 && first == "this" &&
      (Lower(words[1]) == "morning" || Lower(words[1]) == "afternoon" || Lower(words[1]) == "evening")) {
    if (!anchor) return Unanchored("this " + Lower(words[1]));
    return relative(Day(*anchor), "the anchor date");
  }
  int direction = 0;  // -1 last, 0 this/none, +1 next
  size_t w = 0;
  if (first == "last" || first == "this" || first == "next") {
    direction = first == "last" ? -1 : first == "next" ? 1 : 0;
    w = 1;
  }
  // last/this/next week, month, year, season
  if (w == 1 && words.size() == 2) {
    const std::string unit = Lower(words[1]);
    const std::string phrase = first + " " + unit;
    if (unit == "week" || unit == "month" || unit == "year" || SeasonOf(unit) > 0) {
      if (!anchor) return Unanchored(phrase);
      int from = 0, to = 0;
      std::string rule;
      if (unit == "week") {
        const int monday = *anchor - (WeekdayOfDay(*anchor) + 6) % 7;
        from = monday + 7 * direction;
        to = from + 6;
        rule = "the Monday-to-Sunday week " + std::string(direction < 0 ? "before the anchor's" : direction > 0 ? "after the anchor's" : "of the anchor");
      } else if (unit == "month") {
        int y = YearOf(*anchor), m = MonthOfDay(*anchor) + direction;
        if (m < 1) m += 12, --y;
        if (m > 12) m -= 12, ++y;
        from = MonthStart(y, m);
        to = MonthEnd(y, m);
        rule = std::string("the calendar month ") + (direction < 0 ? "before the anchor's" : direction > 0 ? "after the anchor's" : "of the anchor");
      } else if (unit == "year") {
        const int y = YearOf(*anchor) + direction;
        from = MonthStart(y, 1);
        to = MonthEnd(y, 12);
        rule = std::string("the calendar year ") + (direction < 0 ? "before the anchor's" : direction > 0 ? "after the anchor's" : "of the anchor");
      } else {
        const int season = SeasonOf(unit);
        // The season of this name that contains the anchor or is nearest around it:
        // "this summer" is the anchor year's; "last summer" the latest one over
        // before the anchor; "next summer" the first one starting after it.
        int y = YearOf(*anchor);
        if (season == 12 && MonthOfDay(*anchor) <= 2) --y;  // January and February belong to last December's winter
        auto [f, t] = SeasonSpan(y, season);
        if (direction < 0) {
          while (t >= *anchor) std::tie(f, t) = SeasonSpan(--y, season);
        } else if (direction > 0) {
          while (f <= *anchor) std::tie(f, t) = SeasonSpan(++y, season);
        }
        from = f;
        to = t;
        rule = direction < 0   ? "the latest " + unit + " that ended before the anchor"
               : direction > 0 ? "the first " + unit + " that starts after the anchor"
                               : "the " + unit + " of the anchor's year (meteorological: " + (season == 12 ? "December to February" : season == 3 ? "March to May" : season == 6 ? "June to August" : "September to November") + ")";
      }
      return relative(Span(from, to, phrase + " (" + Range(from, to) + ")"), rule);
    }
  }
  if (w < words.size()) {
    if (int weekday = WeekdayOf(words[w]); weekday >= 0 && w + 1 == words.size()) {
      const std::string name(WeekdayName(weekday));
      if (!anchor) {
        ParsedDate d = Unanchored((direction < 0 ? "last " : direction > 0 ? "next " : "") + name);
        d.weekday = weekday;
        return d;
      }
      const int anchor_weekday = WeekdayOfDay(*anchor);
      const int back = (anchor_weekday - weekday + 7) % 7;
      const int ahead = (weekday - anchor_weekday + 7) % 7;
      int day = 0;
      std::string rule;
      if (direction == -1) {
        day = *anchor - (back == 0 ? 7 : back);
        rule = "the " + name + " before the anchor";
      } else if (direction == 1) {
        day = *anchor + (ahead == 0 ? 7 : ahead);
        rule = "the " + name + " after the anchor";
      } else if (options.future) {
        day = *anchor + ahead;
        rule = "the first " + name + " on or after the anchor (the sentence speaks of the future)";
      } else {
        day = *anchor - back;
        rule = "the most recent " + name + " on or before the anchor";
      }
      ParsedDate parsed = relative(Day(day), rule);
      parsed.display = name + " (" + parsed.display + ")";
      return parsed;
    }
  }
  // "last February", "next March", "this May": a month relative to the anchor.
  if (w == 1 && words.size() == 2 && MonthOf(words[1]) > 0) {
    const int month = MonthOf(words[1]);
    const std::string phrase = first + " " + std::string(kMonths[static_cast<size_t>(month - 1)]);
    if (!anchor) return Unanchored(phrase);
    int y = YearOf(*anchor);
    const int m = MonthOfDay(*anchor);
    if (direction < 0 && month >= m) --y;
    if (direction > 0 && month <= m) ++y;
    if (direction == 0 && options.future && month < m) ++y;
    return relative(Span(MonthStart(y, month), MonthEnd(y, month), YearMonth(y, month)),
                    direction < 0   ? "the latest such month before the anchor's"
                    : direction > 0 ? "the first such month after the anchor's"
                                    : "the month in the anchor's year");
  }
  if (direction != 0) return std::nullopt;
  // Month day [year] / day month [year] / month year / month
  int month = 0;
  std::optional<int> day, year;
  for (const std::string& word : words) {
    if (Lower(word) == "of") continue;
    if (int m = MonthOf(word); m > 0 && month == 0) {
      month = m;
    } else if (auto y = YearNumber(word); y && !year) {
      year = y;
    } else if (auto d = DayNumber(word); d && !day) {
      day = d;
    } else {
      return std::nullopt;
    }
  }
  if (month == 0) {
    if (year && !day) return Span(*ToDays(*year, 1, 1), *ToDays(*year, 12, 31), std::to_string(*year));
    return std::nullopt;
  }
  if (!year) {
    if (!anchor) {
      char buffer[32];
      if (day) {
        std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month, *day);
      } else {
        std::snprintf(buffer, sizeof buffer, "--%02d", month);
      }
      return Unanchored(buffer);
    }
    // A month (and day) without a year: the occurrence nearest the anchor.
    const int y = YearOf(*anchor);
    std::optional<int> best;
    for (int candidate : {y - 1, y, y + 1}) {
      auto days = ToDays(candidate, month, day.value_or(1));
      if (!days) continue;
      // A month is near when any of its days is: compare with its middle.
      const int middle = day ? *days : *days + 14;
      if (!best || std::abs(middle - *anchor) < std::abs((day ? *best : *best + 14) - *anchor)) best = days;
    }
    if (!best) return std::nullopt;
    year = YearOf(*best);
    if (day) return relative(Day(*best), "the occurrence nearest the anchor");
    return relative(Span(MonthStart(*year, month), MonthEnd(*year, month), YearMonth(*year, month)),
                    "the occurrence nearest the anchor");
  }
  if (day) {
    auto days = ToDays(*year, month, *day);
    if (!days) return std::nullopt;
    return Day(*days);
  }
  return Span(MonthStart(*year, month), MonthEnd(*year, month), YearMonth(*year, month));
}

}  // namespace crosscheck::extract
