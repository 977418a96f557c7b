#include "extract/date_parser.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>

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

ParsedDate Day(int days) { return {{static_cast<double>(days), static_cast<double>(days), false, false}, DaysToIso(days), true}; }

ParsedDate Unanchored(std::string display) {
  return {{-Interval::kInfinity, Interval::kInfinity, true, true}, std::move(display) + " (unanchored)", false};
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
    const std::string weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b";
    return "(?:" + month + "\\s+" + day + "(?:,?\\s+" + year + ")?" +     // February 12, 2025
           "|" + day + "\\s+(?:of\\s+)?" + month + "(?:,?\\s+" + year + ")?" +  // 12 February 2025
           "|" + month + "\\s+(?:of\\s+)?" + year +                          // February 2025
           "|\\d{4}-\\d{2}-\\d{2}\\b" +                                      // 2025-02-12
           "|(?i:in)\\s+(?:1[89]|20)\\d{2}\\b" +                              // in 2014
           "|(?:(?i:last|this|next)\\s+)?" + weekday +                       // (last) Wednesday
           "|(?i:yesterday|today|tomorrow|last\\s+week|this\\s+week|last\\s+month))";
  }();
  return kRegex;
}

std::optional<ParsedDate> ParseDate(std::string_view text, std::string_view published) {
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
  // Relative expressions need the publication date.
  auto relative = [&](int offset_days, std::string what) -> ParsedDate {
    if (!anchor) return Unanchored(std::move(what));
    return Day(*anchor + offset_days);
  };
  if (first == "yesterday") return relative(-1, "yesterday");
  if (first == "today") return relative(0, "today");
  if (first == "tomorrow") return relative(1, "tomorrow");
  if ((first == "last" || first == "this") && words.size() == 2 && (Lower(words[1]) == "week" || Lower(words[1]) == "month")) {
    const bool last = first == "last";
    const bool week = Lower(words[1]) == "week";
    if (!anchor) return Unanchored(first + " " + Lower(words[1]));
    int span = week ? 7 : 31;
    int end = last ? *anchor - 1 : *anchor;
    return ParsedDate{{static_cast<double>(end - span + 1), static_cast<double>(end), false, false},
                      first + " " + Lower(words[1]) + " (" + DaysToIso(end - span + 1) + " to " + DaysToIso(end) + ")",
                      true};
  }
  size_t w = 0;
  int direction = 0;  // -1 last, 0 this/none, +1 next
  if (first == "last" || first == "this" || first == "next") {
    direction = first == "last" ? -1 : first == "next" ? 1 : 0;
    w = 1;
  }
  if (w < words.size()) {
    if (int weekday = WeekdayOf(words[w]); weekday >= 0) {
      std::string name = words[w];
      if (!anchor) return Unanchored(name);
      // A bare weekday in news means the nearest such day to publication:
      // "on Tuesday" in Wednesday's paper is yesterday, "on Friday" is in two days.
      const int anchor_weekday = static_cast<int>(chr::weekday{chr::sys_days{chr::days{*anchor}}}.c_encoding());
      const int back = (anchor_weekday - weekday + 7) % 7;
      const int ahead = (weekday - anchor_weekday + 7) % 7;
      int day = back <= ahead ? *anchor - back : *anchor + ahead;
      if (direction == -1) day = *anchor - (back == 0 ? 7 : back);
      if (direction == 1) day = *anchor + (ahead == 0 ? 7 : ahead);
      ParsedDate parsed = Day(day);
      parsed.display = name + " (" + parsed.display + ")";
      return parsed;
    }
  }
  // Month day [year] / day month [year] / month year
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
    if (year && !day) {
      auto from = ToDays(*year, 1, 1);
      auto to = ToDays(*year, 12, 31);
      return ParsedDate{{static_cast<double>(*from), static_cast<double>(*to), false, false}, std::to_string(*year), true};
    }
    return std::nullopt;
  }
  if (!year) {
    if (!anchor) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month, day.value_or(1));
      return Unanchored(buffer);
    }
    // A month and day without a year: the occurrence nearest the publication date.
    chr::year_month_day pub{chr::sys_days{chr::days{*anchor}}};
    int y = static_cast<int>(pub.year());
    std::optional<int> best;
    for (int candidate : {y - 1, y, y + 1}) {
      auto days = ToDays(candidate, month, day.value_or(1));
      if (days && (!best || std::abs(*days - *anchor) < std::abs(*best - *anchor))) best = days;
    }
    if (!best) return std::nullopt;
    year = static_cast<int>(chr::year_month_day{chr::sys_days{chr::days{*best}}}.year());
  }
  if (day) {
    auto days = ToDays(*year, month, *day);
    if (!days) return std::nullopt;
    return Day(*days);
  }
  auto from = ToDays(*year, month, 1);
  auto to = ToDays(*year, month, LastDayOfMonth(*year, month));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", *year, month);
  return ParsedDate{{static_cast<double>(*from), static_cast<double>(*to), false, false}, buffer, true};
}

}  // namespace crosscheck::extract
