#include "extract/literal_alternation.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace crosscheck::extract {
namespace {
bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Printable ASCII words with single inner spaces: two of them can match at
// the same place only when one's lower-case text starts with the other's
// (each space becomes \s+, which must take the whole run of whitespace
// before the next printable byte). Anything else (accents: RE2's (?i) folds
// the Kelvin sign to k; tabs; double spaces) is not reordered past.
bool IsPlain(std::string_view w) {
  if (w.empty() || w.front() == ' ' || w.back() == ' ') return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == ' ' ? w[i - 1] == ' ' : (c < 0x21 || c > 0x7e)) return false;
  }
  return true;
}

// Order of plain words that keeps every pair that can match at the same place
// as it was (the longer first: one's lower-case text starts with the other's)
// and otherwise sorts alphabetically, so that RE2 factors common prefixes
// into a trie: a much smaller program than the words one after the other.
bool TrieOrder(const std::string& a, const std::string& b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const auto x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
    const auto y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[i])));
    if (x != y) return x < y;
  }
  return a.size() > b.size();
}
}  // namespace

std::string LiteralAlternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  // Longest first decides which of two words matching at the same place wins;
  // runs of plain words between the others are then put in trie order, which
  // changes no match (TrieOrder).
  for (auto run = words.begin(); run != words.end();) {
    if (!IsPlain(*run)) {
      ++run;
      continue;
    }
    auto end = std::find_if(run, words.end(), [](const std::string& w) { return !IsPlain(w); });
    std::stable_sort(run, end, TrieOrder);
    run = end;
  }
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += '|';
    // "U.S." ends with a dot: \b after it would never match before a space.
    if (IsWordByte(w.front())) out += "\\b";
    std::string quoted = RE2::QuoteMeta(w);
    for (size_t i = 0; i < quoted.size(); ++i) {
      if (quoted[i] == '\\' && i + 1 < quoted.size() && quoted[i + 1] == ' ') {
        out += "\\s+";
        ++i;
      } else {
        out += quoted[i];
      }
    }
    if (IsWordByte(w.back())) out += "\\b";
  }
  return out.empty() ? "[^\\x00-\\x{10FFFF}]" : out;  // matches nothing
}

}  // namespace crosscheck::extract
