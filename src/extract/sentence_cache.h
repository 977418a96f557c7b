// SentenceCache: what extraction found in a sentence that depends on the
// sentence alone, kept for the next time the same sentence comes by.
//
// Three things are functions of a sentence's text alone for a given
// Extractor (its templates, prefilter and knowledge are fixed): the
// sentence's mentions, tagged (before a document's surnames are known), and,
// of the marked sentence, the prefilter's candidates and each pattern's RE2
// matches. News repeats sentences word for word (syndicated copies, stock
// phrases, lines the boilerplate filter kept), and a hit spares the
// tokenising and name lookups, the prefilter's scan and RE2's capture
// matching. What the matches mean for a claim (roles from context, dates,
// attribution, surnames) is still worked out per document.
//
// One cache per thread and Extractor, so no locking. Its size is bounded, so
// memory does not grow with the corpus: entries go into a current generation
// of half the bound; when it is full it becomes the previous one and the
// previous one is dropped. An entry found in the previous generation moves
// to the current one, so sentences that keep coming back stay.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/entity_resolver.h"
#include "extract/mention_tagger.h"

namespace crosscheck::extract {

class SentenceCache {
 public:
  // A pattern's matches in a marked sentence: for each match, `groups + 1`
  // pieces as (begin, end) offsets into the sentence, -1 for a group that took no part.
  struct PatternMatches {
    size_t pattern = 0;  // in the Extractor's numbering of all patterns
    std::vector<int32_t> offsets;
  };
  struct Matches {
    bool has_candidates = false;
    std::vector<bool> candidates;         // the prefilter's answer
    std::vector<PatternMatches> matches;  // patterns matched so far, in the order they were asked for

    // The matches of `pattern`, or null when they have not been worked out yet.
    const std::vector<int32_t>* Find(size_t pattern) const;
  };

  // The cache of this thread for the Extractor numbered `owner`: emptied when
  // it last served another one.
  static SentenceCache& ForThread(uint64_t owner);

  // The entry of a marked sentence, added empty when new. Valid until the
  // next call of MatchesOf or AddTags.
  Matches& MatchesOf(std::string_view marked);
  // Keeps the matches of `pattern` in `entry` (from the last MatchesOf) and returns them.
  const std::vector<int32_t>& AddMatches(Matches* entry, size_t pattern, std::vector<int32_t> offsets);

  // A sentence tagged without surnames, or null when it was not seen. Valid
  // until the next call of MatchesOf, FindTags or AddTags.
  const TaggedSentence* FindTags(std::string_view sentence);
  void AddTags(std::string_view sentence, const TaggedSentence& tagged);

  // Bytes kept at most, both generations together: a few MB per thread.
  static constexpr size_t kMaxBytes = size_t{8} << 20;

 private:
  struct Generation {
    size_t bytes = 0;
    std::unordered_map<std::string, Matches, KeyHash, std::equal_to<>> matches;
    std::unordered_map<std::string, TaggedSentence, KeyHash, std::equal_to<>> tags;
  };
  // Counts `bytes` more in the current generation, which becomes the
  // previous one first when they would not fit.
  void Reserve(size_t bytes);

  uint64_t owner_ = 0;
  Generation current_;
  Generation previous_;
};

}  // namespace crosscheck::extract
