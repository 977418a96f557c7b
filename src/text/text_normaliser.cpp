#include "text/text_normaliser.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "text/html_entities.h"
#include "text/utf8.h"

namespace crosscheck::text {
namespace {

constexpr size_t kMaxReportedIssues = 20;

bool IsWhitespace(char32_t cp) {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool IsDropped(char32_t cp) {
  if (cp < 0x20) return true;  // C0 controls that are not whitespace (whitespace is tested first)
  if (cp >= 0x7F && cp < 0xA0) return true;
  switch (cp) {
    case 0xAD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return true;
    default:
      return false;
  }
}

// Typographic characters folded to ASCII so that one pattern matches every
// outlet's typography. Returns nullptr when `cp` is not folded.
const char* Fold(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x2039: case 0x203A:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    default:
      return nullptr;
  }
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// Tags whose whole content is dropped: code, styling and page furniture.
constexpr std::array<std::string_view, 12> kSkippedElements = {
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "form", "button", "select"};
// Tags that end a paragraph.
constexpr std::array<std::string_view, 30> kBlockElements = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// Builds the normalised text and its offset map.
class Emitter {
 public:
  Emitter(std::string_view raw, NormalisedText* out) : raw_(raw), out_(out) {}

  void Text(uint32_t raw_begin, uint32_t raw_end, std::string_view s, bool identity) {
    FlushWhitespace(raw_begin);
    const auto norm = static_cast<uint32_t>(out_->text.size());
    if (identity) {
      out_->map.AddIdentity(norm, raw_begin, raw_end - raw_begin);
    } else {
      out_->map.AddReplacement(norm, raw_begin, raw_end);
    }
    out_->text.append(s);
  }

  void Whitespace(uint32_t raw_begin, int newlines) {
    if (!pending_) {
      pending_ = true;
      ws_raw_begin_ = raw_begin;
      newlines_ = 0;
    }
    newlines_ += newlines;
  }

  // Bytes that produce nothing. Inside a whitespace run they simply extend it.
  void Drop(uint32_t raw_begin) {
    if (pending_) return;
    out_->map.AddReplacement(static_cast<uint32_t>(out_->text.size()), raw_begin, raw_begin);
  }

  void Finish(uint32_t raw_size) {
    if (pending_) {
      // Trailing whitespace maps to nothing.
      out_->map.AddReplacement(static_cast<uint32_t>(out_->text.size()), ws_raw_begin_, raw_size);
      pending_ = false;
    }
    out_->map.Finish(static_cast<uint32_t>(out_->text.size()), raw_size);
  }

 private:
  void FlushWhitespace(uint32_t next_raw) {
    if (!pending_) return;
    pending_ = false;
    const auto norm = static_cast<uint32_t>(out_->text.size());
    if (out_->text.empty()) {
      out_->map.AddReplacement(norm, ws_raw_begin_, 0);  // leading whitespace maps to nothing
      return;
    }
    const char* collapsed = newlines_ >= 2 ? "\n\n" : newlines_ == 1 ? "\n" : " ";
    if (next_raw == ws_raw_begin_ + 1 && raw_[ws_raw_begin_] == collapsed[0] && collapsed[1] == '\0') {
      // One space kept as it was: identity, so that the map stays one segment
      // per run of ordinary text instead of two per word.
      out_->map.AddIdentity(norm, ws_raw_begin_, 1);
    } else {
      out_->map.AddReplacement(norm, ws_raw_begin_, 0);
    }
    out_->text.append(collapsed);
  }

  std::string_view raw_;
  NormalisedText* out_;
  bool pending_ = false;
  uint32_t ws_raw_begin_ = 0;
  int newlines_ = 0;
};

class Normaliser {
 public:
  Normaliser(std::string_view raw, const NormaliseOptions& options, NormalisedText* out)
      : raw_(raw), html_(options.html), out_(out), emit_(raw, out) {
    UErrorCode status = U_ZERO_ERROR;
    nfc_ = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) nfc_ = nullptr;
  }

  void Run() {
    out_->text.reserve(raw_.size());
    size_t i = 0;
    while (i < raw_.size()) {
      const auto c = static_cast<unsigned char>(raw_[i]);
      if (c == '\n') ++line_;
      if (html_ && c == '<') {
        size_t consumed = Tag(i);
        if (consumed > 0) {
          CountLines(i + 1, i + consumed);
          i += consumed;
          continue;
        }
      }
      if (c == '&') {
        char32_t cp;
        size_t len = DecodeHtmlEntity(raw_.substr(i), &cp);
        if (len > 0) {
          CodePoint(cp, i, i + len, /*identity=*/false);
          i += len;
          continue;
        }
      }
      if (c == '\\' && i + 1 < raw_.size() && (raw_[i + 1] == '"' || raw_[i + 1] == '\'')) {
        // Escaped quotes left by scrapers that serialised the text as JSON.
        emit_.Text(Pos(i), Pos(i + 2), raw_.substr(i + 1, 1), false);
        i += 2;
        continue;
      }
      if (size_t run = PlainRun(i); run > 0) {
        emit_.Text(Pos(i), Pos(i + run), raw_.substr(i, run), true);
        i += run;
        continue;
      }
      if (c < 0x80) {
        // A combining mark after a letter composes with it; after a space or a
        // control character there is nothing to compose with.
        if (c > 0x20 && c != 0x7F && i + 1 < raw_.size() && static_cast<unsigned char>(raw_[i + 1]) >= 0x80 &&
            NextHasNoBoundary(i + 1)) {
          i = Cluster(i, 1);
        } else {
          CodePoint(c, i, i + 1, true);
          ++i;
        }
        continue;
      }
      char32_t cp;
      int len = DecodeUtf8(raw_.data() + i, raw_.size() - i, &cp);
      if (len == 0) {
        Invalid(i);
        ++i;
        continue;
      }
      if (IsWhitespace(cp) || IsDropped(cp) || Fold(cp) != nullptr) {
        CodePoint(cp, i, i + static_cast<size_t>(len), true);
        i += static_cast<size_t>(len);
      } else {
        i = Cluster(i, static_cast<size_t>(len));
      }
    }
    emit_.Finish(static_cast<uint32_t>(raw_.size()));
  }

 private:
  static uint32_t Pos(size_t i) { return static_cast<uint32_t>(i); }

  // Printable ASCII that is kept as it is: most of an article.
  static bool Plain(unsigned char c) { return c > 0x20 && c < 0x7F && c != '<' && c != '&' && c != '\\'; }

  // How many bytes from `at` are plain and can be copied in one piece, as
  // CodePoint() would keep them one by one; 0 when raw_[at] is not. The last
  // byte before a non-ASCII one is left out: a combining mark may follow it.
  // A single space between two plain bytes belongs to the run: the emitter
  // would keep it as it is (identity) between the two runs it separates, and
  // one piece per line instead of one per word saves a map segment check and
  // an append per word.
  size_t PlainRun(size_t at) const {
    size_t end = at;
    while (end < raw_.size()) {
      const auto c = static_cast<unsigned char>(raw_[end]);
      if (Plain(c) ||
          (c == ' ' && end > at && end + 1 < raw_.size() && Plain(static_cast<unsigned char>(raw_[end + 1])))) {
        ++end;
      } else {
        break;
      }
    }
    if (end < raw_.size() && static_cast<unsigned char>(raw_[end]) >= 0x80 && end > at) --end;
    if (end > at && raw_[end - 1] == ' ') --end;  // a run ends on a plain byte, as it starts
    return end - at;
  }

  void CountLines(size_t from, size_t to) {
    line_ += static_cast<uint32_t>(std::count(raw_.begin() + static_cast<ptrdiff_t>(from),
                                              raw_.begin() + static_cast<ptrdiff_t>(to), '\n'));
  }

  // Emits one code point that came from original bytes [begin, end).
  // `identity` says whether the output bytes equal the input bytes when the
  // code point is kept unchanged.
  void CodePoint(char32_t cp, size_t begin, size_t end, bool identity) {
    if (IsWhitespace(cp)) {
      int newlines = 0;
      if (!html_) {
        if (cp == '\n' || cp == 0x2029 || cp == 0x2028 || cp == 0x85) newlines = 1;
        // A lone CR is a line break; CR LF counts once, at the LF.
        if (cp == '\r' && !(end < raw_.size() && raw_[end] == '\n')) newlines = 1;
      }
      emit_.Whitespace(Pos(begin), newlines);
      return;
    }
    if (IsDropped(cp)) {
      emit_.Drop(Pos(begin));
      return;
    }
    if (const char* folded = Fold(cp)) {
      emit_.Text(Pos(begin), Pos(end), folded, false);
      return;
    }
    if (identity) {
      emit_.Text(Pos(begin), Pos(end), raw_.substr(begin, end - begin), true);
    } else {
      std::string utf8;
      AppendUtf8(cp, &utf8);
      emit_.Text(Pos(begin), Pos(end), utf8, false);
    }
  }

  bool NextHasNoBoundary(size_t at) const {
    char32_t cp;
    int len = DecodeUtf8(raw_.data() + at, raw_.size() - at, &cp);
    return len > 0 && nfc_ != nullptr && !nfc_->hasBoundaryBefore(static_cast<UChar32>(cp));
  }

  // A base character plus the combining marks that follow it, normalised to NFC together.
  // At most kMaxClusterMarks marks go into one cluster (Unicode's stream-safe
  // limit is 30): reordering a run of marks costs time quadratic in its length,
  // and a "line" of a million combining marks must stay linear.
  static constexpr int kMaxClusterMarks = 32;
  size_t Cluster(size_t begin, size_t first_len) {
    size_t end = begin + first_len;
    int marks = 0;
    while (end < raw_.size() && marks < kMaxClusterMarks && static_cast<unsigned char>(raw_[end]) >= 0x80 &&
           NextHasNoBoundary(end)) {
      char32_t cp;
      end += static_cast<size_t>(DecodeUtf8(raw_.data() + end, raw_.size() - end, &cp));
      ++marks;
    }
    std::string_view original = raw_.substr(begin, end - begin);
    if (nfc_ == nullptr) {
      emit_.Text(Pos(begin), Pos(end), original, true);
      return end;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(original.data(), static_cast<int32_t>(original.size())));
    if (nfc_->isNormalized(source, status) && U_SUCCESS(status)) {
      emit_.Text(Pos(begin), Pos(end), original, true);
      return end;
    }
    status = U_ZERO_ERROR;
    icu::UnicodeString composed = nfc_->normalize(source, status);
    std::string utf8;
    if (U_FAILURE(status)) {
      utf8.assign(original);
    } else {
      composed.toUTF8String(utf8);
    }
    emit_.Text(Pos(begin), Pos(end), utf8, utf8 == original);
    return end;
  }

  void Invalid(size_t at) {
    ++out_->invalid_utf8_sequences;
    if (out_->issues.size() < kMaxReportedIssues) {
      out_->issues.push_back({Pos(at), line_, "invalid UTF-8 at byte " + std::to_string(at) + " (replaced by U+FFFD)"});
    }
    emit_.Text(Pos(at), Pos(at + 1), "\xEF\xBF\xBD", false);
  }

  // Handles a tag starting at raw_[at] == '<'. Returns the bytes consumed, or 0
  // when the '<' is not markup and must be kept as text.
  size_t Tag(size_t at) {
    std::string_view rest = raw_.substr(at);
    if (rest.substr(0, 4) == "<!--") {
      size_t close = rest.find("-->", 4);
      size_t len = close == std::string_view::npos ? rest.size() : close + 3;
      emit_.Drop(Pos(at));
      return len;
    }
    if (rest.size() < 2) return 0;
    const auto next = static_cast<unsigned char>(rest[1]);
    bool closing = next == '/';
    if (!(std::isalpha(next) || closing || next == '!' || next == '?')) return 0;
    size_t close = FindTagEnd(rest);
    if (close == std::string_view::npos) return 0;
    size_t name_begin = closing ? 2 : 1;
    size_t name_end = name_begin;
    while (name_end < close && (std::isalnum(static_cast<unsigned char>(rest[name_end])))) ++name_end;
    std::string name(rest.substr(name_begin, name_end - name_begin));
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    size_t len = close + 1;
    if (!closing && Contains(kSkippedElements, name)) {
      // Skip to the matching end tag; page furniture is not article text.
      std::string end_tag = "</" + name;
      size_t pos = len;
      while (pos < rest.size()) {
        size_t lt = rest.find('<', pos);
        if (lt == std::string_view::npos) {
          pos = rest.size();
          break;
        }
        if (StartsWithNoCase(rest.substr(lt), end_tag)) {
          size_t gt = rest.find('>', lt);
          pos = gt == std::string_view::npos ? rest.size() : gt + 1;
          break;
        }
        pos = lt + 1;
      }
      len = pos;
      emit_.Whitespace(Pos(at), 2);
      return len;
    }
    if (Contains(kBlockElements, name)) {
      emit_.Whitespace(Pos(at), name == "br" ? 1 : 2);
    } else {
      emit_.Drop(Pos(at));
    }
    return len;
  }

  static size_t FindTagEnd(std::string_view rest) {
    char quote = 0;
    // Tags longer than this are treated as text: a stray '<' must not swallow the article.
    const size_t limit = std::min<size_t>(rest.size(), 4096);
    for (size_t i = 1; i < limit; ++i) {
      char ch = rest[i];
      if (quote != 0) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '>') {
        return i;
      } else if (ch == '<') {
        return std::string_view::npos;
      }
    }
    return std::string_view::npos;
  }

