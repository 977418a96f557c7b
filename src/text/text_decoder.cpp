#include "text/text_decoder.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/utf8.h"

namespace crosscheck::text {
namespace {

// Windows-1252 bytes 0x80-0x9F. The five bytes it leaves undefined map to the
// C1 controls of the same value, as browsers do (the normaliser drops them).
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// A control character that never appears in text: C0 controls other than
// tab, line feed, vertical tab, form feed, carriage return and the old DOS
// end-of-file mark (0x1A), and DEL.
bool IsBinaryControl(uint32_t unit) {
  if (unit == 0x7F) return true;
  if (unit >= 0x20) return false;
  return !(unit == '\t' || unit == '\n' || unit == '\v' || unit == '\f' || unit == '\r' || unit == 0x1A);
}

bool IsAsciiSpace(uint32_t unit) {
  return unit == ' ' || unit == '\t' || unit == '\n' || unit == '\v' || unit == '\f' || unit == '\r';
}

bool StartsWith(std::string_view raw, std::string_view prefix) { return raw.substr(0, prefix.size()) == prefix; }

// Known binary formats, by their first bytes. `text_like` signatures are
// printable ASCII, so they count only when binary bytes follow.
struct Signature {
  std::string_view magic;
  size_t offset;
  const char* what;
  bool text_like;
};
constexpr std::array<Signature, 19> kSignatures = {{
    {"%PDF-", 0, "a PDF document", true},
    {std::string_view("PK\x03\x04", 4), 0, "a ZIP archive (or an office document)", false},
    {std::string_view("PK\x05\x06", 4), 0, "an empty ZIP archive", false},
    {"\x1F\x8B", 0, "gzip-compressed data", false},
    {std::string_view("\xFD" "7zXZ\0", 6), 0, "xz-compressed data", false},
    {"7z\xBC\xAF\x27\x1C", 0, "a 7-Zip archive", false},
    {"\x28\xB5\x2F\xFD", 0, "zstd-compressed data", false},
    {"BZh", 0, "bzip2-compressed data", true},
    {"\x89PNG\r\n\x1A\n", 0, "a PNG image", false},
    {"\xFF\xD8\xFF", 0, "a JPEG image", false},
    {"GIF87a", 0, "a GIF image", true},
    {"GIF89a", 0, "a GIF image", true},
    {"WEBP", 8, "a WebP image", true},
    {"\x7F" "ELF", 0, "an executable (ELF)", false},
    {std::string_view("SQLite format 3\0", 16), 0, "an SQLite database", false},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0, "an old Microsoft Office document", false},
    {"ftyp", 4, "a video or audio file (MP4)", true},
    {"OggS", 0, "an Ogg audio or video file", true},
    {"\x1A\x45\xDF\xA3", 0, "a Matroska or WebM video", false},
}};

const char* KnownBinaryFormat(std::string_view raw) {
  for (const Signature& s : kSignatures) {
    if (raw.size() < s.offset + s.magic.size() || raw.substr(s.offset, s.magic.size()) != s.magic) continue;
    if (s.text_like) {
      // Printable signature: a binary format only when binary bytes follow soon.
      const std::string_view head = raw.substr(0, 1024);
      const bool binary = std::any_of(head.begin(), head.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return IsBinaryControl(b) || b >= 0x80;
      });
      if (!binary) continue;
    }
    return s.what;
  }
  return nullptr;
}

// Reads code unit `i` (of `width` bytes) in the given byte order.
uint32_t Unit(std::string_view raw, size_t at, int width, bool big_endian) {
  uint32_t v = 0;
  for (int k = 0; k < width; ++k) {
    const auto b = static_cast<unsigned char>(raw[at + static_cast<size_t>(big_endian ? k : width - 1 - k)]);
    v = (v << 8) | b;
  }
  return v;
}

int UnitWidth(Encoding e) {
  switch (e) {
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be:
      return 2;
    case Encoding::kUtf32Le:
    case Encoding::kUtf32Be:
      return 4;
    default:
      return 1;
  }
}

bool BigEndian(Encoding e) { return e == Encoding::kUtf16Be || e == Encoding::kUtf32Be; }

