#include "extract/quantity.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace crosscheck::extract {
namespace {

constexpr std::array<std::string_view, 20> kSmall = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty", "forty", "fifty",
                                                    "sixty", "seventy", "eighty", "ninety"};

enum class Qualifier { kExact, kApprox, kNearly, kOver, kJustOver, kAtLeast, kUnder, kAtMost, kBetween };

struct QualifierPhrase {
  std::string_view phrase;
  Qualifier qualifier;
};

// Longest phrases first, so "just over" wins over "over".
constexpr std::array<QualifierPhrase, 41> kQualifiers = {{
    {"a little more than", Qualifier::kJustOver},
    {"slightly more than", Qualifier::kJustOver},
    {"just more than", Qualifier::kJustOver},
    {"a little over", Qualifier::kJustOver},
    {"slightly over", Qualifier::kJustOver},
    {"just over", Qualifier::kJustOver},
    {"well over", Qualifier::kOver},
    {"well above", Qualifier::kOver},
    {"more than", Qualifier::kOver},
    {"upwards of", Qualifier::kOver},
    {"in excess of", Qualifier::kOver},
    {"exceeding", Qualifier::kOver},
    {"over", Qualifier::kOver},
    {"above", Qualifier::kOver},
    {"no less than", Qualifier::kAtLeast},
    {"no fewer than", Qualifier::kAtLeast},
    {"not less than", Qualifier::kAtLeast},
    {"a minimum of", Qualifier::kAtLeast},
    {"at least", Qualifier::kAtLeast},
    {"just under", Qualifier::kNearly},
    {"not quite", Qualifier::kNearly},
    {"nearly", Qualifier::kNearly},
    {"almost", Qualifier::kNearly},
    {"less than", Qualifier::kUnder},
    {"fewer than", Qualifier::kUnder},
    {"under", Qualifier::kUnder},
    {"below", Qualifier::kUnder},
    {"no more than", Qualifier::kAtMost},
    {"not more than", Qualifier::kAtMost},
    {"a maximum of", Qualifier::kAtMost},
    {"as many as", Qualifier::kAtMost},
    {"as much as", Qualifier::kAtMost},
    {"at most", Qualifier::kAtMost},
    {"up to", Qualifier::kAtMost},
    {"approximately", Qualifier::kApprox},
    {"an estimated", Qualifier::kApprox},
    {"estimated", Qualifier::kApprox},
    {"roughly", Qualifier::kApprox},
    {"around", Qualifier::kApprox},
    {"about", Qualifier::kApprox},
    {"close to", Qualifier::kApprox},
}};
constexpr std::array<std::string_view, 3> kMoreApprox = {"some", "approx", "circa"};

std::string Alternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += '|';
    std::string quoted = RE2::QuoteMeta(w);
    // A space in a phrase matches any run of spaces or hyphens.
    std::string flexible;
    for (size_t i = 0; i < quoted.size(); ++i) {
      if (quoted[i] == '\\' && i + 1 < quoted.size() && quoted[i + 1] == ' ') {
        flexible += "[\\s-]+";
        ++i;
      } else {
        flexible += quoted[i];
      }
    }
    out += flexible;
  }
  return out;
}

std::string QualifierRegex() {
  std::vector<std::string> phrases;
  for (const auto& q : kQualifiers) phrases.emplace_back(q.phrase);
  for (std::string_view w : kMoreApprox) phrases.emplace_back(w);
  phrases.emplace_back("between");
  return "\\b(?:(?:roughly|approximately|about|just|well)\\s+)?(?:" + Alternation(phrases) + ")";
}

std::vector<std::string> Tokenise(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(current);
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      flush();
    } else if (c == '-') {
      // "60-90" is a range; any other hyphen just separates words ("45-minute").
      const bool digit_before = !current.empty() && std::isdigit(static_cast<unsigned char>(current.back()));
      const bool digit_after = i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
      flush();
      if (digit_before && digit_after) tokens.emplace_back("to");
    } else if (c == ',' && !(i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
                             !current.empty() && std::isdigit(static_cast<unsigned char>(current.back())))) {
      flush();  // a comma between words, not a thousands separator
    } else {
      current.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  flush();
  return tokens;
}

