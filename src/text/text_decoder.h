// TextDecoder: decides what an article file's bytes are, and turns text that
// is not UTF-8 into UTF-8 with an OffsetMap back to the original bytes.
//
// Scrapers save pages in whatever encoding the site used. SniffText looks at
// the bytes once and says one of:
//   - UTF-8 (with or without a byte-order mark): the normaliser reads it as it
//     is, repairing ill-formed bytes to U+FFFD with a line-numbered warning;
//   - Windows-1252 (which covers Latin-1): no byte-order mark, not valid UTF-8,
//     and the bytes 0x80-0xFF stand alone instead of forming UTF-8 sequences;
//   - UTF-16 or UTF-32, little or big endian: from the byte-order mark, or for
//     UTF-16 without one from the zero bytes of ASCII text at every other byte;
//   - not an article at all: an empty file, a known binary format (PDF, ZIP,
//     gzip, images, executables, SQLite...) or bytes with many NUL or other
//     control characters. These come back with the reason in `reject`.
// Other single-byte encodings (ISO-8859-2, KOI8-R...) are read as
// Windows-1252: wrong letters, but offsets stay right and nothing is lost.
//
// DecodeText converts a non-UTF-8 encoding to UTF-8. Its map is chained with
// the normaliser's (OffsetMap::Compose) so that evidence still points into the
// original bytes. Both run in time linear in the input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "crosscheck/offset_map.h"

namespace crosscheck::text {

enum class Encoding { kUtf8, kWindows1252, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// "UTF-8", "Windows-1252", "UTF-16LE", ...
std::string_view EncodingName(Encoding encoding);

struct TextSniff {
  Encoding encoding = Encoding::kUtf8;
  uint32_t bom = 0;     // bytes of byte-order mark at the start (already part of the original)
  std::string reject;   // not empty: these bytes are not an article, and why ("binary file: ...")
  std::string how;      // how the encoding was found, for the notice ("byte-order mark", ...)
};

// Looks at the bytes (all of them, once) and decides their encoding, or that
// they are not text.
TextSniff SniffText(std::string_view raw);

struct DecodedText {
  std::string text;          // well-formed UTF-8
  OffsetMap map;             // text offsets -> original offsets
  uint32_t malformed = 0;    // code units that could not be decoded (now U+FFFD)
  uint32_t first_malformed_line = 0;  // 1-based line of the first of them, 0 when none
};

// Converts `raw` from `encoding` (not kUtf8) to UTF-8, skipping the first
// `bom` bytes. Unpaired surrogates, a truncated last code unit and values
// beyond U+10FFFF become U+FFFD and are counted in `malformed`.
DecodedText DecodeText(std::string_view raw, Encoding encoding, uint32_t bom);

}  // namespace crosscheck::text
