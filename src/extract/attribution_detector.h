// AttributionDetector: who an article says made a statement.
//
// "The Kremlin confirmed that ...", "a White House official said ...",
// "... according to police", "..., Barnes said." The source is resolved to a
// canonical entity when known ("The Kremlin" -> "Kremlin") and kept as written
// otherwise ("a senior official"). Immutable; safe to share across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "extract/mention_tagger.h"

namespace re2 {
class RE2;
}

namespace crosscheck::extract {

class AttributionDetector {
 public:
  AttributionDetector();
  ~AttributionDetector();
  AttributionDetector(const AttributionDetector&) = delete;
  AttributionDetector& operator=(const AttributionDetector&) = delete;

  // A sentence's sources, each looked for once, when first needed, and kept
  // for the other claims of the sentence.
  class Sources {
   public:
    explicit Sources(const TaggedSentence& sentence) : sentence_(&sentence) {}

   private:
    friend class AttributionDetector;
    struct Found {
      bool matched = false;
      size_t at = 0;  // marked offset: where a leading source ends, where a trailing one begins
      std::string name;
    };
    const TaggedSentence* sentence_;
    bool looked_leading_ = false, looked_according_ = false, looked_trailing_ = false;
    Found leading_, according_, trailing_;
  };

  // The source of the statement covering marked bytes [match_begin,
  // match_end) of the sentence of `sources`, or "" when it is attributed to nobody.
  std::string Find(Sources* sources, size_t match_begin, size_t match_end) const;

  // The same for a single claim.
  std::string Find(const TaggedSentence& sentence, size_t match_begin, size_t match_end) const {
    Sources sources(sentence);
    return Find(&sources, match_begin, match_end);
  }

 private:
  std::unique_ptr<re2::RE2> leading_;    // "SOURCE said (that) ..." before the claim
  std::unique_ptr<re2::RE2> according_;  // "according to SOURCE"
  std::unique_ptr<re2::RE2> trailing_;   // "..., SOURCE said."
};

}  // namespace crosscheck::extract
