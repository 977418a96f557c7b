#include "text/html_entities.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace crosscheck::text {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};

// Sorted by name for binary search. The common entities of news pages; the
// full HTML5 table (2,000+ names) buys nothing for article text.
constexpr std::array<NamedEntity, 64> kNamed = {{
    {"Aacute", 0xC1}, {"Eacute", 0xC9}, {"Ntilde", 0xD1}, {"Ouml", 0xD6}, {"Uuml", 0xDC},
    {"aacute", 0xE1}, {"acirc", 0xE2},  {"agrave", 0xE0}, {"amp", 0x26},   {"apos", 0x27},
    {"auml", 0xE4},   {"bdquo", 0x201E}, {"bull", 0x2022}, {"ccedil", 0xE7}, {"cent", 0xA2},
    {"copy", 0xA9},   {"deg", 0xB0},    {"eacute", 0xE9}, {"ecirc", 0xEA},  {"egrave", 0xE8},
    {"euml", 0xEB},   {"euro", 0x20AC}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
    {"gt", 0x3E},     {"hellip", 0x2026}, {"iacute", 0xED}, {"iexcl", 0xA1}, {"iquest", 0xBF},
    {"laquo", 0xAB},  {"ldquo", 0x201C}, {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x3C},
    {"mdash", 0x2014}, {"middot", 0xB7}, {"minus", 0x2212}, {"nbsp", 0xA0},  {"ndash", 0x2013},
    {"ntilde", 0xF1}, {"oacute", 0xF3}, {"ocirc", 0xF4},  {"ouml", 0xF6},   {"pound", 0xA3},
    {"prime", 0x2032}, {"quot", 0x22},  {"raquo", 0xBB},  {"rdquo", 0x201D}, {"reg", 0xAE},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"sect", 0xA7}, {"shy", 0xAD},
    {"szlig", 0xDF},  {"thinsp", 0x2009}, {"trade", 0x2122}, {"uacute", 0xFA}, {"uuml", 0xFC},
    {"yen", 0xA5},    {"zwj", 0x200D},  {"zwnj", 0x200C}, {"zwsp", 0x200B},
}};

}  // namespace

size_t DecodeHtmlEntity(std::string_view text, char32_t* cp) {
  if (text.size() < 3 || text[0] != '&') return 0;
  size_t semi = text.find(';', 1);
  if (semi == std::string_view::npos || semi > 10) return 0;
  std::string_view body = text.substr(1, semi - 1);
  if (body.empty()) return 0;
  if (body[0] == '#') {
    uint32_t value = 0;
    std::from_chars_result r;
    if (body.size() > 1 && (body[1] == 'x' || body[1] == 'X')) {
      r = std::from_chars(body.data() + 2, body.data() + body.size(), value, 16);
      if (body.size() == 2) return 0;
    } else {
      r = std::from_chars(body.data() + 1, body.data() + body.size(), value, 10);
      if (body.size() == 1) return 0;
    }
    if (r.ec != std::errc() || r.ptr != body.data() + body.size()) return 0;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
    *cp = value;
    return semi + 1;
  }
  auto it = std::lower_bound(kNamed.begin(), kNamed.end(), body,
                             [](const NamedEntity& e, std::string_view n) { return e.name < n; });
  if (it == kNamed.end() || it->name != body) return 0;
  *cp = it->cp;
  return semi + 1;
}

}  // namespace crosscheck::text
