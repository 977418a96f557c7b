// Tests for text/utf8: the decoder guards every later stage against scraped
// bytes, so it must accept exactly well-formed UTF-8 and nothing else.
#include "text/utf8.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace crosscheck::text {

TEST_CASE("DecodeUtf8 decodes well-formed sequences", "[text]") {
  struct Case {
    std::string bytes;
    char32_t cp;
    int length;
  };
  const std::vector<Case> cases = {
      {"A", U'A', 1},
      {std::string("\x00", 1), 0, 1},
      {"\x7F", 0x7F, 1},
      {"\xC2\x80", 0x80, 2},             // smallest two-byte value
      {"\xC3\xA9", 0xE9, 2},             // é
      {"\xDF\xBF", 0x7FF, 2},
      {"\xE0\xA0\x80", 0x800, 3},        // smallest three-byte value
      {"\xE2\x80\x99", 0x2019, 3},       // ’
      {"\xED\x9F\xBF", 0xD7FF, 3},       // just below the surrogates
      {"\xEE\x80\x80", 0xE000, 3},       // just above them
      {"\xEF\xBF\xBD", 0xFFFD, 3},
      {"\xF0\x90\x80\x80", 0x10000, 4},  // smallest four-byte value
      {"\xF0\x9F\x98\x80", 0x1F600, 4},  // emoji
      {"\xF4\x8F\xBF\xBF", 0x10FFFF, 4}, // largest code point
      {"\xC3\xA9xyz", 0xE9, 2},          // only the first code point is consumed
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    char32_t cp = 0xDEAD;
    CHECK(DecodeUtf8(c.bytes.data(), c.bytes.size(), &cp) == c.length);
    CHECK(cp == c.cp);
  }
}

TEST_CASE("DecodeUtf8 rejects ill-formed sequences", "[text]") {
  const std::vector<std::string> rejected = {
      "\x80",              // a continuation byte alone
      "\xBF",
      "\xC0\x80",          // overlong NUL
      "\xC1\xBF",          // overlong ASCII
      "\xE0\x80\x80",      // overlong three-byte
      "\xE0\x9F\xBF",
      "\xF0\x80\x80\x80",  // overlong four-byte
      "\xF0\x8F\xBF\xBF",
      "\xED\xA0\x80",      // high surrogate
      "\xED\xBF\xBF",      // low surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF5\x80\x80\x80",
      "\xF8\x88\x80\x80\x80",  // five-byte forms no longer exist
      "\xFF",
      "\xFE",
      "\xC3",              // truncated
      "\xE2\x80",
      "\xF0\x9F\x98",
      "\xC3\x28",          // the second byte is not a continuation
      "\xE2\x28\xA1",
      "\xE2\x82\x28",
  };
  for (const std::string& bytes : rejected) {
    CAPTURE(bytes);
    char32_t cp = 0;
    CHECK(DecodeUtf8(bytes.data(), bytes.size(), &cp) == 0);
  }
  SECTION("the available length limits decoding") {
    const std::string euro = "\xE2\x82\xAC";
    char32_t cp = 0;
    CHECK(DecodeUtf8(euro.data(), 2, &cp) == 0);
    CHECK(DecodeUtf8(euro.data(), 0, &cp) == 0);
    CHECK(DecodeUtf8(euro.data(), 3, &cp) == 3);
    CHECK(cp == 0x20AC);
  }
}

TEST_CASE("AppendUtf8 encodes and round-trips through DecodeUtf8", "[text]") {
  struct Case {
    char32_t cp;
    std::string bytes;
  };
  const std::vector<Case> cases = {
      {U'a', "a"},           {0x7F, "\x7F"},          {0x80, "\xC2\x80"},
      {0x7FF, "\xDF\xBF"},   {0x800, "\xE0\xA0\x80"}, {0x2019, "\xE2\x80\x99"},
      {0xFFFD, "\xEF\xBF\xBD"}, {0xFFFF, "\xEF\xBF\xBF"}, {0x10000, "\xF0\x90\x80\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (const Case& c : cases) {
    CAPTURE(static_cast<uint32_t>(c.cp));
    std::string out = "prefix";
    AppendUtf8(c.cp, &out);
    CHECK(out == "prefix" + c.bytes);  // appends, never overwrites
    char32_t back = 0;
    CHECK(DecodeUtf8(c.bytes.data(), c.bytes.size(), &back) == static_cast<int>(c.bytes.size()));
    CHECK(back == c.cp);
  }
}

TEST_CASE("IsValidUtf8 accepts whole well-formed buffers only", "[text]") {
  const std::vector<std::string> valid = {
      "", "plain ASCII", "caf\xC3\xA9", "\xE2\x80\x9Cquoted\xE2\x80\x9D", "\xF0\x9F\x98\x80 emoji",
      std::string("nul\x00inside", 10)};
  for (const std::string& s : valid) {
    CAPTURE(s);
    CHECK(IsValidUtf8(s));
  }
  const std::vector<std::string> invalid = {
      "\xFF", "ends truncated \xE2\x80", "caf\xE9 (Latin-1)", "\xED\xA0\x80 surrogate", "ok \x80 stray"};
  for (const std::string& s : invalid) {
    CAPTURE(s);
    CHECK_FALSE(IsValidUtf8(s));
  }
}

TEST_CASE("SanitiseUtf8 replaces each ill-formed byte with U+FFFD", "[text]") {
  const std::string fffd = "\xEF\xBF\xBD";
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"clean caf\xC3\xA9", "clean caf\xC3\xA9"},
      {"caf\xE9!", "caf" + fffd + "!"},                       // Latin-1 é
      {"a\xFF\xFE" "b", "a" + fffd + fffd + "b"},
      {"cut \xE2\x80", "cut " + fffd + fffd},                  // one replacement per byte of a truncated sequence
      {"\xC0\x80", fffd + fffd},                               // overlong forms are not decoded
      {"\xED\xA0\x80", fffd + fffd + fffd},                    // nor surrogates
      {"\xE2\x80\x99ok\x80", "\xE2\x80\x99ok" + fffd},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    const std::string out = SanitiseUtf8(c.input);
    CHECK(out == c.expected);
    CHECK(IsValidUtf8(out));
  }
}

TEST_CASE("CountCodePoints counts code points, not bytes", "[text]") {
  struct Case {
    std::string input;
    size_t count;
  };
  const std::vector<Case> cases = {
      {"", 0},
      {"abc", 3},
      {"caf\xC3\xA9", 4},
      {"\xE2\x82\xAC" "5", 2},
      {"\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 2},
      {"e\xCC\x81", 2},  // a combining accent is a code point of its own
      {"\xFF", 1},       // an invalid lead byte counts one
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(CountCodePoints(c.input) == c.count);
  }
}

TEST_CASE("CountCodePoints: a stray continuation byte counts one", "[text]") {
  CHECK(CountCodePoints("\x80") == 1);          // used to count zero: continuation bytes were skipped
  CHECK(CountCodePoints("a\x80" "b") == 3);
  CHECK(CountCodePoints("\x80\xBF") == 2);       // each stray byte counts on its own
  CHECK(CountCodePoints("\xC3\xA9") == 1);       // a valid "é" is still one code point
  CHECK(CountCodePoints("\xC3\xA9\x80") == 2);   // ... and a stray byte after it adds one
}

}  // namespace crosscheck::text
