#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace crosscheck::text {
namespace {

// Abbreviations that are never the end of a sentence: they precede a name.
constexpr std::array<std::string_view, 34> kTitleAbbreviations = {
    "adm", "atty", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "ft", "gen", "gov",
    "hon", "insp", "jr", "lt", "maj", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt",
    "rep", "rev", "sen", "sgt", "sr", "st", "supt", "messrs", "mme", "mssrs"};

// Abbreviations that usually continue the sentence but may end it ("... in
// Alturas, Calif. The police said"): they end it only before a word that
// typically starts a sentence.
constexpr std::array<std::string_view, 62> kOtherAbbreviations = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "no", "nos", "vs", "approx", "est", "dept", "fig", "al", "inc", "corp", "ltd", "co", "etc",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn"};

constexpr std::array<std::string_view, 8> kMoreStateAbbreviations = {"tex", "va", "vt", "wash", "wis", "wyo", "univ", "assn"};

// Words that commonly open a sentence; after an abbreviation or an initial they
// tell a sentence end from a continuing name.
constexpr std::array<std::string_view, 58> kSentenceStarters = {
    "a", "after", "also", "an", "and", "as", "at", "before", "both", "but", "during", "each",
    "earlier", "for", "he", "her", "his", "however", "i", "if", "in", "it", "its", "last",
    "later", "many", "meanwhile", "more", "most", "no", "now", "officials", "on", "one", "our", "police",
    "she", "since", "so", "some", "that", "the", "their", "then", "there", "these", "they", "this",
    "those", "though", "to", "two", "we", "what", "when", "while", "with", "you"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\n'; }
bool IsClosing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }
bool IsTerminal(char c) { return c == '.' || c == '!' || c == '?'; }
// A non-ASCII lead byte: treat as a letter that may start a sentence (É, Ö, «...).
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Lines at least this long that stop without punctuation were wrapped mid-sentence.
constexpr uint32_t kWrappedLineBytes = 60;

class Splitter {
 public:
  Splitter(std::string_view text, std::vector<SentenceSpan>* out) : text_(text), out_(out) {}

