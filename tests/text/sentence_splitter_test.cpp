// Tests for text/sentence_splitter: templates match one sentence at a time, so
// a wrong boundary either splits a claim in two or glues two claims together.
#include "text/sentence_splitter.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace crosscheck::text {
namespace {

std::vector<std::string> Texts(std::string_view text, const std::vector<SentenceSpan>& spans) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : spans) out.emplace_back(text.substr(s.norm.begin, s.norm.size()));
  return out;
}

std::vector<std::string> Split(std::string_view text) { return Texts(text, SplitSentences(text)); }

struct Case {
  std::string text;
  std::vector<std::string> sentences;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Split(c.text) == c.sentences);
  }
}

}  // namespace

TEST_CASE("SplitSentences splits at terminal punctuation", "[text]") {
  RunCases({
      {"One. Two. Three.", {"One.", "Two.", "Three."}},
      {"Wow! Really? Yes.", {"Wow!", "Really?", "Yes."}},
      {"No terminal at the end", {"No terminal at the end"}},
      {"Wait... What happened?", {"Wait...", "What happened?"}},
      {"Is it over?! Nobody knows.", {"Is it over?!", "Nobody knows."}},
      {"Rates rose. 2024 was worse.", {"Rates rose.", "2024 was worse."}},
      {"It ended. (Nobody came.)", {"It ended.", "(Nobody came.)"}},
      {"He left. \xC3\x89mile stayed.", {"He left.", "\xC3\x89mile stayed."}},  // non-ASCII capital
      {"  padded.   Spaces.  ", {"padded.", "Spaces."}},                          // trimmed
  });
}

TEST_CASE("SplitSentences keeps abbreviations, initials and decimals inside sentences", "[text]") {
  RunCases({
      {"Mr. Smith went to Washington. He left.", {"Mr. Smith went to Washington.", "He left."}},
      {"Dr. Jones and Sen. Warren met Gov. Newsom.", {"Dr. Jones and Sen. Warren met Gov. Newsom."}},
      {"The U.S. President spoke. Then he left.", {"The U.S. President spoke.", "Then he left."}},
      {"The U.S. is large.", {"The U.S. is large."}},
      {"She holds a J.D. Harvard hired her.", {"She holds a J.D. Harvard hired her."}},
      {"It opened on Feb. 20 in Paris.", {"It opened on Feb. 20 in Paris."}},
      {"He ran No. 5 again.", {"He ran No. 5 again."}},
      {"He lives in Alturas, Calif. Smith confirmed it.", {"He lives in Alturas, Calif. Smith confirmed it."}},
      {"John F. Kennedy spoke.", {"John F. Kennedy spoke."}},
      {"Prices rose 3.5 percent. Stocks fell.", {"Prices rose 3.5 percent.", "Stocks fell."}},
      {"It arrived at 4 a.m. in the wake of the storm.", {"It arrived at 4 a.m. in the wake of the storm."}},
      {"Acme Inc. Chief Executive Jane Roe spoke.", {"Acme Inc. Chief Executive Jane Roe spoke."}},
  });
}

TEST_CASE("SplitSentences ends a sentence at an abbreviation before a sentence opener", "[text]") {
  RunCases({
      {"He lives in Alturas, Calif. The police said so.", {"He lives in Alturas, Calif.", "The police said so."}},
      {"It moved to the U.S. The move was quick.", {"It moved to the U.S.", "The move was quick."}},
      {"She earned a J.D. She then clerked.", {"She earned a J.D.", "She then clerked."}},
      {"They chose Plan B. However, it failed.", {"They chose Plan B.", "However, it failed."}},
      {"It started in Feb. In March it ended.", {"It started in Feb.", "In March it ended."}},
      // Titles precede a name and never end a sentence, even before an opener.
      {"Thanks, Mr. The end.", {"Thanks, Mr. The end."}},
  });
}