int IndexOf(std::string_view word, const auto& list) {
  auto it = std::find(list.begin(), list.end(), word);
  return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

bool IsDigits(std::string_view t) {
  return !t.empty() && std::isdigit(static_cast<unsigned char>(t[0]));
}

double Scale(std::string_view t) {
  if (t == "hundred") return 100;
  if (t == "thousand") return 1e3;
  if (t == "million") return 1e6;
  if (t == "billion") return 1e9;
  return 0;
}

bool IsNumberWord(std::string_view t) {
  return IndexOf(t, kSmall) >= 0 || IndexOf(t, kTens) >= 0 || Scale(t) > 0 || t == "dozen";
}

std::optional<double> ParseDigits(std::string_view t) {
  std::string cleaned;
  for (char c : t) {
    if (c != ',') cleaned.push_back(c);
  }
  double value = 0;
  auto result = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), value);
  if (result.ec != std::errc() || result.ptr != cleaned.data() + cleaned.size()) return std::nullopt;
  return value;
}

// Reads a number starting at tokens[*i]; advances *i past it.
std::optional<double> ReadNumber(const std::vector<std::string>& tokens, size_t* i) {
  const size_t n = tokens.size();
  if (*i >= n) return std::nullopt;
  const std::string& first = tokens[*i];
  // "half an hour", "a half-hour"
  if (first == "half") {
    ++*i;
    if (*i < n && (tokens[*i] == "a" || tokens[*i] == "an")) ++*i;
    return 0.5;
  }
  if ((first == "a" || first == "an") && *i + 1 < n && tokens[*i + 1] == "half") {
    *i += 2;
    return 0.5;
  }
  if (IsDigits(first)) {
    auto value = ParseDigits(first);
    if (!value) return std::nullopt;
    ++*i;
    if (*i < n && Scale(tokens[*i]) > 0) *value *= Scale(tokens[(*i)++]);
    return value;
  }
  double total = 0;
  double current = 0;
  bool any = false;
  while (*i < n) {
    const std::string& t = tokens[*i];
    if (int small = IndexOf(t, kSmall); small >= 0) {
      current += small;
    } else if (int tens = IndexOf(t, kTens); tens >= 0) {
      current += 20 + 10 * tens;
    } else if (t == "hundred") {
      current = (current == 0 ? 1 : current) * 100;
    } else if (t == "thousand" || t == "million" || t == "billion") {
      total += (current == 0 ? 1 : current) * Scale(t);
      current = 0;
    } else if (t == "dozen") {
      current = (current == 0 ? 1 : current) * 12;
    } else if ((t == "a" || t == "an") && !any) {
      current = 1;  // "an hour", "a dozen"
    } else if (t == "and" && any && *i + 1 < n && IsNumberWord(tokens[*i + 1]) && (current >= 100 || total >= 1000)) {
      // "one hundred and five", "two thousand and five"
    } else {
      break;
    }
    any = true;
    ++*i;
  }
  if (!any) return std::nullopt;
  return total + current;
}

// "and a half", "and a quarter", "and three quarters"
double ReadFraction(const std::vector<std::string>& tokens, size_t* i) {
  const size_t n = tokens.size();
  if (*i + 2 < n && tokens[*i] == "and" && tokens[*i + 1] == "a") {
    if (tokens[*i + 2] == "half") {
      *i += 3;
      return 0.5;
    }
    if (tokens[*i + 2] == "quarter") {
      *i += 3;
      return 0.25;
    }
  }
  if (*i + 2 < n && tokens[*i] == "and" && tokens[*i + 1] == "three" &&
      (tokens[*i + 2] == "quarters" || tokens[*i + 2] == "quarter")) {
    *i += 3;
    return 0.75;
  }
  return 0;
}

const QuantityUnit* ReadUnit(const std::vector<std::string>& tokens, size_t* i, const QuantitySpec& spec) {
  if (*i >= tokens.size()) return nullptr;
  for (const QuantityUnit& unit : spec.units) {
    // Aliases may be phrases ("square miles"): compare token by token.
    auto matches = [&](const std::string& alias) {
      size_t k = *i;
      size_t start = 0;
      while (start <= alias.size()) {
        size_t space = alias.find(' ', start);
        std::string word = alias.substr(start, space == std::string::npos ? std::string::npos : space - start);
        std::string lower;
        for (char c : word) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (k >= tokens.size() || tokens[k] != lower) return size_t{0};
        ++k;
        if (space == std::string::npos) break;
        start = space + 1;
      }
      return k - *i;
    };
    for (const std::string& alias : unit.aliases) {
      if (size_t used = matches(alias); used > 0) {
        *i += used;
        return &unit;
      }
    }
    if (size_t used = matches(unit.name); used > 0) {
      *i += used;
      return &unit;
    }
  }
  return nullptr;
}

