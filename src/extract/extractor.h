// Extractor: runs every compiled template over a document's sentences and
// returns its claims with their evidence.
//
// For each sentence, a prefilter scan tells which patterns can match; for
// each of those the RE2 match gives the slots; each slot's
// type parses its text; modality cues are looked for in the match and the
// words just before it; attribution comes from the sentence; roles the
// sentence does not fill come from the rest of the sentence, then from the
// nearest preceding sentences ("the call lasted..." after a sentence about a
// call with Putin is about that call). Extract() is a pure function of the
// document: it runs on any thread, and the same input gives the same claims.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crosscheck/claim.h"
#include "crosscheck/document.h"
#include "extract/attribution_detector.h"
#include "extract/mention_tagger.h"
#include "extract/pattern_prefilter.h"
#include "extract/template_set.h"

namespace re2 {
class RE2;
}

namespace crosscheck::extract {

// A pattern that almost produced a claim, for `crosscheck explain`.
struct NearMiss {
  uint32_t sentence = 0;
  std::string template_id;
  uint32_t pattern = 0;
  std::string reason;
};

// A person, organisation or place recognised in a sentence.
struct SentenceMention {
  uint32_t sentence = 0;
  EntityRef entity;
};

struct Extraction {
  std::vector<Claim> claims;
  std::vector<NearMiss> near_misses;       // only when ExtractOptions::near_misses
  std::vector<SentenceMention> mentions;   // only when ExtractOptions::near_misses
};

struct ExtractOptions {
  bool near_misses = false;    // also report what almost matched (slower)
  std::string only_template;   // "" for every template
};

// How many sentences back roles may be looked for.
inline constexpr uint32_t kContextSentences = 3;
// A role filled from two or more sentences back must name someone the
// document mentions in at least this many sentences.
inline constexpr uint32_t kMinContextMentions = 2;
// How many words before a match modality cues may sit ("he expects their first meeting...").
inline constexpr uint32_t kModalityLookbackWords = 12;
// How many words after a match exclusion cues may sit ("was released from the hospital").
inline constexpr uint32_t kExcludeLookaheadWords = 6;

class Extractor {
 public:
  explicit Extractor(const TemplateSet& templates);
  ~Extractor();
  Extraction Extract(const Document& doc, const ExtractOptions& options = {}) const;

 private:
  const TemplateSet* templates_;
  std::unique_ptr<re2::RE2> dates_;  // finds the event's date in a sentence
  // Every template's patterns, numbered template by template: which can match a sentence.
  std::unique_ptr<PatternPrefilter> prefilter_;
  std::vector<size_t> first_pattern_;  // of each template, in prefilter numbering
  bool prefilter_enabled_ = true;
  MentionTagger tagger_;
  AttributionDetector attribution_;
};

}  // namespace crosscheck::extract
