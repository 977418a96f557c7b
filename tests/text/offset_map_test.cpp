// Tests for OffsetMap: every claim points at original bytes through this map,
// so ranges must land on the exact bytes, including across replacements.
#include "crosscheck/offset_map.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace crosscheck {
namespace {

// raw:  He said “hi”  now     (curly quotes are 3 bytes each, two spaces)
// norm: He said "hi" now
const std::string kRaw = "He said \xE2\x80\x9Chi\xE2\x80\x9D  now";
const std::string kNorm = "He said \"hi\" now";

// The map a normaliser would build for kRaw -> kNorm, segment by segment.
OffsetMap QuoteMap() {
  OffsetMap map;
  map.AddIdentity(0, 0, 8);          // "He said "
  map.AddReplacement(8, 8, 11);      // “ -> "
  map.AddIdentity(9, 11, 2);         // hi
  map.AddReplacement(11, 13, 16);    // ” -> "
  map.AddReplacement(12, 16, 18);    // two spaces -> one
  map.AddIdentity(13, 18, 3);        // now
  map.Finish(static_cast<uint32_t>(kNorm.size()), static_cast<uint32_t>(kRaw.size()));
  return map;
}

std::string RawText(const OffsetMap& map, uint32_t begin, uint32_t end) {
  ByteRange raw = map.ToRaw({begin, end});
  return kRaw.substr(raw.begin, raw.size());
}

}  // namespace

TEST_CASE("OffsetMap maps normalised ranges back to the original bytes", "[text]") {
  REQUIRE(kRaw.size() == 21);
  REQUIRE(kNorm.size() == 16);
  const OffsetMap map = QuoteMap();
  CHECK(map.segment_count() == 6);

  struct Case {
    uint32_t begin, end;  // in kNorm
    std::string raw;
  };
  const std::vector<Case> cases = {
      {0, 2, "He"},
      {9, 11, "hi"},                                      // identity after a replacement
      {8, 12, "\xE2\x80\x9Chi\xE2\x80\x9D"},              // a range covering replacements takes them whole
      {8, 9, "\xE2\x80\x9C"},
      {11, 12, "\xE2\x80\x9D"},
      {12, 13, "  "},                                     // one space stands for both
      {13, 16, "now"},
      {3, 16, "said \xE2\x80\x9Chi\xE2\x80\x9D  now"},
      {0, 16, kRaw},
      {5, 5, ""},                                         // empty ranges stay empty
  };
  for (const Case& c : cases) {
    CAPTURE(c.begin, c.end);
    CHECK(RawText(map, c.begin, c.end) == c.raw);
  }
}

TEST_CASE("OffsetMap maps original offsets to normalised offsets", "[text]") {
  const OffsetMap map = QuoteMap();
  struct Case {
    uint32_t raw, norm;
  };
  const std::vector<Case> cases = {
      {0, 0},  {7, 7},   {8, 8},    // start of the opening quote
      {9, 8},  {10, 8},             // inside a replacement: its start
      {11, 9}, {12, 10}, {13, 11},
      {17, 12},                     // the second of the collapsed spaces
      {18, 13}, {20, 15},
      {21, 16}, {500, 16},          // at or past the end: the end
  };
  for (const Case& c : cases) {
    CAPTURE(c.raw);
    CHECK(map.ToNorm(c.raw) == c.norm);
  }
}

TEST_CASE("OffsetMap clamps offsets at and past the end", "[text]") {
  const OffsetMap map = QuoteMap();
  CHECK(map.ToRawBegin(16) == 21);
  CHECK(map.ToRawBegin(99) == 21);
  CHECK(map.ToRawEnd(16) == 21);
  CHECK(map.ToRawEnd(99) == 21);
  CHECK(map.ToRawEnd(0) == 0);
}

TEST_CASE("OffsetMap merges contiguous identity runs", "[text]") {
  OffsetMap map;
  SECTION("same delta: one segment") {
    map.AddIdentity(0, 0, 3);
    map.AddIdentity(3, 3, 4);
    map.Finish(7, 7);
    CHECK(map.segment_count() == 1);
    CHECK(map.ToRaw({2, 6}) == ByteRange{2, 6});
  }
  SECTION("a different delta starts a new segment") {
    map.AddIdentity(0, 0, 3);
    map.AddIdentity(3, 5, 4);  // two raw bytes were skipped without a replacement record
    map.Finish(7, 9);
    CHECK(map.segment_count() == 2);
    CHECK(map.ToRaw({4, 6}) == ByteRange{6, 8});
  }
  SECTION("zero-length identities add nothing") {
    map.AddIdentity(0, 0, 0);
    map.AddIdentity(0, 0, 5);
    map.AddIdentity(5, 5, 0);
    map.Finish(5, 5);
    CHECK(map.segment_count() == 1);
  }
}

TEST_CASE("OffsetMap handles bytes deleted from the original", "[text]") {
  // raw "ab<ZWSP>cd" (ZWSP is 3 bytes) became "abcd".
  OffsetMap map;
  map.AddIdentity(0, 0, 2);
  map.AddReplacement(2, 2, 5);
  map.AddIdentity(2, 5, 2);
  map.Finish(4, 7);
  // A range ending before the deleted bytes does not swallow them, and one
  // starting after them does not start inside them.
  CHECK(map.ToRaw({0, 2}) == ByteRange{0, 2});
  CHECK(map.ToRaw({2, 4}) == ByteRange{5, 7});
  CHECK(map.ToRaw({0, 4}) == ByteRange{0, 7});
  CHECK(map.ToNorm(3) == 2);
}

TEST_CASE("OffsetMap without segments", "[text]") {
  SECTION("equal sizes mean the texts are identical") {
    OffsetMap map;
    map.Finish(5, 5);
    CHECK(map.segment_count() == 1);
    CHECK(map.ToRaw({1, 3}) == ByteRange{1, 3});
    CHECK(map.ToNorm(4) == 4);
  }
  SECTION("different sizes map everything to the whole original") {
    OffsetMap map;
    map.Finish(3, 5);
    CHECK(map.ToRaw({1, 2}) == ByteRange{0, 5});
  }
  SECTION("empty texts") {
    OffsetMap map;
    map.Finish(0, 0);
    CHECK(map.ToRaw({0, 0}) == ByteRange{0, 0});
    CHECK(map.ToNorm(0) == 0);
  }
}

TEST_CASE("ByteRange size and emptiness", "[text]") {
  CHECK(ByteRange{3, 7}.size() == 4);
  CHECK_FALSE(ByteRange{3, 7}.empty());
  CHECK(ByteRange{4, 4}.empty());
  CHECK(ByteRange{5, 4}.empty());  // inverted ranges count as empty
  CHECK(ByteRange{1, 2} == ByteRange{1, 2});
  CHECK_FALSE(ByteRange{1, 2} == ByteRange{1, 3});
}

}  // namespace crosscheck
