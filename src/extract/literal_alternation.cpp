#include "extract/literal_alternation.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace crosscheck::extract {
namespace {
bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
}  // namespace

std::string LiteralAlternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
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
