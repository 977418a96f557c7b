// PatternPrefilter: which of many patterns can match a sentence, found in one
// pass over it, so full RE2 matches with captures run only where one can.
//
// Every pattern has literal words (the compiler insists), so each one needs
// certain strings ("atoms", e.g. "lasted" or "call") to be present. RE2's
// FilteredRE2 works these out; one RE2::Set of all the atoms of all patterns
// finds those present in a sentence in a single linear-time scan, and a
// pattern whose atoms are absent is skipped: it could not have matched.
// Exact, not a heuristic: the claims are the same with or without it.
//
// Each pattern comes as its loose regex (CompiledPattern::prefilter_regex:
// words, punctuation and entity markers kept, slot values and gaps relaxed
// to "anything"), which matches wherever the pattern does. FilteredRE2
// parses every regex twice; the full patterns, with their dates, numbers and
// titles spelled out, took 1.2 G instructions (about 0.2 s) of every run to
// parse, the loose ones take a tenth of that, and the words that filter are
// the same.
// Immutable after Build(); Candidates() may run on many threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
class FilteredRE2;
}  // namespace re2

namespace crosscheck::extract {

class PatternPrefilter {
 public:
  // Patterns are numbered in the order given: each a regex in RE2 syntax
  // that matches wherever the pattern it stands for does.
  explicit PatternPrefilter(const std::vector<std::string>& patterns);
  ~PatternPrefilter();
  PatternPrefilter(const PatternPrefilter&) = delete;
  PatternPrefilter& operator=(const PatternPrefilter&) = delete;

  // Per-thread buffers, reused from sentence to sentence.
  struct Scratch {
    std::string lowered;
    std::vector<int> atoms;
    std::vector<int> candidates;
  };

  // Sets (*may_match)[i] for every pattern i that may match `text`; those
  // left false cannot. Sentences with non-ASCII letters skip the filter
  // (every pattern is a candidate): the atoms are lowered with Unicode
  // case folding, the sentence is lowered as ASCII only.
  void Candidates(std::string_view text, std::vector<bool>* may_match, Scratch* scratch) const;

  size_t atoms() const { return atom_count_; }

 private:
  void BuildMarkFilter(const std::vector<std::string>& patterns);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  size_t patterns_ = 0;
  size_t atom_count_ = 0;
};

}  // namespace crosscheck::extract
