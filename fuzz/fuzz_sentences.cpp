// Fuzz target: sentence segmentation of normalised text, over the whole text
// and over ranges cut by the input's first byte. Sentences must be non-empty,
// ordered, disjoint, inside their range and whole UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "text/sentence_splitter.h"
#include "text/text_normaliser.h"
#include "text/utf8.h"

namespace {

void CheckSpans(const std::string& text, const std::vector<crosscheck::text::SentenceSpan>& spans,
                const std::vector<crosscheck::ByteRange>& ranges) {
  uint32_t previous_end = 0;
  uint32_t previous_paragraph = 0;
  for (const crosscheck::text::SentenceSpan& s : spans) {
    FUZZ_CHECK(s.norm.begin < s.norm.end && s.norm.end <= text.size());
    FUZZ_CHECK(s.norm.begin >= previous_end);
    FUZZ_CHECK(s.paragraph >= previous_paragraph);
    previous_end = s.norm.end;
    previous_paragraph = s.paragraph;
    FUZZ_CHECK(crosscheck::text::IsValidUtf8(std::string_view(text).substr(s.norm.begin, s.norm.size())));
    bool inside = false;
    for (const crosscheck::ByteRange& r : ranges) inside = inside || (s.norm.begin >= r.begin && s.norm.end <= r.end);
    FUZZ_CHECK(inside);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 1 << 16) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  // The splitter is given normalised text, as in the pipeline.
  const std::string text = crosscheck::text::NormaliseText(input, {false}).text;
  const std::vector<crosscheck::ByteRange> whole = {{0, static_cast<uint32_t>(text.size())}};
  CheckSpans(text, crosscheck::text::SplitSentences(text), whole);
  // Kept ranges as the boilerplate filter gives them: ordered, disjoint, on
  // character boundaries (here: cut at line starts chosen by the first byte).
  std::vector<crosscheck::ByteRange> ranges;
  uint32_t begin = 0;
  unsigned line = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if ((data[0] >> (line++ % 8)) & 1) ranges.push_back({begin, i});
      begin = i + 1;
    }
  }
  CheckSpans(text, crosscheck::text::SplitSentences(text, ranges), ranges.empty() ? whole : ranges);
  return 0;
}
