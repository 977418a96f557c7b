// Tests for text/text_decoder: which bytes are an article, in which encoding,
// and that decoded text still maps to the exact original bytes.
#include "text/text_decoder.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/text_normaliser.h"
#include "text/utf8.h"

namespace crosscheck::text {
namespace {

std::string Utf16Le(std::u16string_view text, bool bom) {
  std::string out = bom ? std::string("\xFF\xFE") : std::string();
  for (char16_t c : text) {
    out.push_back(static_cast<char>(c & 0xFF));
    out.push_back(static_cast<char>(c >> 8));
  }
  return out;
}

std::string Utf16Be(std::u16string_view text, bool bom) {
  std::string out = bom ? std::string("\xFE\xFF") : std::string();
  for (char16_t c : text) {
    out.push_back(static_cast<char>(c >> 8));
    out.push_back(static_cast<char>(c & 0xFF));
  }
  return out;
}

std::string Utf32Le(std::u32string_view text) {
  std::string out("\xFF\xFE\0\0", 4);
  for (char32_t c : text) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((c >> (8 * k)) & 0xFF));
  }
  return out;
}

// Decodes and normalises like DocumentLoader does; returns the normalised text
// and checks that every normalised range maps into the original bytes, in order.
struct Pipeline {
  NormalisedText normalised;
  std::string raw;
};

Pipeline DecodeAndNormalise(const std::string& raw) {
  const TextSniff sniff = SniffText(raw);
  Pipeline p{{}, raw};
  if (sniff.encoding == Encoding::kUtf8) {
    p.normalised = NormaliseText(raw, {});
    return p;
  }
  DecodedText decoded = DecodeText(raw, sniff.encoding, sniff.bom);
  CHECK(IsValidUtf8(decoded.text));
  p.normalised = NormaliseText(decoded.text, {});
  p.normalised.map = OffsetMap::Compose(p.normalised.map, decoded.map);
  uint32_t previous = 0;
  for (uint32_t i = 0; i <= p.normalised.text.size(); ++i) {
    const uint32_t begin = p.normalised.map.ToRawBegin(i);
    REQUIRE(begin >= previous);
    REQUIRE(begin <= raw.size());
    REQUIRE(p.normalised.map.ToRawEnd(i) <= raw.size());
    previous = begin;
  }
  return p;
}

