// TextNormaliser: turns an article's original bytes into the text that
// templates match against, keeping an OffsetMap back to the original.
//
// One pass over the bytes does all of it: UTF-8 decoding (ill-formed bytes
// become U+FFFD and are reported), HTML tag and entity removal, `\"` escapes,
// curly quotes and dashes folded to ASCII, zero-width and control characters
// dropped, Unicode NFC, and whitespace collapsed to one space, or to "\n" for a
// line break and "\n\n" for a paragraph break (the sentence splitter uses both).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/offset_map.h"

namespace crosscheck::text {

// Something in the input that normalisation had to repair.
struct TextIssue {
  uint32_t raw_offset = 0;  // byte offset in the original
  uint32_t line = 0;        // 1-based line of that byte
  std::string message;
};

struct NormalisedText {
  std::string text;  // normalised, well-formed UTF-8 in NFC
  OffsetMap map;     // normalised offsets -> original offsets
  std::vector<TextIssue> issues;
  uint32_t invalid_utf8_sequences = 0;
};

struct NormaliseOptions {
  // Strip tags, drop script/style/nav/footer content and turn block tags into
  // paragraph breaks. Default: false (plain text; entities are still decoded).
  bool html = false;
};

NormalisedText NormaliseText(std::string_view raw, const NormaliseOptions& options);

// True when the bytes look like an HTML page rather than plain text, whatever
// the file is called (scrapers often save pages as .txt).
bool LooksLikeHtml(std::string_view raw);

}  // namespace crosscheck::text
