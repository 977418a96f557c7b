// Tests for ingest/document_loader: the whole ingest path from original bytes
// to body sentences, where every sentence and removed span must still point at
// the exact original bytes.
#include "ingest/document_loader.h"

#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "test_support.h"
#include "text/text_normaliser.h"

namespace crosscheck::ingest {
namespace {

using crosscheck::testing::SharedDir;
using crosscheck::testing::SourceDir;
using crosscheck::testing::TempDir;

const DocumentLoader& Loader() {
  static const std::unique_ptr<BoilerplateFilter> filter = [] {
    auto kb = knowledge::KnowledgeBase::Load({SourceDir() / "knowledge"});
    if (!kb.ok()) throw std::runtime_error(kb.status().message());
    auto created = BoilerplateFilter::Create(*kb);
    if (!created.ok()) throw std::runtime_error(created.status().message());
    return std::move(created).value();
  }();
  static const DocumentLoader loader(*filter);
  return loader;
}

DocumentSource Source(const std::string& path = "outlet/story.txt") { return {path, "Outlet", "", ""}; }

std::string RawText(const Document& doc, ByteRange r) { return doc.raw.substr(r.begin, r.size()); }

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.SentenceText(s));
  return out;
}

// Every sentence's original bytes, normalised on their own, give the sentence
// text back: the raw range covers exactly what the sentence came from.
void CheckSentencesRoundTrip(const Document& doc) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    CAPTURE(i, doc.SentenceText(s));
    CHECK(s.index == i);
    REQUIRE(s.raw.end <= doc.raw.size());
    REQUIRE(s.raw.begin < s.raw.end);
    const auto again = text::NormaliseText(RawText(doc, s.raw), {doc.html});
    CHECK(again.text == doc.SentenceText(s));
  }
}

}  // namespace

