// SentenceSplitter: rule-based sentence boundaries over normalised text.
//
// Why not ICU's BreakIterator: ICU breaks after "U.S." before a capitalised
// word ("the U.S. President Trump"), counts blank lines as sentences, and
// running it over every byte costs as much as matching (shared/PERF-ANCHORS.md:
// ~100 MB/s against ~195 MB/s for a careful rule splitter). The rules here know
// abbreviations (Mr., Feb., U.S., J.D.), initials, decimals, quotations that
// end a sentence, and the missing space of "in 2013.Shortly after".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "crosscheck/offset_map.h"

namespace crosscheck::text {

struct SentenceSpan {
  ByteRange norm;          // trimmed, in normalised-text offsets
  uint32_t paragraph = 0;  // 0-based paragraph ("\n\n"-separated block) index
};

// No sentence is longer than this: a longer one is cut at its last space (or,
// with none, at a character boundary), so that one runaway "line of megabytes"
// cannot make a sentence unbounded.
inline constexpr uint32_t kMaxSentenceBytes = 4000;

// Splits `text` (the output of NormaliseText) into sentences, considering only
// the given ranges (the article body after boilerplate removal), in order.
std::vector<SentenceSpan> SplitSentences(std::string_view text, const std::vector<ByteRange>& ranges);

// Convenience: the whole text is one range.
std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace crosscheck::text
