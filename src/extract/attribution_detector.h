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

  // The source of the statement in the tagged sentence that covers marked
  // bytes [match_begin, match_end), or "" when it is attributed to nobody.
  std::string Find(const TaggedSentence& sentence, size_t match_begin, size_t match_end) const;

 private:
  std::unique_ptr<re2::RE2> leading_;    // "SOURCE said (that) ..." before the claim
  std::unique_ptr<re2::RE2> according_;  // "according to SOURCE"
  std::unique_ptr<re2::RE2> trailing_;   // "..., SOURCE said."
};

}  // namespace crosscheck::extract