std::string RawOf(const Pipeline& p, std::string_view needle) {
  const size_t at = p.normalised.text.find(needle);
  if (at == std::string::npos) return std::string("<").append(needle).append(" not in normalised text>");
  const ByteRange r = p.normalised.map.ToRaw({static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
  return p.raw.substr(r.begin, r.size());
}

}  // namespace

TEST_CASE("SniffText: UTF-8, with or without a byte-order mark, stays UTF-8", "[text][decode]") {
  CHECK(SniffText("Plain ASCII text.").encoding == Encoding::kUtf8);
  CHECK(SniffText("Caf\xC3\xA9 in Z\xC3\xBCrich.").encoding == Encoding::kUtf8);
  const TextSniff bom = SniffText("\xEF\xBB\xBFHello.");
  CHECK(bom.encoding == Encoding::kUtf8);
  CHECK(bom.bom == 3);
  CHECK(bom.reject.empty());
  // Mostly valid UTF-8 with a stray bad byte is UTF-8 to repair, not Latin-1.
  CHECK(SniffText("Caf\xC3\xA9, na\xC3\xAFve, \xC3\xA9t\xC3\xA9, r\xC3\xB4le and one bad \xFF byte.").encoding ==
        Encoding::kUtf8);
}

TEST_CASE("SniffText: single bytes above 0x7F that are not UTF-8 are Windows-1252", "[text][decode]") {
  const TextSniff sniff = SniffText("Caf\xE9 in Z\xFCrich, \x93quoted\x94 \x80" "5.");
  CHECK(sniff.encoding == Encoding::kWindows1252);
  CHECK(sniff.reject.empty());
  CHECK_THAT(sniff.how, Catch::Contains("not UTF-8"));
}

TEST_CASE("Windows-1252 decodes to UTF-8 and maps back to the original single bytes", "[text][decode]") {
  const std::string raw = "Caf\xE9 owner said \x93We\x92re open\x94 on Tuesday \x96 in M\xFCnchen.\r\n";
  const Pipeline p = DecodeAndNormalise(raw);
  CHECK(p.normalised.text == "Caf\xC3\xA9 owner said \"We're open\" on Tuesday - in M\xC3\xBCnchen.");
  CHECK(RawOf(p, "Caf\xC3\xA9") == "Caf\xE9");
  CHECK(RawOf(p, "\"We're open\"") == "\x93We\x92re open\x94");
  CHECK(RawOf(p, "M\xC3\xBCnchen.") == "M\xFCnchen.");
  CHECK(RawOf(p, "owner") == "owner");
}

TEST_CASE("Windows-1252: the undefined bytes become nothing, not garbage", "[text][decode]") {
  const DecodedText decoded = DecodeText("a\x81" "b\x8D" "c", Encoding::kWindows1252, 0);
  CHECK(IsValidUtf8(decoded.text));
  CHECK(NormaliseText(decoded.text, {}).text == "abc");
}

TEST_CASE("UTF-16 with a byte-order mark, either endianness", "[text][decode]") {
  const std::u16string text = u"Caf\u00e9 talks \u201cended\u201d in Z\u00fcrich \U0001F600 today.";
  for (bool big : {false, true}) {
    CAPTURE(big);
    const std::string raw = big ? Utf16Be(text, true) : Utf16Le(text, true);
    const TextSniff sniff = SniffText(raw);
    CHECK(sniff.encoding == (big ? Encoding::kUtf16Be : Encoding::kUtf16Le));
    CHECK(sniff.bom == 2);
    CHECK(sniff.reject.empty());
    const Pipeline p = DecodeAndNormalise(raw);
    CHECK(p.normalised.text == "Caf\xC3\xA9 talks \"ended\" in Z\xC3\xBCrich \xF0\x9F\x98\x80 today.");
    // "talks" is 5 UTF-16 code units: 10 original bytes, right after "Café " (2 + 5 * 2 bytes in).
    CHECK(RawOf(p, "talks") == (big ? Utf16Be(u"talks", false) : Utf16Le(u"talks", false)));
    CHECK(RawOf(p, "\xF0\x9F\x98\x80") == (big ? Utf16Be(u"\U0001F600", false) : Utf16Le(u"\U0001F600", false)));
    CHECK(RawOf(p, "Caf\xC3\xA9") == (big ? Utf16Be(u"Caf\u00e9", false) : Utf16Le(u"Caf\u00e9", false)));
    // ASCII runs are one scaled segment each, not one segment per character.
    CHECK(p.normalised.map.segment_count() < 30);
  }
}

TEST_CASE("UTF-16 without a byte-order mark is recognised by its zero bytes", "[text][decode]") {
  const std::u16string text = u"The minister resigned on Friday, officials said.";
  CHECK(SniffText(Utf16Le(text, false)).encoding == Encoding::kUtf16Le);
  CHECK(SniffText(Utf16Be(text, false)).encoding == Encoding::kUtf16Be);
  const Pipeline p = DecodeAndNormalise(Utf16Le(text, false));
  CHECK(p.normalised.text == "The minister resigned on Friday, officials said.");
}

TEST_CASE("UTF-16: unpaired surrogates and a truncated last unit become U+FFFD, counted", "[text][decode]") {
  std::string raw = Utf16Le(u"ab", true);
  raw += std::string("\x00\xD8", 2);  // a lone high surrogate
  raw += Utf16Le(u"cd", false);
  raw += "x";  // half a code unit
  const DecodedText decoded = DecodeText(raw, Encoding::kUtf16Le, 2);
  CHECK(decoded.text == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
  CHECK(decoded.malformed == 2);
  CHECK(decoded.first_malformed_line == 1);
}

TEST_CASE("UTF-32 with a byte-order mark", "[text][decode]") {
  const std::string raw = Utf32Le(U"Gen\u00e8ve, 12 April.");
  const TextSniff sniff = SniffText(raw);
  CHECK(sniff.encoding == Encoding::kUtf32Le);
  const Pipeline p = DecodeAndNormalise(raw);
  CHECK(p.normalised.text == "Gen\xC3\xA8ve, 12 April.");
  CHECK(RawOf(p, "12") == std::string("1\0\0\0" "2\0\0\0", 8));
}

TEST_CASE("SniffText rejects what is not an article, saying why", "[text][decode]") {
  SECTION("an empty file") { CHECK(SniffText("").reject == "empty file (0 bytes)"); }
  SECTION("only white space") {
    CHECK(SniffText(" \r\n\t\n").reject == "no text: the file holds only white space");
    CHECK(SniffText("\xEF\xBB\xBF\n").reject == "no text: the file holds only white space");
    CHECK_FALSE(SniffText(Utf16Le(u"  \n", true)).reject.empty());
  }
  SECTION("known binary formats by their signature") {
    CHECK(SniffText(std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj")).reject == "binary file: a PDF document, not text");
    CHECK_THAT(SniffText(std::string("PK\x03\x04\x14\0\0\0", 8)).reject, Catch::Contains("ZIP archive"));
    CHECK_THAT(SniffText(std::string("\x1F\x8B\x08\0\0\0\0\0", 8)).reject, Catch::Contains("gzip"));
    CHECK_THAT(SniffText(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)).reject, Catch::Contains("PNG image"));
    CHECK_THAT(SniffText(std::string("SQLite format 3\0\x10\0", 18)).reject, Catch::Contains("SQLite database"));
    CHECK_THAT(SniffText(std::string("\x7F" "ELF\x02\x01\x01\0", 8)).reject, Catch::Contains("executable"));
  }
  SECTION("a printable signature alone does not make an article binary") {
    CHECK(SniffText("GIF89a is the image format that refuses to die, experts said.").reject.empty());
    CHECK(SniffText("%PDF-style headers confuse nobody.").reject.empty());
  }
  SECTION("many NUL or control bytes") {
    std::string raw;
    for (int i = 0; i < 400; ++i) raw += static_cast<char>((i * 37) & 0xFF);  // every byte value, shuffled
    const std::string reason = SniffText(raw).reject;
    CHECK_THAT(reason, Catch::StartsWith("binary file: ") && Catch::Contains("control characters") &&
                           Catch::Contains("NUL"));
    std::string nuls = "Text";
    nuls += std::string(100, '\0');
    CHECK_THAT(SniffText(nuls).reject, Catch::Contains("96% of its bytes"));
  }
  SECTION("a few stray NUL or control bytes in real text are kept (the normaliser drops them)") {
    std::string raw = "The council met on Tuesday.";
    raw += '\0';
    raw += " It approved the budget.\x01 Members voted 7 to 2.";
    CHECK(SniffText(raw).reject.empty());
    CHECK(NormaliseText(raw, {}).text == "The council met on Tuesday. It approved the budget. Members voted 7 to 2.");
  }
}

TEST_CASE("OffsetMap::Compose chains a normaliser map onto a decoder map", "[text][decode]") {
  // inner: "ab" + "é" (2 bytes from 1 original byte) + "cd", as from Windows-1252 "ab\xE9" "cd".
  OffsetMap inner;
  inner.AddIdentity(0, 0, 2);
  inner.AddReplacement(2, 2, 3);
  inner.AddIdentity(4, 3, 2);
  inner.Finish(6, 5);
  // outer: the normaliser kept everything ("abécd") but dropped "c" (pretend).
  OffsetMap outer;
  outer.AddIdentity(0, 0, 4);
  outer.AddReplacement(4, 4, 5);
  outer.AddIdentity(4, 5, 1);
  outer.Finish(5, 6);
  const OffsetMap composed = OffsetMap::Compose(outer, inner);
  CHECK(composed.ToRaw({0, 2}) == ByteRange{0, 2});   // "ab"
  CHECK(composed.ToRaw({2, 4}) == ByteRange{2, 3});   // "é" is the one original byte
  CHECK(composed.ToRaw({4, 5}) == ByteRange{4, 5});   // "d"
  CHECK(composed.ToRaw({0, 5}) == ByteRange{0, 5});
  CHECK(composed.ToNorm(3) == 4);
}

TEST_CASE("OffsetMap scaled segments map each byte to several original bytes", "[text][decode]") {
  OffsetMap map;
  map.AddReplacement(0, 0, 2);  // a byte-order mark, gone
  map.AddScaled(0, 2, 3, 2);    // "abc" from 6 bytes of UTF-16
  map.AddScaled(3, 8, 2, 2);    // contiguous: merged
  map.Finish(5, 12);
  CHECK(map.segment_count() == 2);
  CHECK(map.ToRaw({0, 1}) == ByteRange{2, 4});
  CHECK(map.ToRaw({1, 5}) == ByteRange{4, 12});
  CHECK(map.ToNorm(5) == 1);  // inside a code unit: the character it belongs to
  CHECK(map.ToNorm(6) == 2);
}

}  // namespace crosscheck::text