Interval Apply(Qualifier q, double lo, double hi, double approx) {
  switch (q) {
    case Qualifier::kExact:
    case Qualifier::kBetween:
      return {lo, hi, false, false};
    case Qualifier::kApprox:
      return {lo * (1 - approx), hi * (1 + approx), false, false};
    case Qualifier::kNearly:
      return {lo * (1 - 1.5 * approx), hi, false, true};
    case Qualifier::kOver:
      return {hi, Interval::kInfinity, true, true};
    case Qualifier::kJustOver:
      return {hi, hi * (1 + 2 * approx), true, false};
    case Qualifier::kAtLeast:
      return {lo, Interval::kInfinity, false, true};
    case Qualifier::kUnder:
      return {0, lo, false, true};
    case Qualifier::kAtMost:
      return {0, hi, false, false};
  }
  return {lo, hi, false, false};
}

std::string FormatNumber(double v) {
  if (std::isinf(v)) return "inf";
  char buffer[32];
  double rounded = std::round(v * 100) / 100;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
    // Thousands separators from 10,000 up: "20,000" reads better than "20000".
    std::string digits(buffer);
    if (std::fabs(rounded) < 10000) return digits;
    const size_t sign = digits[0] == '-' ? 1 : 0;
    for (size_t pos = digits.size(); pos > sign + 3; pos -= 3) digits.insert(pos - 3, ",");
    return digits;
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
    std::string s(buffer);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
  }
  return buffer;
}

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

const std::string& NumberRegex() {
  static const std::string kRegex = [] {
    std::vector<std::string> words;
    for (auto w : kSmall) words.emplace_back(w);
    for (auto w : kTens) words.emplace_back(w);
    for (auto w : {"hundred", "thousand", "million", "billion", "dozen"}) words.emplace_back(w);
    const std::string word = "(?:" + Alternation(words) + ")";
    const std::string digits = "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    // \b first: a number never starts inside a word ("man and 27").
    return "(?i:\\b(?:" + digits + "(?:[\\s-]+(?:hundred|thousand|million|billion))?|" + word +
           "(?:[\\s-]+(?:and[\\s-]+)?" + word + ")*|an?[\\s-]+(?:dozen|hundred|thousand|million|billion)(?:[\\s-]+(?:and[\\s-]+)?" +
           word + ")*)\\b)";
  }();
  return kRegex;
}

std::string QuantityRegex(const QuantitySpec& spec) {
  const std::string& number = NumberRegex();
  const std::string fraction = "(?:[\\s-]+and[\\s-]+(?:a[\\s-]+half|a[\\s-]+quarter|three[\\s-]+quarters?))";
  const std::string half = "\\b(?:half[\\s-]+an?|an?[\\s-]+half|half)";
  const std::string article = "\\ban?";  // "an hour": one of the unit
  const std::string range = "(?:\\s*(?:-|to|and|or)\\s*" + number + ")";
  const std::string qualifier = "(?:" + QualifierRegex() + "\\s+)?";
  std::vector<std::string> aliases;
  std::vector<std::string> prefixes;
  for (const QuantityUnit& u : spec.units) {
    if (u.prefix) {
      prefixes.insert(prefixes.end(), u.aliases.begin(), u.aliases.end());
      continue;
    }
    aliases.push_back(u.name);
    aliases.insert(aliases.end(), u.aliases.begin(), u.aliases.end());
  }
  std::string out = "(?i:" + qualifier + "(?:";
  if (!prefixes.empty()) {
    // "$5 million", "US$ 2.5 billion", "$1m", "$2.5bn"
    const std::string abbreviated = "(?:\\d+(?:\\.\\d+)?(?:m|mn|bn|b|k)\\b)";
    out += "(?:" + Alternation(prefixes) + ")\\s*(?:" + abbreviated + "|" + number + range + "?)";
    if (!aliases.empty() || !spec.unit_required) out += "|";
  }
  if (!aliases.empty()) {
    // A unit that ends in a symbol ("%") has no word boundary after it: "48%." ends the sentence.
    std::vector<std::string> word_units;
    std::vector<std::string> symbol_units;
    for (const std::string& a : aliases) {
      (!a.empty() && IsAsciiAlnum(a.back()) ? word_units : symbol_units).push_back(a);
    }
    std::string units = "(?:";
    if (!word_units.empty()) units += "(?:" + Alternation(word_units) + ")\\b";
    if (!symbol_units.empty()) units += (word_units.empty() ? "" : "|") + Alternation(symbol_units);
    units += ")";
    out += "(?:" + number + fraction + "?" + range + "?|" + half + "|" + article + ")[\\s-]*" + units + "(?:-long)?" +
           fraction + "?(?:,?\\s+(?:and\\s+)?" + number + "[\\s-]+" + units + ")?";
    out += "|\\b" + units + "-long";
    out += "|\\b" + units + fraction;  // "an hour-and-a-half call" without the article
  }
  if (!spec.unit_required) {
    // Count words first: at the same position "a few dozen" must win over "a" (one).
    std::vector<std::string> counts;
    for (const CountWord& c : spec.count_words) counts.push_back(c.word);
    if (!aliases.empty()) out += "|";
    if (!counts.empty()) {
      out += "\\b(?:" + Alternation(counts) + ")\\b(?:[\\s-]+(?:hundred|thousand|million|dozen)\\b)?|";
    }
    out += number + range + "?";
    if (spec.article_is_one) out += "|" + article + "\\b";
  }
  out += "))";
  return out;
}