  void Range(ByteRange range, uint32_t paragraph) {
    paragraph_ = paragraph;
    const uint32_t end = std::min<uint32_t>(range.end, static_cast<uint32_t>(text_.size()));
    uint32_t start = range.begin;
    uint32_t i = range.begin;
    while (i < end) {
      const char c = text_[i];
      if (c == '\n') {
        const bool paragraph_break = i + 1 < end && text_[i + 1] == '\n';
        if (paragraph_break || !ContinuesAfterLineBreak(start, i, end)) {
          Emit(start, i);
          i += paragraph_break ? 2 : 1;
          if (paragraph_break) ++paragraph_;
          start = i;
          continue;
        }
      } else if (IsTerminal(c)) {
        uint32_t after = i + 1;
        while (after < end && (IsTerminal(text_[after]) || IsClosing(text_[after]))) ++after;
        if (IsBoundary(start, i, after, end)) {
          Emit(start, after);
          start = after;
          i = after;
          continue;
        }
        i = after;
        continue;
      }
      if (i - start >= kMaxSentenceBytes) {
        // A runaway sentence is cut: at the last space in its second half,
        // else at a character boundary.
        uint32_t cut = i;
        for (uint32_t k = i; k > start + kMaxSentenceBytes / 2; --k) {
          if (text_[k] == ' ') {
            cut = k;
            break;
          }
        }
        while (cut > start && (static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) --cut;
        if (cut == start) cut = i;  // not UTF-8 at all (never from the normaliser): cut anyway, and move on
        Emit(start, cut);
        start = cut;
        i = cut;
        continue;
      }
      ++i;
    }
    Emit(start, end);
  }

  uint32_t paragraph() const { return paragraph_; }

 private:
  // A single line break inside a paragraph continues the sentence only when the
  // line was cut mid-sentence: no terminal punctuation before, lowercase after.
  // A long line without an end is a hard-wrapped one, whatever comes next;
  // a short one is a heading or a dateline.
  bool ContinuesAfterLineBreak(uint32_t start, uint32_t at, uint32_t end) const {
    if (at == start) return true;
    uint32_t next = at + 1;
    if (next >= end) return false;
    const char prev = text_[at - 1];
    if (IsTerminal(prev) || IsClosing(prev) || prev == ':') return false;
    if (IsLower(text_[next]) || (IsDigit(text_[next]) && prev != '.')) return true;
    uint32_t line_start = at;
    while (line_start > start && text_[line_start - 1] != '\n') --line_start;
    return at - line_start >= kWrappedLineBytes && (IsLower(prev) || prev == ',' || IsDigit(prev));
  }

  // Decides whether the terminal punctuation at `at` (with trailing
  // punctuation and closing quotes up to `after`) ends the sentence.
  bool IsBoundary(uint32_t start, uint32_t at, uint32_t after, uint32_t end) const {
    if (after >= end) return true;
    const char follow = text_[after];
    if (!IsSpace(follow)) {
      // "2013.Shortly" / "stated.The": a missing space after a full stop.
      if (IsUpper(follow) && after + 1 < end && IsLower(text_[after + 1]) && at > start) {
        const char prev = text_[at - 1];
        if (IsLower(prev) || IsDigit(prev) || IsClosing(prev)) {
          std::string_view word = WordBefore(start, at);
          return !IsAbbreviationWord(word) && word.find('.') == std::string_view::npos;
        }
      }
      return false;
    }
    uint32_t next = after;
    while (next < end && text_[next] == ' ') ++next;
    if (next >= end || text_[next] == '\n') return true;
    const char first = text_[next];
    if (IsLower(first)) return false;  // '"Is it?" he asked', '4 a.m. in the wake'
    if (!(IsUpper(first) || IsDigit(first) || first == '"' || first == '\'' || first == '(' ||
          first == '[' || first == '-' || IsNonAscii(first))) {
      return false;
    }
    if (text_[at] != '.' || after - at > 1) return true;  // '!', '?', '...', or '." '
    std::string_view word = WordBefore(start, at);
    if (word.empty()) return true;
    const std::string lower = Lower(word);
    if (In(kTitleAbbreviations, lower)) return false;
    const bool single_letter = word.size() == 1 && IsUpper(word[0]);
    const bool dotted = word.find('.') != std::string_view::npos;  // "U.S", "J.D", "a.m"
    if (single_letter || dotted || IsAbbreviationWord(lower)) {
      if (IsDigit(first)) return false;  // "Feb. 20", "No. 5"
      return StartsSentence(next, end);
    }
    return true;
  }

  static bool IsAbbreviationWord(std::string_view word) {
    std::string lower = Lower(word);
    return In(kTitleAbbreviations, lower) || In(kOtherAbbreviations, lower) || In(kMoreStateAbbreviations, lower);
  }

  // The token just before position `at`: letters, digits and inner dots.
  std::string_view WordBefore(uint32_t start, uint32_t at) const {
    uint32_t b = at;
    while (b > start && (std::isalnum(static_cast<unsigned char>(text_[b - 1])) || text_[b - 1] == '.')) --b;
    return text_.substr(b, at - b);
  }

  bool StartsSentence(uint32_t next, uint32_t end) const {
    uint32_t e = next;
    while (e < end && std::isalpha(static_cast<unsigned char>(text_[e]))) ++e;
    return In(kSentenceStarters, Lower(text_.substr(next, e - next)));
  }

  void Emit(uint32_t begin, uint32_t end) {
    while (begin < end && IsSpace(text_[begin])) ++begin;
    while (end > begin && IsSpace(text_[end - 1])) --end;
    if (begin >= end) return;
    // A run of punctuation alone ("...", "*") is not a sentence.
    bool has_word = false;
    for (uint32_t k = begin; k < end && !has_word; ++k) {
      has_word = std::isalnum(static_cast<unsigned char>(text_[k])) || IsNonAscii(text_[k]);
    }
    if (!has_word) return;
    out_->push_back({{begin, end}, paragraph_});
  }

  std::string_view text_;
  std::vector<SentenceSpan>* out_;
  uint32_t paragraph_ = 0;
};

uint32_t CountParagraphBreaks(std::string_view text, uint32_t from, uint32_t to) {
  uint32_t count = 0;
  for (uint32_t i = from; i + 1 < to; ++i) {
    if (text[i] == '\n' && text[i + 1] == '\n') {
      ++count;
      ++i;
    }
  }
  return count;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, const std::vector<ByteRange>& ranges) {
  std::vector<SentenceSpan> out;
  Splitter splitter(text, &out);
  uint32_t paragraph = 0;
  uint32_t last_end = 0;
  for (const ByteRange& range : ranges) {
    paragraph += CountParagraphBreaks(text, last_end, range.begin);
    splitter.Range(range, paragraph);
    paragraph = splitter.paragraph();
    last_end = range.end;
  }
  return out;
}

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  return SplitSentences(text, {ByteRange{0, static_cast<uint32_t>(text.size())}});
}

}  // namespace crosscheck::text