  std::string_view raw_;
  bool html_;
  NormalisedText* out_;
  Emitter emit_;
  const icu::Normalizer2* nfc_ = nullptr;
  uint32_t line_ = 1;
};

}  // namespace

NormalisedText NormaliseText(std::string_view raw, const NormaliseOptions& options) {
  NormalisedText out;
  Normaliser(raw, options, &out).Run();
  return out;
}

bool LooksLikeHtml(std::string_view raw) {
  std::string_view head = raw.substr(0, 2048);
  size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos) return false;
  head = head.substr(start);
  if (StartsWithNoCase(head, "<!doctype html") || StartsWithNoCase(head, "<html") ||
      StartsWithNoCase(head, "<?xml") || StartsWithNoCase(head, "<head")) {
    return true;
  }
  // Many structural tags near the top also mean markup.
  int tags = 0;
  std::string lower(head);
  for (char& ch : lower) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;  // as tolower in "C"
  for (std::string_view tag : {"<p>", "<p ", "<div", "<br", "<span", "<a href", "<meta", "<body", "<script", "</p>"}) {
    size_t pos = 0;
    const std::string_view lower_head = lower;
    while ((pos = lower_head.find(tag, pos)) != std::string_view::npos) {
      ++tags;
      pos += tag.size();
    }
  }
  return tags >= 4;
}

}  // namespace crosscheck::text