namespace {

// "48%", "5km": a unit glued after the digits becomes a token of its own.
void SplitGluedUnits(std::vector<std::string>* tokens, const QuantitySpec& spec) {
  for (size_t t = 0; t < tokens->size(); ++t) {
    std::string& token = (*tokens)[t];
    if (token.empty() || !std::isdigit(static_cast<unsigned char>(token[0]))) continue;
    const size_t digits_end = token.find_first_not_of("0123456789.,");
    if (digits_end == std::string::npos) continue;
    const std::string suffix = token.substr(digits_end);
    bool is_unit = false;
    for (const QuantityUnit& u : spec.units) {
      if (u.prefix) continue;
      for (const std::string& name : u.aliases) is_unit = is_unit || LowerAscii(name) == suffix;
      is_unit = is_unit || LowerAscii(u.name) == suffix;
    }
    if (!is_unit) continue;
    token.erase(digits_end);
    tokens->insert(tokens->begin() + static_cast<long>(t) + 1, suffix);
    ++t;
  }
}

}  // namespace

std::optional<Interval> ParseQuantity(std::string_view text, const QuantitySpec& spec, std::string* why) {
  std::vector<std::string> tokens = Tokenise(text);
  SplitGluedUnits(&tokens, spec);
  size_t i = 0;
  Qualifier qualifier = Qualifier::kExact;
  // Qualifiers, longest phrase first; "roughly about" reads as one approximation.
  for (bool found = true; found && i < tokens.size();) {
    found = false;
    for (const auto& q : kQualifiers) {
      std::vector<std::string> words = Tokenise(q.phrase);
      if (i + words.size() <= tokens.size() && std::equal(words.begin(), words.end(), tokens.begin() + static_cast<long>(i))) {
        if (qualifier == Qualifier::kExact || qualifier == Qualifier::kApprox) qualifier = q.qualifier;
        i += words.size();
        found = true;
        break;
      }
    }
    if (!found && i < tokens.size()) {
      if (IndexOf(tokens[i], kMoreApprox) >= 0) {
        qualifier = qualifier == Qualifier::kExact ? Qualifier::kApprox : qualifier;
        ++i;
        found = true;
      } else if (tokens[i] == "between" || tokens[i] == "just" || tokens[i] == "well") {
        if (tokens[i] == "between") qualifier = Qualifier::kBetween;
        ++i;
        found = true;
      }
    }
  }
  // Vague counts: "dozens", "hundreds", "several", "several hundred" (times the scale).
  if (i < tokens.size()) {
    for (const CountWord& c : spec.count_words) {
      std::vector<std::string> words = Tokenise(c.word);
      if (i + words.size() <= tokens.size() && std::equal(words.begin(), words.end(), tokens.begin() + static_cast<long>(i))) {
        Interval base = c.interval;
        const size_t next = i + words.size();
        if (next < tokens.size()) {
          const double scale = tokens[next] == "dozen" ? 12 : Scale(tokens[next]);
          if (scale > 0) base = {base.lo * scale, base.hi * scale, base.lo_open, base.hi_open};
        }
        if (qualifier == Qualifier::kOver || qualifier == Qualifier::kAtLeast) base.hi = Interval::kInfinity, base.hi_open = true;
        return base;
      }
    }
  }
  std::optional<double> lo;
  std::optional<double> hi;
  const QuantityUnit* unit = nullptr;
  // A unit written before the number: "$5", "US$ 5", "€3.2".
  if (i < tokens.size()) {
    for (const QuantityUnit& u : spec.units) {
      if (!u.prefix || unit != nullptr) continue;
      for (const std::string& alias : u.aliases) {
        std::string lower;
        for (char c : alias) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (!lower.empty() && tokens[i].rfind(lower, 0) == 0) {
          unit = &u;
          tokens[i].erase(0, lower.size());
          if (tokens[i].empty()) tokens.erase(tokens.begin() + static_cast<long>(i));
          // "$1m", "$2.5bn", "$10k": an abbreviated scale glued to the digits.
          if (i < tokens.size() && !tokens[i].empty() && std::isdigit(static_cast<unsigned char>(tokens[i][0]))) {
            std::string& t = tokens[i];
            const size_t digits_end = t.find_first_not_of("0123456789.,");
            if (digits_end != std::string::npos) {
              const std::string suffix = t.substr(digits_end);
              const char* scale = suffix == "m" || suffix == "mn" ? "million"
                                  : suffix == "bn" || suffix == "b" ? "billion"
                                  : suffix == "k"                   ? "thousand"
                                                                    : nullptr;
              if (scale != nullptr) {
                t.erase(digits_end);
                tokens.insert(tokens.begin() + static_cast<long>(i) + 1, scale);
              }
            }
          }
          break;
        }
      }
    }
  }
  const bool article = i < tokens.size() && (tokens[i] == "a" || tokens[i] == "an");
  lo = ReadNumber(tokens, &i);
  if (!lo && unit != nullptr) {
    *why = "no number after the unit in '" + std::string(text) + "'";
    return std::nullopt;
  }
  if (!lo) {
    // "hour-long": a unit with no number means one of it.
    unit = ReadUnit(tokens, &i, spec);
    if (unit == nullptr) {
      *why = "no number in '" + std::string(text) + "'";
      return std::nullopt;
    }
    lo = 1;
  } else {
    *lo += ReadFraction(tokens, &i);
    if (i + 1 < tokens.size() && (tokens[i] == "to" || tokens[i] == "and" || tokens[i] == "or")) {
      size_t j = i + 1;
      if (auto second = ReadNumber(tokens, &j)) {
        hi = *second + ReadFraction(tokens, &j);
        i = j;
      }
    }
  }
  if (unit == nullptr || unit->prefix) {
    if (const QuantityUnit* after = unit == nullptr ? ReadUnit(tokens, &i, spec) : nullptr) unit = after;
    if (unit == nullptr && spec.unit_required) {
      *why = "no unit of " + spec.name + " after the number in '" + std::string(text) + "'";
      return std::nullopt;
    }
  }
  if (article && unit == nullptr && !spec.article_is_one && *lo == 1) {
    *why = "'" + std::string(text) + "' names no number (a bare \"a\" is not one for " + spec.name + ")";
    return std::nullopt;
  }
  if (article && unit != nullptr && !unit->article && *lo == 1) {
    *why = "'" + std::string(text) + "' does not read as a quantity (\"a " + unit->name + "\" is an ordinal here)";
    return std::nullopt;
  }
  // "an hour and a half": the fraction follows the unit.
  const double trailing_fraction = ReadFraction(tokens, &i);
  *lo += trailing_fraction;
  if (hi) *hi += trailing_fraction;
  double factor = unit ? unit->factor : 1;
  double low = *lo * factor;
  double high = (hi && *hi >= *lo ? *hi : *lo) * factor;
  // "two hours and 15 minutes"
  if (i < tokens.size() && unit != nullptr) {
    size_t j = i;
    if (tokens[j] == "and") ++j;
    if (auto extra = ReadNumber(tokens, &j)) {
      if (const QuantityUnit* extra_unit = ReadUnit(tokens, &j, spec)) {
        low += *extra * extra_unit->factor;
        high += *extra * extra_unit->factor;
        i = j;
      }
    }
  }
  return Apply(qualifier, low, high, spec.approximation);
}

std::optional<double> ParseNumber(std::string_view text) {
  std::vector<std::string> tokens = Tokenise(text);
  size_t i = 0;
  auto value = ReadNumber(tokens, &i);
  if (!value) return std::nullopt;
  *value += ReadFraction(tokens, &i);
  if (i != tokens.size()) return std::nullopt;
  return value;
}

std::string FormatQuantity(const Interval& v, std::string_view unit) {
  const std::string suffix = unit.empty() ? "" : " " + std::string(unit);
  if (v.IsPoint()) return FormatNumber(v.lo) + suffix;
  if (std::isinf(v.hi)) return (v.lo_open ? "> " : ">= ") + FormatNumber(v.lo) + suffix;
  if (v.lo == 0 && !v.lo_open) return (v.hi_open ? "< " : "<= ") + FormatNumber(v.hi) + suffix;
  if (!v.lo_open && !v.hi_open) return FormatNumber(v.lo) + "-" + FormatNumber(v.hi) + suffix;
  return std::string(v.lo_open ? "(" : "[") + FormatNumber(v.lo) + ", " + FormatNumber(v.hi) + (v.hi_open ? ")" : "]") +
         suffix;
}

}  // namespace crosscheck::extract