// UTF-16 without a byte-order mark: ASCII text has a zero byte in every
// other position. Looks at the first 64 KiB.
bool LooksLikeUtf16(std::string_view raw, bool* big_endian) {
  const size_t n = std::min<size_t>(raw.size(), 65536) & ~size_t{1};
  const size_t pairs = n / 2;
  if (pairs < 2) return false;
  size_t zero_even = 0;
  size_t zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += raw[i] == '\0';
    zero_odd += raw[i + 1] == '\0';
  }
  if (zero_odd * 2 >= pairs && zero_even * 20 <= pairs) {
    *big_endian = false;
    return true;
  }
  if (zero_even * 2 >= pairs && zero_odd * 20 <= pairs) {
    *big_endian = true;
    return true;
  }
  return false;
}

std::string Percent(size_t part, size_t whole) {
  const size_t pct = whole == 0 ? 0 : (part * 100 + whole / 2) / whole;
  return pct == 0 ? "under 1%" : std::to_string(pct) + "%";
}

}  // namespace

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return "UTF-8";
    case Encoding::kWindows1252: return "Windows-1252";
    case Encoding::kUtf16Le: return "UTF-16LE";
    case Encoding::kUtf16Be: return "UTF-16BE";
    case Encoding::kUtf32Le: return "UTF-32LE";
    case Encoding::kUtf32Be: return "UTF-32BE";
  }
  return "UTF-8";
}

TextSniff SniffText(std::string_view raw) {
  TextSniff sniff;
  if (raw.empty()) {
    sniff.reject = "empty file (0 bytes)";
    return sniff;
  }
  // Byte-order marks; UTF-32LE's starts like UTF-16LE's, so it is tested first.
  if (StartsWith(raw, "\xEF\xBB\xBF")) {
    sniff.bom = 3;
    sniff.how = "byte-order mark";
  } else if (StartsWith(raw, std::string_view("\xFF\xFE\0\0", 4))) {
    sniff.encoding = Encoding::kUtf32Le, sniff.bom = 4, sniff.how = "byte-order mark";
  } else if (StartsWith(raw, std::string_view("\0\0\xFE\xFF", 4))) {
    sniff.encoding = Encoding::kUtf32Be, sniff.bom = 4, sniff.how = "byte-order mark";
  } else if (StartsWith(raw, "\xFF\xFE")) {
    sniff.encoding = Encoding::kUtf16Le, sniff.bom = 2, sniff.how = "byte-order mark";
  } else if (StartsWith(raw, "\xFE\xFF")) {
    sniff.encoding = Encoding::kUtf16Be, sniff.bom = 2, sniff.how = "byte-order mark";
  } else if (const char* format = KnownBinaryFormat(raw)) {
    sniff.reject = std::string("binary file: ") + format + ", not text";
    return sniff;
  } else if (bool big = false; LooksLikeUtf16(raw, &big)) {
    sniff.encoding = big ? Encoding::kUtf16Be : Encoding::kUtf16Le;
    sniff.how = "zero bytes between ASCII letters; no byte-order mark";
  }

  // One pass over the code units: control characters, text at all, and for
  // UTF-8 how many multi-byte sequences are well-formed.
  const int width = UnitWidth(sniff.encoding);
  const bool big = BigEndian(sniff.encoding);
  size_t units = 0;
  size_t controls = 0;
  size_t nuls = 0;
  bool text = false;
  size_t valid_multibyte = 0;
  size_t invalid = 0;
  size_t i = sniff.bom;
  while (i < raw.size()) {
    uint32_t unit;
    size_t step = static_cast<size_t>(width);
    if (width == 1) {
      unit = static_cast<unsigned char>(raw[i]);
      if (unit >= 0x80) {
        char32_t cp;
        const int len = DecodeUtf8(raw.data() + i, raw.size() - i, &cp);
        if (len == 0) {
          ++invalid;
        } else {
          ++valid_multibyte;
          step = static_cast<size_t>(len);
        }
      }
    } else if (i + step <= raw.size()) {
      unit = Unit(raw, i, width, big);
    } else {
      break;  // a truncated last code unit: DecodeText reports it
    }
    ++units;
    if (unit == 0) ++nuls;
    if (IsBinaryControl(unit)) {
      ++controls;
    } else if (!IsAsciiSpace(unit) && !(unit == 0xFEFF)) {
      text = true;
    }
    i += step;
  }
  if (controls * 50 > units && controls >= 4) {
    // More than 2% control characters: no article looks like that.
    sniff.reject = "binary file: " + Percent(controls, units) + " of its " +
                   std::string(width == 1 ? "bytes" : "characters") + " are control characters" +
                   (nuls > 0 ? " (" + std::to_string(nuls) + " NUL)" : std::string());
    return sniff;
  }
  if (!text) {
    sniff.reject = "no text: the file holds only white space";
    return sniff;
  }
  if (sniff.encoding == Encoding::kUtf8 && sniff.bom == 0 && invalid > 0 && invalid >= 9 * valid_multibyte) {
    // Bytes 0x80-0xFF standing alone: a single-byte encoding, most likely
    // Windows-1252 (a superset of Latin-1 in practice).
    sniff.encoding = Encoding::kWindows1252;
    sniff.how = std::to_string(invalid) + (invalid == 1 ? " byte above 0x7F is" : " bytes above 0x7F are") +
                " not UTF-8" +
                (valid_multibyte > 0 ? "; " + std::to_string(valid_multibyte) + " sequences are" : std::string());
  }
  return sniff;
}

