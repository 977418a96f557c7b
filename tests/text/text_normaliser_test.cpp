// Tests for text/text_normaliser (and html_entities): what templates match
// against, and the offset map that must lead from it back to the exact
// original bytes whatever normalisation did.
#include "text/text_normaliser.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/html_entities.h"
#include "text/utf8.h"

namespace crosscheck::text {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

NormalisedText Plain(std::string_view raw) { return NormaliseText(raw, {}); }
NormalisedText Html(std::string_view raw) { return NormaliseText(raw, NormaliseOptions{true}); }

// The original bytes behind the first occurrence of `needle` in the normalised text.
std::string RawOf(const NormalisedText& n, std::string_view raw, std::string_view needle) {
  const size_t at = n.text.find(needle);
  if (at == std::string::npos) return std::string("<").append(needle).append(" not in normalised text>");
  ByteRange r = n.map.ToRaw({static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
  return std::string(raw.substr(r.begin, r.size()));
}

// Properties every normalisation must have, whatever the input.
void CheckInvariants(const NormalisedText& n, std::string_view raw) {
  CHECK(IsValidUtf8(n.text));
  bool monotonic = true;
  bool in_bounds = true;
  uint32_t previous = 0;
  for (uint32_t i = 0; i <= n.text.size(); ++i) {
    const uint32_t begin = n.map.ToRawBegin(i);
    monotonic = monotonic && begin >= previous;  // the map never goes backwards
    in_bounds = in_bounds && begin <= raw.size() && n.map.ToRawEnd(i) <= raw.size();
    previous = begin;
  }
  CHECK(monotonic);
  CHECK(in_bounds);
  // The whole normalised text covers the original up to any trailing whitespace.
  CHECK(n.map.ToRawEnd(static_cast<uint32_t>(n.text.size())) <= raw.size());
}

struct Case {
  std::string raw;
  std::string text;     // expected normalised text
  std::string needle;   // a piece of `text` ...
  std::string original; // ... and the original bytes it must map back to
};

void RunCases(const std::vector<Case>& cases, bool html) {
  for (const Case& c : cases) {
    CAPTURE(c.raw);
    const NormalisedText n = html ? Html(c.raw) : Plain(c.raw);
    CHECK(n.text == c.text);
    if (!c.needle.empty()) CHECK(RawOf(n, c.raw, c.needle) == c.original);
    CHECK(n.issues.empty());
    CheckInvariants(n, c.raw);
  }
}

}  // namespace

TEST_CASE("NormaliseText folds typography and maps it back to the original bytes", "[text]") {
  RunCases(
      {
          {"He said \xE2\x80\x9Chi\xE2\x80\x9D.", "He said \"hi\".", "\"hi\"", "\xE2\x80\x9Chi\xE2\x80\x9D"},
          {"Trump\xE2\x80\x99s plan", "Trump's plan", "Trump's", "Trump\xE2\x80\x99s"},
          {"\xC2\xAByes\xC2\xBB", "\"yes\"", "yes\"", "yes\xC2\xBB"},
          {"2010\xE2\x80\x93" "2012", "2010-2012", "-", "\xE2\x80\x93"},
          {"ok \xE2\x80\x94 fine", "ok - fine", "ok - fine", "ok \xE2\x80\x94 fine"},
          {"wait\xE2\x80\xA6 what", "wait... what", "...", "\xE2\x80\xA6"},
          {"minus \xE2\x88\x92" "5", "minus -5", "-5", "\xE2\x88\x92" "5"},
          // Quotes escaped by scrapers that serialised the article as JSON.
          {"She said \\\"no\\\".", "She said \"no\".", "\"no\"", "\\\"no\\\""},
          {"it\\'s", "it's", "it's", "it\\'s"},
          {"a back\\slash stays", "a back\\slash stays", "back\\slash", "back\\slash"},
      },
      false);
}

TEST_CASE("NormaliseText collapses whitespace and keeps line and paragraph breaks", "[text]") {
  RunCases(
      {
          {"10\xC2\xA0km", "10 km", "10 km", "10\xC2\xA0km"},  // NBSP
          {"a \t  b", "a b", "a b", "a \t  b"},
          {"  lead and trail \n\n ", "lead and trail", "lead", "lead"},
          {"one\r\ntwo", "one\ntwo", "one\ntwo", "one\r\ntwo"},          // CRLF is one line break
          {"one\r\n\r\ntwo", "one\n\ntwo", "\n\n", "\r\n\r\n"},         // two CRLF are a paragraph
          {"one\rtwo", "one\ntwo", "\n", "\r"},                         // a lone CR is a line break
          {"a\n\n\n\nb", "a\n\nb", "b", "b"},                          // at most one paragraph break
          {"a \n \n b", "a\n\nb", "\n\n", " \n \n "},
          {"x\xE2\x80\xA8y", "x\ny", "\n", "\xE2\x80\xA8"},              // LINE SEPARATOR
          {"thin\xE2\x80\x89space\xE3\x80\x80ideo", "thin space ideo", "space", "space"},
          {"", "", "", ""},
          {" \n\t ", "", "", ""},
      },
      false);
}

TEST_CASE("NormaliseText decodes HTML entities even in plain text", "[text]") {
  RunCases(
      {
          {"AT&amp;T", "AT&T", "&", "&amp;"},
          {"caf&eacute;", "caf\xC3\xA9", "\xC3\xA9", "&eacute;"},
          {"Trump&#8217;s", "Trump's", "'", "&#8217;"},
          {"Trump&#x2019;s", "Trump's", "'", "&#x2019;"},
          {"&quot;Hi&quot;", "\"Hi\"", "\"Hi\"", "&quot;Hi&quot;"},
          {"5&nbsp;km", "5 km", " ", "&nbsp;"},
          {"co&shy;operate", "cooperate", "cooperate", "co&shy;operate"},
          {"&#128512;", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "&#128512;"},
          // Not references: kept as they are.
          {"Q&A", "Q&A", "Q&A", "Q&A"},
          {"&amp without semicolon", "&amp without semicolon", "&amp", "&amp"},
          {"&unknown;", "&unknown;", "&unknown;", "&unknown;"},
          {"&#;", "&#;", "&#;", "&#;"},
          {"&#xZZ;", "&#xZZ;", "&#xZZ;", "&#xZZ;"},
      },
      false);
}

TEST_CASE("DecodeHtmlEntity", "[text]") {
  struct Decoded {
    std::string text;
    char32_t cp;
    size_t length;
  };
  const std::vector<Decoded> decoded = {
      {"&amp;", U'&', 5},        {"&lt;rest", U'<', 4},      {"&rsquo;", 0x2019, 7},
      {"&Eacute;", 0xC9, 8},     {"&zwsp;", 0x200B, 6},      {"&#65;", U'A', 5},
      {"&#x41;", U'A', 6},       {"&#X41;", U'A', 6},        {"&#0;", 0xFFFD, 4},     // NUL is not a character
      {"&#xD800;", 0xFFFD, 8},   {"&#x110000;", 0xFFFD, 10},
  };
  for (const Decoded& d : decoded) {
    CAPTURE(d.text);
    char32_t cp = 0;
    CHECK(DecodeHtmlEntity(d.text, &cp) == d.length);
    CHECK(cp == d.cp);
  }
  // Every name in the table is found: a wrongly sorted table loses some to the binary search.
  const std::vector<std::string> names = {
      "Aacute", "Eacute", "Ntilde", "Ouml",  "Uuml",   "aacute", "acirc",  "agrave", "amp",    "apos",
      "auml",   "bdquo",  "bull",   "ccedil", "cent",  "copy",   "deg",    "eacute", "ecirc",  "egrave",
      "euml",   "euro",   "frac12", "frac14", "frac34", "gt",    "hellip", "iacute", "iexcl",  "iquest",
      "laquo",  "ldquo",  "lsaquo", "lsquo", "lt",     "mdash",  "middot", "minus",  "nbsp",   "ndash",
      "ntilde", "oacute", "ocirc",  "ouml",  "pound",  "prime",  "quot",   "raquo",  "rdquo",  "reg",
      "rsaquo", "rsquo",  "sbquo",  "sect",  "shy",    "szlig",  "thinsp", "trade",  "uacute", "uuml",
      "yen",    "zwj",    "zwnj",   "zwsp"};
  for (const std::string& name : names) {
    CAPTURE(name);
    char32_t cp = 0;
    CHECK(DecodeHtmlEntity("&" + name + ";", &cp) == name.size() + 2);
  }
  const std::vector<std::string> rejected = {
      "", "&", "&;", "amp;", "&amp", "&AMP;", "&nosuch;", "&#;", "&#x;", "&#12a;", "&#-1;", "&verylongname;"};
  for (const std::string& text : rejected) {
    CAPTURE(text);
    char32_t cp = 0;
    CHECK(DecodeHtmlEntity(text, &cp) == 0);
  }
}

TEST_CASE("NormaliseText composes to NFC and keeps the decomposed original", "[text]") {
  RunCases(
      {
          {"cafe\xCC\x81 open", "caf\xC3\xA9 open", "\xC3\xA9", "e\xCC\x81"},
          {"cafe\xCC\x81 open", "caf\xC3\xA9 open", "open", "open"},  // offsets after it still line up
          {"cafe\xCC\x81 open", "caf\xC3\xA9 open", "caf\xC3\xA9", "cafe\xCC\x81"},
          {"Zo\xC3\xAB", "Zo\xC3\xAB", "\xC3\xAB", "\xC3\xAB"},        // already composed: unchanged
          {"A\xCC\x8A" "ngstr\xC3\xB6m", "\xC3\x85ngstr\xC3\xB6m", "\xC3\x85", "A\xCC\x8A"},
          {"n\xCC\x83 x", "\xC3\xB1 x", "x", "x"},
      },
      false);
}

TEST_CASE("NormaliseText: whitespace before a combining mark is collapsed, not glued to the mark", "[text]") {
  // A combining mark has nothing to compose with after whitespace: the
  // whitespace is collapsed like any other and the mark stands alone.
  RunCases(
      {
          // Leading whitespace is dropped: the text does not start with a space.
          {" \xCC\x81x", "\xCC\x81x", "\xCC\x81x", "\xCC\x81x"},
          {"\t\xCC\x81x", "\xCC\x81x", "\xCC\x81x", "\xCC\x81x"},
          // Runs of spaces and tabs before the mark become one space.
          {"a  \xCC\x81" "b", "a \xCC\x81" "b", "a \xCC\x81" "b", "a  \xCC\x81" "b"},
          {"a\t\xCC\x81" "b", "a \xCC\x81" "b", " ", "\t"},
          {"a \xCC\x81" "b", "a \xCC\x81" "b", "\xCC\x81" "b", "\xCC\x81" "b"},
          // A line break before the mark is a line break, not a raw byte inside a word.
          {"a \n\xCC\x81" "b", "a\n\xCC\x81" "b", "\n", " \n"},
          {"a\n\xCC\x81 b", "a\n\xCC\x81 b", "\xCC\x81 b", "\xCC\x81 b"},
      },
      false);
}

TEST_CASE("NormaliseText: single spaces inside plain text map byte for byte, next to anything", "[text]") {
  // Plain text and its single spaces are copied in one piece; every offset
  // must still lead to the same byte of the original.
  const std::string plain = "The harbour budget was approved on Tuesday, officials said. It costs $4.5m (net).";
  const NormalisedText n = Plain(plain);
  CHECK(n.text == plain);
  bool identity = true;
  for (uint32_t i = 0; i <= plain.size(); ++i) identity = identity && n.map.ToRawBegin(i) == i;
  CHECK(identity);
  CheckInvariants(n, plain);
  // A single space next to what is not plain: an entity, an escaped quote, a
  // combining mark, a line break, more spaces, the start or the end.
  RunCases(
      {
          {"salt &amp; pepper here", "salt & pepper here", "pepper here", "pepper here"},
          {"salt &amp; pepper here", "salt & pepper here", "& pepper", "&amp; pepper"},
          {"he said \\\"yes\\\" to it", "he said \"yes\" to it", "\"yes\" to it", "\\\"yes\\\" to it"},
          {"a cafe\xCC\x81 b c", "a caf\xC3\xA9 b c", "\xC3\xA9 b c", "e\xCC\x81 b c"},
          {"a cafe\xCC\x81 b c", "a caf\xC3\xA9 b c", "a caf", "a caf"},
          {"one e\xCC\x81 two", "one \xC3\xA9 two", "one \xC3\xA9", "one e\xCC\x81"},
          {"x y\r\nz w", "x y\nz w", "y\nz w", "y\r\nz w"},
          {"x y  z w", "x y z w", "y z w", "y  z w"},
          {"x y\tz w", "x y z w", "y z", "y\tz"},
          {" x y z", "x y z", "x y z", "x y z"},
          {"x y z ", "x y z", "x y z", "x y z"},
          {"x \xC3\xA9 y", "x \xC3\xA9 y", "x \xC3\xA9 y", "x \xC3\xA9 y"},
      },
      false);
  RunCases({{"a b <b>bold</b> c d", "a b bold c d", "b bold c", "b <b>bold</b> c"}}, true);
}

TEST_CASE("NormaliseText drops zero-width and control characters", "[text]") {
  RunCases(
      {
          {"Don\xE2\x80\x8B" "ald", "Donald", "Donald", "Don\xE2\x80\x8B" "ald"},
          {"Don\xE2\x80\x8B" "ald", "Donald", "Don", "Don"},    // a range ending before it leaves it out
          {"Don\xE2\x80\x8B" "ald", "Donald", "ald", "ald"},    // a range starting after it too
          {"\xEF\xBB\xBFHeadline", "Headline", "Headline", "Headline"},  // byte order mark
          {"soft\xC2\xADhyphen", "softhyphen", "softhyphen", "soft\xC2\xADhyphen"},
          {"a\x01" "b\x7F" "c", "abc", "abc", "a\x01" "b\x7F" "c"},
          {"joi\xE2\x80\x8Dner\xE2\x81\xA0x", "joinerx", "joinerx", "joi\xE2\x80\x8Dner\xE2\x81\xA0x"},
      },
      false);
}

TEST_CASE("NormaliseText replaces invalid UTF-8 and reports byte and line", "[text]") {
  SECTION("one bad byte") {
    const std::string raw = "line one\nbad \xE9 here";
    const NormalisedText n = Plain(raw);
    CHECK(n.text == "line one\nbad " + kFffd + " here");
    CHECK(n.invalid_utf8_sequences == 1);
    REQUIRE(n.issues.size() == 1);
    CHECK(n.issues[0].raw_offset == 13);
    CHECK(n.issues[0].line == 2);
    CHECK(n.issues[0].message == "invalid UTF-8 at byte 13 (replaced by U+FFFD)");
    CHECK(RawOf(n, raw, kFffd) == "\xE9");
    CHECK(RawOf(n, raw, "here") == "here");
    CheckInvariants(n, raw);
  }
  SECTION("a truncated sequence at the end of the text") {
    const std::string raw = "a\r\nb\r\nend \xE2\x80";
    const NormalisedText n = Plain(raw);
    CHECK(n.text == "a\nb\nend " + kFffd + kFffd);
    REQUIRE(n.issues.size() == 2);
    CHECK(n.issues[0].line == 3);
    CHECK(n.issues[0].raw_offset == 10);
    CHECK(n.issues[1].raw_offset == 11);
    CheckInvariants(n, raw);
  }
  SECTION("lines are counted across HTML tags") {
    const std::string raw = "<p>one</p>\n<p\nclass=\"x\">two \xFF</p>";
    const NormalisedText n = Html(raw);
    REQUIRE(n.issues.size() == 1);
    CHECK(n.issues[0].line == 3);
  }
  SECTION("issues are capped, the count is not") {
    const std::string raw(50, '\xFF');
    const NormalisedText n = Plain(raw);
    CHECK(n.invalid_utf8_sequences == 50);
    CHECK(n.issues.size() == 20);
    CHECK(n.text.size() == 50 * kFffd.size());
    CHECK(n.issues.back().raw_offset == 19);
  }
}

TEST_CASE("NormaliseText strips HTML markup in HTML mode", "[text]") {
  RunCases(
      {
          {"<p>Hello <b>world</b></p><p>Next</p>", "Hello world\n\nNext", "world", "world"},
          {"<p>Hello <b>world</b></p>", "Hello world", "Hello world", "Hello <b>world"},
          {"<p>Hi</p>\n\n\n<p>There</p>", "Hi\n\nThere", "There", "There"},
          {"a<br>b<br/>c", "a\nb\nc", "b", "b"},
          {"<div>line\nwrapped</div>", "line wrapped", "line wrapped", "line\nwrapped"},  // source newlines are spaces
          {"<P CLASS=\"lead\">Upper</P>", "Upper", "Upper", "Upper"},
          {"<p>A</p><script>var s = '<p>no</p>';</script><p>B</p>", "A\n\nB", "B", "B"},
          {"<p>A</p><STYLE>p{}</STYLE><nav><a href=x>Home</a></nav>B", "A\n\nB", "B", "B"},
          {"before<!-- <p>hidden</p> -->after", "beforeafter", "beforeafter", "before<!-- <p>hidden</p> -->after"},
          {"<a href=\"x>y\">link</a> text", "link text", "link", "link"},  // '>' inside a quoted attribute
          {"1 < 2 and 3 > 2", "1 < 2 and 3 > 2", "<", "<"},                // not markup
          {"a <b", "a <b", "<b", "<b"},                                      // never closed: text
          {"x &lt;p&gt; y", "x <p> y", "<p>", "&lt;p&gt;"},                 // escaped markup is text
          {"<p>Caf&eacute; \xE2\x80\x9Cquoted\xE2\x80\x9D</p>", "Caf\xC3\xA9 \"quoted\"", "\"quoted\"",
           "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
      },
      true);
}

TEST_CASE("NormaliseText leaves tags alone in plain-text mode", "[text]") {
  RunCases({{"<p>kept</p>", "<p>kept</p>", "<p>", "<p>"}}, false);
}

TEST_CASE("LooksLikeHtml", "[text]") {
  const std::vector<std::string> html = {
      "<!DOCTYPE html><html><body>x</body></html>",
      "<!doctype HTML>",
      "  \n<html lang=\"en\">",
      "\xEF\xBB\xBF<html>",
      "<?xml version=\"1.0\"?><html/>",
      "<head><title>t</title></head>",
      "Text <p>one</p> then <p>two</p>",      // four structural tags
      "<div>a</div><div>b</div><br><span>c</span>",
  };
  for (const std::string& raw : html) {
    CAPTURE(raw);
    CHECK(LooksLikeHtml(raw));
  }
  // Appended, not concatenated: GCC 12 warns falsely on string(n, c) + literal.
  std::string late_doctype(3000, 'x');
  late_doctype.append("<!DOCTYPE html>");
  const std::vector<std::string> text = {
      "",
      "   ",
      "Plain article text. 1 < 2 and 3 > 2.",
      "He wrote <p> once and </p> once.",    // two tags are not enough
      "A story mentioning <html in passing",  // not at the start
      late_doctype,
  };
  for (const std::string& raw : text) {
    CAPTURE(raw.substr(0, 60));
    CHECK_FALSE(LooksLikeHtml(raw));
  }
}

TEST_CASE("LooksLikeHtml: upper-case tags count like lower-case ones", "[text]") {
  for (const std::string raw : {"Text <P>one</P> then <P>two</P>", "<DIV>a</DIV><DIV>b</DIV><BR><SPAN>c</SPAN>",
                                "<P CLASS=\"lead\">One</P>\n<P>Two</P>", "<Div>a</Div><Br><Span>b</Span><A HREF=x>c</A>"}) {
    CAPTURE(raw);
    CHECK(LooksLikeHtml(raw));
  }
  // Still not enough tags, whatever their case.
  CHECK_FALSE(LooksLikeHtml("He wrote <P> once and </P> once."));
}

}  // namespace crosscheck::text
