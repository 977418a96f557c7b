// Tests for extract/pattern_prefilter and the loose regexes it is built from
// (CompiledPattern::prefilter_regex): the prefilter may let through a pattern
// that does not match, but must never hold back one that does.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "extract/entity_resolver.h"
#include "extract/extractor.h"
#include "extract/mention_tagger.h"
#include "extract/pattern_compiler.h"
#include "extract/pattern_prefilter.h"
#include "extract/slot_types.h"
#include "knowledge/knowledge_base.h"
#include "pipeline/engine_impl.h"
#include "call_templates.h"
#include "test_support.h"

namespace {

using crosscheck::test::Marked;

using crosscheck::extract::ClaimTemplate;
using crosscheck::extract::CompiledPattern;
using crosscheck::extract::CompilePattern;
using crosscheck::extract::EntityResolver;
using crosscheck::extract::Extraction;
using crosscheck::extract::Extractor;
using crosscheck::extract::kMarkBegin;
using crosscheck::extract::kMarkEnd;
using crosscheck::extract::kPersonMark;
using crosscheck::extract::kPlaceMark;
using crosscheck::extract::kTitleMark;
using crosscheck::extract::PatternPrefilter;
using crosscheck::extract::PatternSpec;
using crosscheck::extract::QuantitySlotType;
using crosscheck::extract::QuantitySpec;
using crosscheck::extract::RoleSpec;
using crosscheck::extract::TypeRegistry;
using crosscheck::knowledge::KnowledgeBase;

std::vector<bool> Candidates(const PatternPrefilter& prefilter, size_t n, const std::string& text) {
  std::vector<bool> may_match(n, false);
  PatternPrefilter::Scratch scratch;
  prefilter.Candidates(text, &may_match, &scratch);
  return may_match;
}

const std::vector<std::string> kSources = {
    "(?i)\\bcall\\s+lasted\\s+(\\d+)\\s+minutes",
    "(?i)\\binvited\\s+(\\w+)\\s+to\\s+visit\\s+(\\w+)",
    "(?i)\\bwill\\s+meet\\s+in\\s+(\\w+)",
    "(\\d+)",
};

struct Fixture : crosscheck::test::CallTemplates {

  CompiledPattern Compile(const std::string& text, const ClaimTemplate& t) const {
    PatternSpec spec;
    spec.text = text;
    spec.pos = {"templates/call.toml", 1, 1};
    auto compiled = CompilePattern(spec, t, types);
    INFO(text);
    REQUIRE(compiled.ok());
    return std::move(compiled).value();
  }
};

}  // namespace

TEST_CASE("PatternPrefilter skips patterns whose words are absent", "[extract]") {
  PatternPrefilter prefilter(kSources);
  CHECK(prefilter.atoms() > 0);
  const std::vector<bool> call = Candidates(prefilter, kSources.size(), "The call lasted 90 minutes, officials said.");
  CHECK(call[0]);
  CHECK_FALSE(call[1]);
  CHECK_FALSE(call[2]);
  CHECK(call[3]);  // no literal atoms: always a candidate

  const std::vector<bool> meet = Candidates(prefilter, kSources.size(), "THE TWO LEADERS WILL MEET IN VIENNA.");
  CHECK_FALSE(meet[0]);
  CHECK(meet[2]);
  // Outside ASCII every pattern is a candidate: RE2 folds case the Unicode way (the Kelvin sign is a K).
  const std::vector<bool> unicode = Candidates(prefilter, kSources.size(), "Die Delegationen treffen sich in Z\xc3\xbcrich");
  for (size_t i = 0; i < kSources.size(); ++i) CHECK(unicode[i]);
}

TEST_CASE("PatternPrefilter without patterns, or with a regex it cannot parse, stays exact", "[extract]") {
  const PatternPrefilter none(std::vector<std::string>{});
  std::vector<bool> may_match;
  PatternPrefilter::Scratch scratch;
  none.Candidates("anything", &may_match, &scratch);
  CHECK(may_match.empty());
  // A regex RE2 refuses leaves no filter: every pattern is a candidate everywhere.
  const PatternPrefilter broken(std::vector<std::string>{"(?i)\\bcall\\b", "(unclosed"});
  const std::vector<bool> all = Candidates(broken, 2, "nothing to see");
  CHECK(all[0]);
  CHECK(all[1]);
}