TEST_CASE("SplitSentences handles quotations", "[text]") {
  RunCases({
      {"\"Stop.\" He left.", {"\"Stop.\"", "He left."}},
      {"\"Is it?\" he asked.", {"\"Is it?\" he asked."}},
      {"\"Go!\" she shouted. They went.", {"\"Go!\" she shouted.", "They went."}},
      {"He said \"we won.\" The crowd cheered.", {"He said \"we won.\"", "The crowd cheered."}},
      {"It was 'final.' Nobody argued.", {"It was 'final.'", "Nobody argued."}},
      {"He said: \"Yes.\" \"No,\" she said.", {"He said: \"Yes.\"", "\"No,\" she said."}},
  });
}

TEST_CASE("SplitSentences recovers a missing space after a full stop", "[text]") {
  RunCases({
      {"He was born in 2013.Shortly after, he moved.", {"He was born in 2013.", "Shortly after, he moved."}},
      {"It was stated.The end came.", {"It was stated.", "The end came."}},
      {"She said \"no\".Then she left.", {"She said \"no\".", "Then she left."}},
      // Not missing spaces: domains, dotted abbreviations, decimals, capitals.
      {"Visit example.com today.", {"Visit example.com today."}},  // lower case after the dot
      {"See the U.S.Army report.", {"See the U.S.Army report."}},
      {"Gov.Newsom spoke.", {"Gov.Newsom spoke."}},
      {"Version 2.0.Beta is out.", {"Version 2.0.Beta is out."}},
      {"The NASA.GOV site.", {"The NASA.GOV site."}},
  });
}

TEST_CASE("SplitSentences treats line and paragraph breaks", "[text]") {
  SECTION("a paragraph break always ends a sentence and counts paragraphs") {
    const std::string text = "First paragraph without stop\n\nSecond one. Third.\n\nFourth";
    const auto spans = SplitSentences(text);
    CHECK(Texts(text, spans) == std::vector<std::string>{"First paragraph without stop", "Second one.", "Third.", "Fourth"});
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].paragraph == 0);
    CHECK(spans[1].paragraph == 1);
    CHECK(spans[2].paragraph == 1);
    CHECK(spans[3].paragraph == 2);
  }
  SECTION("a single line break continues only a sentence cut mid-way") {
    RunCases({
        {"The cat sat\non the mat.", {"The cat sat\non the mat."}},        // lower-case after: wrapped line
        {"It cost\n25 dollars.", {"It cost\n25 dollars."}},
        {"Headline Here\nBody text starts.", {"Headline Here", "Body text starts."}},
        {"He said:\nthings happen.", {"He said:", "things happen."}},        // a colon ends the line
        {"One.\nlower case.", {"One.", "lower case."}},
        {"Ends in 3.\n5 more.", {"Ends in 3.", "5 more."}},
    });
  }
  SECTION("blank text yields no sentences") {
    RunCases({{"", {}}, {"\n\n\n", {}}, {"   ", {}}, {"... * --", {}}, {"Real.\n\n...\n\nAgain.", {"Real.", "Again."}}});
  }
}

TEST_CASE("SplitSentences joins a long line wrapped before a capitalised name", "[text]") {
  // The first line is a long, unfinished clause wrapped just before "Trump":
  // a hard wrap, not a heading, however the next line starts.
  const std::string first = "According to a readout published by the Kremlin on Wednesday, the call between Donald";
  const std::string text = first + "\nTrump and Vladimir Putin lasted two hours.";
  REQUIRE(first.size() >= 60);
  CHECK(Split(text) == std::vector<std::string>{text});
  SECTION("a short heading line still stands on its own") {
    CHECK(Split("World News\nTrump calls Putin.") == std::vector<std::string>{"World News", "Trump calls Putin."});
  }
}

