// Tests for extract/sentence_cache: results kept per thread and Extractor,
// within a bound, and extraction that gives the same claims from the cache
// as without it, whatever the context of the repeated sentence.
#include "extract/sentence_cache.h"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "crosscheck/engine.h"
#include "extract/extractor.h"
#include "pipeline/engine_impl.h"
#include "test_support.h"

namespace crosscheck::extract {
namespace {

using crosscheck::testing::DefaultEngine;

// Owners far above the numbers Extractors take, so no Extractor's cache is touched.
constexpr uint64_t kOwnerA = uint64_t{1} << 62;
constexpr uint64_t kOwnerB = kOwnerA + 1;

TaggedSentence Tagged(const std::string& marked) {
  TaggedSentence t;
  t.marked = marked;
  return t;
}

std::string Describe(const Extraction& e) {
  std::string s;
  for (const Claim& c : e.claims) {
    s += c.template_id + " '" + c.value.display + "' by '" + c.attribution + "' at " + std::to_string(c.sentence) + ":";
    for (const RoleFiller& f : c.roles) s += " " + f.role + "=" + f.entity + "/" + f.via + "@" + std::to_string(f.sentence);
    s += " [" + std::to_string(c.match_raw.begin) + "," + std::to_string(c.match_raw.end) + ")\n";
  }
  return s;
}

}  // namespace

TEST_CASE("SentenceCache keeps a sentence's matches and tags for its thread and Extractor", "[extract]") {
  SentenceCache::ForThread(kOwnerB);  // Catch runs this once per section: start from an empty cache
  SentenceCache& cache = SentenceCache::ForThread(kOwnerA);
  SentenceCache::Matches& entry = cache.MatchesOf("the call lasted an hour");
  CHECK_FALSE(entry.has_candidates);
  entry.candidates = {true, false, true};
  entry.has_candidates = true;
  cache.AddMatches(&entry, 2, {4, 23, -1, -1});
  cache.AddTags("The call lasted an hour.", Tagged("marked"));

  SentenceCache& again = SentenceCache::ForThread(kOwnerA);
  const SentenceCache::Matches& seen = again.MatchesOf("the call lasted an hour");
  CHECK(seen.has_candidates);
  CHECK(seen.candidates == std::vector<bool>{true, false, true});
  REQUIRE(seen.Find(2) != nullptr);
  CHECK(*seen.Find(2) == std::vector<int32_t>{4, 23, -1, -1});
  CHECK(seen.Find(0) == nullptr);
  REQUIRE(again.FindTags("The call lasted an hour.") != nullptr);
  CHECK(again.FindTags("The call lasted an hour.")->marked == "marked");
  CHECK(again.FindTags("The call lasted an hour") == nullptr);  // the exact text only

  SECTION("another thread has a cache of its own") {
    bool found_there = true;
    std::thread([&] { found_there = SentenceCache::ForThread(kOwnerA).FindTags("The call lasted an hour.") != nullptr; })
        .join();
    CHECK_FALSE(found_there);
    CHECK(SentenceCache::ForThread(kOwnerA).FindTags("The call lasted an hour.") != nullptr);
  }
  SECTION("another Extractor empties it") {
    SentenceCache& other = SentenceCache::ForThread(kOwnerB);
    CHECK(other.FindTags("The call lasted an hour.") == nullptr);
    CHECK_FALSE(other.MatchesOf("the call lasted an hour").has_candidates);
  }
}

TEST_CASE("SentenceCache drops what was not used for a while, so memory stays bounded", "[extract]") {
  // Each entry below holds two copies of 1 KB (the sentence and its marked text).
  const std::string first = "sentence 0 " + std::string(1000, 'x');
  auto fill = [](SentenceCache& cache, size_t count, const std::string& hot) {
    for (size_t i = 1; i <= count; ++i) {
      const std::string s = "sentence " + std::to_string(i) + " " + std::string(1000, 'x');
      cache.AddTags(s, Tagged(s));
      if (!hot.empty() && i % 100 == 0) REQUIRE(cache.FindTags(hot) != nullptr);
    }
  };
  SECTION("kept while under half the bound") {
    SentenceCache::ForThread(kOwnerA + 4);
    SentenceCache& cache = SentenceCache::ForThread(kOwnerA + 2);
    cache.AddTags(first, Tagged(first));
    fill(cache, SentenceCache::kMaxBytes / 2 / 2200, "");
    CHECK(cache.FindTags(first) != nullptr);
  }
  SECTION("dropped once the bound's worth of newer entries came, unless used again") {
    SentenceCache::ForThread(kOwnerA + 4);
    SentenceCache& cache = SentenceCache::ForThread(kOwnerA + 3);
    const std::string hot = "a sentence that keeps coming back";
    cache.AddTags(first, Tagged(first));
    cache.AddTags(hot, Tagged("hot"));
    fill(cache, SentenceCache::kMaxBytes / 2000 + 10, hot);
    CHECK(cache.FindTags(first) == nullptr);
    REQUIRE(cache.FindTags(hot) != nullptr);
    CHECK(cache.FindTags(hot)->marked == "hot");
  }
}

TEST_CASE("Extractor gives the same claims from its sentence cache as without it", "[extract]") {
  const Engine& engine = DefaultEngine();
  auto prepare = [&](const std::string& text) {
    return engine.Prepare(text, DocumentSource{"doc.txt", "outlet", "", "2025-03-04"}, false);
  };
  // The same claim sentence in three contexts: its participants come from the
  // sentence before, its day from the publication date, a bare surname from
  // a full name earlier in the document.
  const std::string repeated = "The call lasted 90 minutes, officials said on Tuesday.";
  const std::vector<std::string> texts = {
      "Donald Trump spoke with Vladimir Putin. " + repeated,
      "Emmanuel Macron spoke with Olaf Scholz. " + repeated,
      "Anna Lindqvist met Donald Trump. Lindqvist said the call with Trump lasted an hour. " + repeated,
      repeated + " " + repeated,
  };
  ExtractOptions options;
  options.near_misses = true;
  const Extractor& warm = *engine.impl().extractor;  // extracts every document in turn: later ones hit the cache
  size_t claims = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& text : texts) {
      CAPTURE(pass, text);
      const Document doc = prepare(text);
      const Extraction cached = warm.Extract(doc, options);
      const Extractor fresh(*engine.impl().templates);  // a new Extractor starts with an empty cache
      const Extraction uncached = fresh.Extract(doc, options);
      CHECK(Describe(cached) == Describe(uncached));
      CHECK(cached.near_misses.size() == uncached.near_misses.size());
      CHECK(cached.candidate_sentences == uncached.candidate_sentences);
      claims += cached.claims.size();
    }
  }
  CHECK(claims >= 8);  // the repeated sentence made claims, not only the sentences around it
}

}  // namespace crosscheck::extract