TEST_CASE("DocumentLoader maps sentences back to the exact original bytes", "[ingest]") {
  const std::string raw =
      "Trump said \xE2\x80\x9CWe\xE2\x80\x99re close.\xE2\x80\x9D The deal\xC2\xA0was   signed in Caf\x65\xCC\x81 Rouge."
      "\r\n\r\n"
      "Officials said the \\\"final\\\" text\u200B is ready.\r\n";
  const Document doc = Loader().FromBytes(raw, Source(), false);
  CHECK(doc.raw == raw);
  CHECK_FALSE(doc.html);
  CHECK(doc.source.path == "outlet/story.txt");
  CHECK(doc.source.outlet == "Outlet");
  CHECK(SentenceTexts(doc) == std::vector<std::string>{"Trump said \"We're close.\"",
                                                       "The deal was signed in Caf\xC3\xA9 Rouge.",
                                                       "Officials said the \"final\" text is ready."});
  REQUIRE(doc.sentences.size() == 3);
  struct Expected {
    std::string raw;
    uint32_t paragraph;
  };
  const std::vector<Expected> expected = {
      {"Trump said \xE2\x80\x9CWe\xE2\x80\x99re close.\xE2\x80\x9D", 0},
      {"The deal\xC2\xA0was   signed in Caf\x65\xCC\x81 Rouge.", 0},
      {"Officials said the \\\"final\\\" text\u200B is ready.", 1},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(RawText(doc, doc.sentences[i].raw) == expected[i].raw);
    CHECK(doc.sentences[i].paragraph == expected[i].paragraph);
  }
  CheckSentencesRoundTrip(doc);
  CHECK(doc.removed.empty());
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("DocumentLoader hashes the original bytes", "[ingest]") {
  CHECK(Loader().FromBytes("abc", Source(), false).content_hash ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // The same text in other bytes (decomposed accent, CRLF) is another document.
  const Document a = Loader().FromBytes("Caf\xC3\xA9 opens today.\n", Source(), false);
  const Document b = Loader().FromBytes("Cafe\xCC\x81 opens today.\r\n", Source(), false);
  CHECK(a.text == b.text);
  CHECK(a.content_hash != b.content_hash);
  CHECK(a.content_hash == "eeeab6d5abd7c8041d691d01d0df4f05aca74f3f63e9fa71ce63504c239e6316");
  // The path plays no part.
  CHECK(Loader().FromBytes("abc", Source("elsewhere.txt"), false).content_hash ==
        Loader().FromBytes("abc", Source(), false).content_hash);
}

TEST_CASE("DocumentLoader records removed spans with reasons and original ranges", "[ingest]") {
  const std::string body1 =
      "The city council approved a new budget for the harbour district on Tuesday, allocating funds for dredging "
      "and pier repairs.";
  const std::string body2 =
      "Council members said the harbour budget would cover dredging through next spring, and that pier repairs "
      "would begin in June.";
  const std::string body3 =
      "The harbour master welcomed the budget, saying dredging delays had cost local fishermen thousands of "
      "dollars in lost catches.";
  const std::string raw = "Share\xC2\xA0this post\r\n\r\n" + body1 + "\r\n\r\nADVERTISEMENT\r\n\r\n" + body2 +
                          "\r\n\r\n" + body3 + "\r\n\r\nComments\r\n\r\nSomeone: \xE2\x80\x9Cgreat story!\xE2\x80\x9D\r\n";
  const Document doc = Loader().FromBytes(raw, Source(), false);
  REQUIRE(doc.removed.size() == 3);
  struct Expected {
    std::string reason;
    std::string raw;
  };
  const std::vector<Expected> expected = {
      {"boilerplate line", "Share\xC2\xA0this post"},
      {"boilerplate line", "ADVERTISEMENT"},
      {"trailer after 'Comments'", "Comments\r\n\r\nSomeone: \xE2\x80\x9Cgreat story!\xE2\x80\x9D"},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(doc.removed[i].reason == expected[i].reason);
    CHECK(RawText(doc, doc.removed[i].raw) == expected[i].raw);
  }
  CHECK(SentenceTexts(doc) == std::vector<std::string>{body1, body2, body3});
  // Paragraph numbers count the removed paragraphs too.
  CHECK(doc.sentences[0].paragraph == 1);
  CHECK(doc.sentences[1].paragraph == 3);
  CHECK(doc.sentences[2].paragraph == 4);
  CheckSentencesRoundTrip(doc);
}

TEST_CASE("DocumentLoader detects HTML by content or by hint", "[ingest]") {
  SECTION("a page saved as .txt is still read as HTML") {
    const std::string raw =
        "<!DOCTYPE html><html><head><title>T</title><script>var x = 1;</script></head><body>"
        "<nav>Home | World</nav><p>The mayor <b>resigned</b> on Friday.</p><p>Her deputy takes over.</p></body></html>";
    const Document doc = Loader().FromBytes(raw, Source(), false);
    CHECK(doc.html);
    CHECK(SentenceTexts(doc) == std::vector<std::string>{"The mayor resigned on Friday.", "Her deputy takes over."});
    REQUIRE(doc.sentences.size() == 2);
    CHECK(RawText(doc, doc.sentences[0].raw) == "The mayor <b>resigned</b> on Friday.");
    CHECK(RawText(doc, doc.sentences[1].raw) == "Her deputy takes over.");
  }
  SECTION("a fragment is HTML only when the file says so") {
    const std::string raw = "<p>The mayor resigned on Friday after ten years in office.</p>";
    CHECK(SentenceTexts(Loader().FromBytes(raw, Source(), true)) ==
          std::vector<std::string>{"The mayor resigned on Friday after ten years in office."});
    const Document plain = Loader().FromBytes(raw, Source(), false);
    CHECK_FALSE(plain.html);
    CHECK(SentenceTexts(plain) == std::vector<std::string>{raw});
  }
}

TEST_CASE("DocumentLoader reports invalid UTF-8 as diagnostics with lines", "[ingest]") {
  // The files hold valid UTF-8 too; bytes above 0x7F that never form UTF-8
  // would make them Windows-1252 (see text_decoder_test.cpp).
  SECTION("each bad byte is listed with its line") {
    const std::string raw = "The first line is fine: caf\xC3\xA9.\nThe second has a bad \xFF byte in it.\n";
    const Document doc = Loader().FromBytes(raw, Source("a/b.txt"), false);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].severity == Diagnostic::Severity::kWarning);
    CHECK(doc.diagnostics[0].ToString() == "a/b.txt:2: invalid UTF-8 at byte 52 (replaced by U+FFFD)");
    REQUIRE(doc.sentences.size() == 2);
    CHECK(RawText(doc, doc.sentences[1].raw) == "The second has a bad \xFF byte in it.");
    CHECK(doc.SentenceText(doc.sentences[1]) == "The second has a bad \xEF\xBF\xBD byte in it.");
  }
  SECTION("beyond the listed ones, a total is reported") {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on literal + string + literal.
    std::string raw = "Bad bytes follow \xC3\xA9\xC3\xA9\xC3\xA9 here: ";
    raw.append(25, '\x80');
    raw += " and then the end.";
    const Document doc = Loader().FromBytes(raw, Source("a/b.txt"), false);
    REQUIRE(doc.diagnostics.size() == 21);
    CHECK(doc.diagnostics.back().ToString() ==
          "a/b.txt: 25 invalid UTF-8 sequences in all (only the first were listed)");
  }
}

