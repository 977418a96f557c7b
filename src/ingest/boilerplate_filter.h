// BoilerplateFilter: finds the article body inside scraped page text.
//
// Works line by line on normalised text, in one pass:
//   - lines matching a `drop_lines` rule (share buttons, "RELATED STORY | ...",
//     newsletter prompts) are removed;
//   - a line matching an `end_markers` rule ("Leave a Reply", "Share this
//     post", "Comments") ends the article once a body has been seen, and
//     everything after it goes: that is where unrelated stories get appended;
//   - navigation crumbs (short lines without sentence punctuation, such as
//     "World News" or "Actions") and repeated lines are removed;
//   - finally a tail of paragraphs that share almost no content words with the
//     body before them is cut as an off-topic trailer.
// Rules come from knowledge files, so users extend them without C++.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

#include "crosscheck/document.h"
#include "crosscheck/status.h"
#include "knowledge/knowledge_base.h"


namespace crosscheck::ingest {

struct BodyText {
  std::vector<ByteRange> kept;       // normalised ranges of the article body, in order
  std::vector<RemovedSpan> removed;  // normalised ranges left out, with reasons (raw unset)
};

class BoilerplateFilter {
 public:
  // Compiles the knowledge base's drop_lines and end_markers.
  static Result<std::unique_ptr<BoilerplateFilter>> Create(const knowledge::KnowledgeBase& knowledge);
  ~BoilerplateFilter();
  BoilerplateFilter(const BoilerplateFilter&) = delete;  // owns compiled sets
  BoilerplateFilter& operator=(const BoilerplateFilter&) = delete;

  BodyText Apply(std::string_view text) const;

  // A trailer marker only ends the article after this much body text, so a
  // "Share this post" button above the story does not cut the story itself.
  static constexpr uint32_t kMinBodyBeforeEndMarker = 300;

 private:
  BoilerplateFilter();
  std::unique_ptr<RE2::Set> drop_lines_;
  std::unique_ptr<RE2::Set> end_markers_;
  std::vector<std::string> end_marker_patterns_;
};

}  // namespace crosscheck::ingest