TEST_CASE("A pattern's prefilter regex matches wherever the pattern does, and its filter lets it through",
          "[extract]") {
  const Fixture f;
  const std::string trump = Marked(kPersonMark, "Donald Trump");
  const std::string putin = Marked(kPersonMark, "Vladimir Putin");
  const std::string titled = Marked(kTitleMark, "President") + " " + putin;
  const std::string moscow = Marked(kPlaceMark, "Moscow");
  std::vector<CompiledPattern> patterns = {
      f.Compile("call with {participants} lasted {value}", f.tmpl),
      f.Compile("(call|conversation|talk*) [between {participants}] ... lasted [for|about] {value}", f.tmpl),
      f.Compile("^ {participants:person} spoke for {value}", f.tmpl),
      f.Compile("{value} call with {participants}, {by:actor} said", f.tmpl),
      f.Compile("\"call\" lasted {value} [, {by:actor} said]", f.tmpl),
      f.Compile("^ {released} (was|has been) (released|freed) [from (prison|custody)]", f.event),
      f.Compile("{released} 's release", f.event),
  };
  const std::vector<std::string> texts = {
      "The call with " + trump + " and " + putin + " lasted 90 minutes.",
      "THE CALL WITH " + trump + ", " + titled + " LASTED TWO HOURS",
      "The conversation between " + trump + " and " + putin + ", officials said, lasted for about 3 hours.",
      "Their talks between " + trump + " and " + putin + " lasted ninety minutes.",
      "After the summit, " + trump + " spoke for 40 minutes in " + moscow + ".",
      trump + " spoke for 40 minutes",
      "A 40-minute call with " + trump + " and " + putin + ", " + Marked('\x04', "the Kremlin") + " said.",
      "The \"call\" lasted 2 hours, " + putin + " said.",
      "The \xe2\x80\x9c" "call\xe2\x80\x9d lasted 2 hours.",  // curly quotes are not straight ones
      "When " + putin + " was released from prison, crowds gathered.",
      "but " + titled + " has been freed",
      trump + "'s release came late.",
      "The c\xc3\xa1ll lasted 10 minutes.",   // an accented letter is another word
      "The \xe2\x84\xaa" "all lasted 10 minutes.",  // Kelvin sign
      "the call lasted",
      "",
  };
  std::vector<std::string> loose;
  for (const CompiledPattern& p : patterns) loose.push_back(p.prefilter_regex);
  const PatternPrefilter prefilter(loose);
  size_t matches = 0;
  size_t held_back = 0;
  for (const std::string& text : texts) {
    CAPTURE(text);
    const std::vector<bool> may_match = Candidates(prefilter, patterns.size(), text);
    for (size_t i = 0; i < patterns.size(); ++i) {
      CAPTURE(patterns[i].source, patterns[i].prefilter_regex);
      const re2::RE2 relaxed(patterns[i].prefilter_regex);
      REQUIRE(relaxed.ok());
      if (re2::RE2::PartialMatch(text, *patterns[i].re)) {
        ++matches;
        CHECK(re2::RE2::PartialMatch(text, relaxed));
        CHECK(may_match[i]);
      } else if (!may_match[i]) {
        ++held_back;
      }
    }
  }
  CHECK(matches >= 10);     // the texts do exercise the patterns
  CHECK(held_back >= 60);   // and the filter does filter
}

TEST_CASE("Extraction is the same with and without the prefilter on the sample corpus and the seeds", "[extract]") {
  const auto& engine = crosscheck::testing::DefaultEngine();
  const Extractor& filtered = *engine.impl().extractor;
  setenv("CROSSCHECK_PREFILTER", "0", 1);
  const Extractor unfiltered(*engine.impl().templates);
  unsetenv("CROSSCHECK_PREFILTER");
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {crosscheck::testing::SourceDir() / "corpus" / "sample",
                          crosscheck::testing::SharedDir() / "seeds"}) {
    if (dir.empty() || !std::filesystem::is_directory(dir)) {
      WARN("skipped (absent): " << dir);
      continue;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  REQUIRE(!files.empty());
  size_t claims = 0;
  for (const auto& path : files) {
    CAPTURE(path);
    const crosscheck::Document doc = engine.Prepare(crosscheck::testing::ReadFile(path),
                                                    crosscheck::DocumentSource{path.string(), "o", "", "2025-02-13"}, false);
    const Extraction a = filtered.Extract(doc, {true, ""});
    const Extraction b = unfiltered.Extract(doc, {true, ""});
    REQUIRE(a.claims.size() == b.claims.size());
    for (size_t i = 0; i < a.claims.size(); ++i) {
      CHECK(a.claims[i].template_id == b.claims[i].template_id);
      CHECK(a.claims[i].sentence == b.claims[i].sentence);
      CHECK(a.claims[i].match_raw == b.claims[i].match_raw);
      CHECK(a.claims[i].value_raw == b.claims[i].value_raw);
      CHECK(a.claims[i].value.id == b.claims[i].value.id);
    }
    CHECK(a.near_misses.size() == b.near_misses.size());
    CHECK(a.candidate_sentences == b.candidate_sentences);
    claims += a.claims.size();
  }
  CHECK(claims > 20);
}