DecodedText DecodeText(std::string_view raw, Encoding encoding, uint32_t bom) {
  DecodedText out;
  const int width = UnitWidth(encoding);
  const bool big = BigEndian(encoding);
  out.text.reserve(width == 1 ? raw.size() + raw.size() / 8 : raw.size() / static_cast<size_t>(width) + 16);
  bom = std::min<uint32_t>(bom, static_cast<uint32_t>(raw.size()));
  if (bom > 0) out.map.AddReplacement(0, 0, bom);  // the byte-order mark becomes nothing
  uint32_t line = 1;
  auto malformed = [&](size_t at, size_t end) {
    ++out.malformed;
    if (out.first_malformed_line == 0) out.first_malformed_line = line;
    out.map.AddReplacement(static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(at), static_cast<uint32_t>(end));
    AppendUtf8(0xFFFD, &out.text);
  };
  auto emit = [&](char32_t cp, size_t at, size_t end) {
    const auto norm = static_cast<uint32_t>(out.text.size());
    if (cp < 0x80) {
      if (cp == '\n') ++line;
      out.map.AddScaled(norm, static_cast<uint32_t>(at), 1, static_cast<uint32_t>(end - at));
      out.text.push_back(static_cast<char>(cp));
    } else {
      out.map.AddReplacement(norm, static_cast<uint32_t>(at), static_cast<uint32_t>(end));
      AppendUtf8(cp, &out.text);
    }
  };
  size_t i = bom;
  if (encoding == Encoding::kWindows1252 || encoding == Encoding::kUtf8) {
    for (; i < raw.size(); ++i) {
      const auto b = static_cast<unsigned char>(raw[i]);
      char32_t cp = b;
      if (b >= 0x80 && b < 0xA0) cp = kWindows1252High[b - 0x80];
      emit(cp, i, i + 1);
    }
  } else if (width == 2) {
    while (i < raw.size()) {
      if (i + 2 > raw.size()) {
        malformed(i, raw.size());
        break;
      }
      const uint32_t u = Unit(raw, i, 2, big);
      if (u >= 0xD800 && u <= 0xDBFF && i + 4 <= raw.size()) {
        const uint32_t low = Unit(raw, i + 2, 2, big);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          emit(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), i, i + 4);
          i += 4;
          continue;
        }
      }
      if (u >= 0xD800 && u <= 0xDFFF) {
        malformed(i, i + 2);
      } else {
        emit(u, i, i + 2);
      }
      i += 2;
    }
  } else {
    while (i < raw.size()) {
      if (i + 4 > raw.size()) {
        malformed(i, raw.size());
        break;
      }
      const uint32_t u = Unit(raw, i, 4, big);
      if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) {
        malformed(i, i + 4);
      } else {
        emit(u, i, i + 4);
      }
      i += 4;
    }
  }
  out.map.Finish(static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(raw.size()));
  return out;
}

}  // namespace crosscheck::text