TEST_CASE("SplitSentences only reads the given ranges", "[text]") {
  const std::string text = "Alpha one.\n\nSkip me. Please.\n\nBeta two. Gamma.";
  const uint32_t beta = static_cast<uint32_t>(text.find("Beta"));
  const std::vector<ByteRange> ranges = {{0, 10}, {beta, static_cast<uint32_t>(text.size())}};
  const auto spans = SplitSentences(text, ranges);
  CHECK(Texts(text, spans) == std::vector<std::string>{"Alpha one.", "Beta two.", "Gamma."});
  REQUIRE(spans.size() == 3);
  // Paragraph numbers still count the skipped paragraph.
  CHECK(spans[0].paragraph == 0);
  CHECK(spans[1].paragraph == 2);
  CHECK(spans[2].paragraph == 2);
  CHECK(spans[1].norm == ByteRange{beta, beta + 9});

  SECTION("a range cut mid-sentence ends the sentence at the range end") {
    const auto cut = SplitSentences(text, {{0, 5}});
    CHECK(Texts(text, cut) == std::vector<std::string>{"Alpha"});
  }
  SECTION("no ranges, no sentences") { CHECK(SplitSentences(text, {}).empty()); }
  SECTION("ranges past the end are clamped") {
    const auto clamped = SplitSentences(text, {{beta, 100000}});
    CHECK(Texts(text, clamped) == std::vector<std::string>{"Beta two.", "Gamma."});
  }
}

TEST_CASE("SplitSentences cuts runaway sentences at a space below the cap", "[text]") {
  std::string text;
  while (text.size() < 3 * kMaxSentenceBytes) text += "word ";
  text += "end.";
  const auto spans = SplitSentences(text);
  REQUIRE(spans.size() >= 3);
  size_t words = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    CAPTURE(i);
    const std::string_view s = std::string_view(text).substr(spans[i].norm.begin, spans[i].norm.size());
    // Cut at the last space before the cap: never over it.
    CHECK(s.size() <= kMaxSentenceBytes);
    if (i + 1 < spans.size()) CHECK(s.size() >= kMaxSentenceBytes - 5);
    CHECK(s.front() != ' ');
    CHECK(s.back() != ' ');
    for (size_t k = 0; k < s.size(); k += 5) words += s.substr(k, 4) == "word" ? 1 : 0;
  }
  // No word is lost or split by the cuts.
  CHECK(words == text.size() / 5);
  CHECK(std::string_view(text).substr(spans.back().norm.begin, spans.back().norm.size()).ends_with("end."));
}

TEST_CASE("SplitSentences spans are ordered, disjoint and trimmed", "[text]") {
  const std::string text =
      "Mr. A. B. Cole said \"fine.\" He left at 4 p.m. on Feb. 3.\n\nShe stayed; the U.S. team won 2.5 to 1.\nLater? "
      "Yes!\nend";
  const auto spans = SplitSentences(text);
  REQUIRE_FALSE(spans.empty());
  uint32_t previous_end = 0;
  for (const SentenceSpan& s : spans) {
    CHECK(s.norm.begin >= previous_end);
    CHECK(s.norm.end <= text.size());
    CHECK_FALSE(s.norm.empty());
    CHECK(text[s.norm.begin] != ' ');
    CHECK(text[s.norm.end - 1] != '\n');
    previous_end = s.norm.end;
  }
  CHECK(Texts(text, spans) == std::vector<std::string>{"Mr. A. B. Cole said \"fine.\"", "He left at 4 p.m. on Feb. 3.",
                                                       "She stayed; the U.S. team won 2.5 to 1.", "Later?", "Yes!",
                                                       "end"});
}

TEST_CASE("SplitSentences cuts a runaway line without spaces at a character boundary", "[text]") {
  // 9,000 two-byte characters and no space: cuts must not split a character.
  std::string text;
  for (int i = 0; i < 9000; ++i) text += "\xC3\xA9";
  text += ". Next.";
  const auto spans = SplitSentences(text);
  REQUIRE(spans.size() >= 4);
  for (const auto& span : spans) {
    CHECK(span.norm.size() <= kMaxSentenceBytes);
    CHECK((static_cast<unsigned char>(text[span.norm.begin]) & 0xC0) != 0x80);
  }
  CHECK(std::string_view(text).substr(spans.back().norm.begin, spans.back().norm.size()) == "Next.");
}

}  // namespace crosscheck::text