TEST_CASE("DocumentLoader::Load reads corpus files", "[ingest]") {
  TempDir dir;
  SECTION("bytes are read unchanged and the extension sets HTML") {
    const std::string bytes = "<p>Binary-safe: \r\n\xC3\xA9 and \x01 stay in raw.</p>";
    const auto path = dir.Write("x/page.html", bytes);
    auto doc = Loader().Load({path, "x/page.html", true}, Source("x/page.html"));
    REQUIRE(doc.ok());
    CHECK(doc->raw == bytes);
    CHECK(doc->html);
    CHECK(doc->text == "Binary-safe: \xC3\xA9 and stay in raw.");
  }
  SECTION("a missing file is an I/O error naming it") {
    auto doc = Loader().Load({dir / "gone.txt", "gone.txt", false}, Source("gone.txt"));
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Status::Code::kIoError);
    CHECK(doc.status().message() ==
          (dir / "gone.txt").generic_string() + ": cannot open file for reading: No such file or directory");
  }
}

TEST_CASE("DocumentLoader removes the appended trailer of a real scraped article", "[ingest]") {
  const auto shared = SharedDir();
  if (shared.empty()) {
    WARN("shared folder absent: seed article test skipped");
    return;
  }
  const auto path = shared / "seeds" / "003_01c0f07c45637442.txt";
  auto bytes = ReadFileBytes(path);
  REQUIRE(bytes.ok());
  const std::string raw = *bytes;
  const Document doc = Loader().FromBytes(raw, Source("seeds/003_01c0f07c45637442.txt"), false);
  REQUIRE_FALSE(doc.sentences.empty());

  // The trailer starts at the second "Share this post", after the Putin story.
  const size_t trailer_start = raw.find("Share this post", raw.find("Share this post") + 1);
  const size_t lebron = raw.find("LeBron James breaks NBA record");
  const size_t spider = raw.find("Spider-Man: Brand New Day");
  REQUIRE(trailer_start != std::string::npos);
  REQUIRE(lebron > trailer_start);
  REQUIRE(spider > lebron);

  bool trailer_removed = false;
  for (const RemovedSpan& r : doc.removed) {
    if (r.reason == "trailer after 'Share this post'") {
      trailer_removed = r.raw.begin == trailer_start && r.raw.end > spider;
    }
  }
  CHECK(trailer_removed);

  for (const Sentence& s : doc.sentences) {
    CAPTURE(doc.SentenceText(s));
    CHECK(s.raw.end <= trailer_start);
    for (const char* word : {"LeBron", "Spider-Man", "Lakers", "Durant", "Subscrib"}) {
      CHECK(doc.SentenceText(s).find(word) == std::string_view::npos);
    }
  }
  // The story itself survives, quotes and all, with its original curly quotes.
  bool found_quote = false;
  for (const Sentence& s : doc.sentences) {
    if (doc.SentenceText(s) == "\"I just want to see people stop being killed.\"") {
      found_quote = RawText(doc, s.raw) == "\xE2\x80\x9CI just want to see people stop being killed.\xE2\x80\x9D";
    }
  }
  CHECK(found_quote);
  CHECK(SentenceTexts(doc).front() ==
        "Trump Announces Agreement with Putin to Initiate Discussions Aimed at Resolving the Russia-Ukraine Conflict.");
  CheckSentencesRoundTrip(doc);
}

}  // namespace crosscheck::ingest
