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
  // For each template (by index in the TemplateSet), the sentences in which
  // it built a claim before claims competing for the same words were
  // resolved: the only sentences where editing it can change the claims.
  // Ascending; with a focus, only sentences in `matched`.
  std::vector<std::vector<uint32_t>> candidate_sentences;
  // With a focus: the sentences that were matched, ascending. Claims come
  // from these only; every other sentence's claims are what they were.
  std::vector<uint32_t> matched;
};

class ExtractionFocus;

struct ExtractOptions {
  bool near_misses = false;    // also report what almost matched (slower)
  std::string only_template;   // "" for every template
  // Partial re-extraction (templates changed since a document was stored):
  // only sentences where a focused template builds a claim, and those in
  // `rerun_sentences` (where a changed or removed template built one
  // before), are matched, each with every template, so that claims competing
  // for the same words come out exactly as in a full extraction.
  const ExtractionFocus* focus = nullptr;
  const std::vector<uint32_t>* rerun_sentences = nullptr;  // ascending; with `focus` only
};

// The templates a partial re-extraction runs first, with a prefilter of
// their patterns alone. Built once per run by Extractor::Focus(); immutable,
// shared by threads.
class ExtractionFocus {
 public:
  ~ExtractionFocus();
  ExtractionFocus(const ExtractionFocus&) = delete;  // owns a prefilter shared by threads
  ExtractionFocus& operator=(const ExtractionFocus&) = delete;
  const std::vector<bool>& templates() const { return templates_; }  // by index in the TemplateSet
  // Template i's first pattern in the prefilter's numbering.
  size_t first_pattern(size_t i) const { return first_pattern_[i]; }
  // Null when every focused pattern is a candidate everywhere (CROSSCHECK_PREFILTER=0, or no patterns).
  const PatternPrefilter* prefilter() const { return prefilter_.get(); }
  size_t patterns() const { return patterns_; }

 private:
  friend class Extractor;
  ExtractionFocus() = default;
  std::vector<bool> templates_;
  std::vector<size_t> first_pattern_;  // by template index, in `prefilter_`'s numbering
  std::unique_ptr<PatternPrefilter> prefilter_;
  size_t patterns_ = 0;  // focused patterns
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
  // A focus on the templates with these ids (ids not in the set are left out).
  std::unique_ptr<ExtractionFocus> Focus(const std::vector<std::string>& template_ids) const;

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
