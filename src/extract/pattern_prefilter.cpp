#include "extract/pattern_prefilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace crosscheck::extract {

// Atoms shorter than this are not worth looking for ("in", "of").
constexpr int kMinAtomLength = 3;
// Mention markers ("\x01\x03" before a person) are two bytes long: they are
// found by a second filter whose atoms may be that short.
constexpr int kMinMarkAtomLength = 2;
// At most this many marker atoms (one per mention kind is expected).
constexpr size_t kMaxMarkAtoms = 8;

struct PatternPrefilter::Impl {
  re2::FilteredRE2 filter{kMinAtomLength};
  std::unique_ptr<re2::RE2::Set> atoms;  // null: no pattern has atoms
  bool usable = true;                    // false: every pattern is always a candidate
  // Which patterns may match, by which marker atoms a sentence contains (a
  // bit each): patterns such as "{value} {person}" have no word of three
  // letters, but cannot match a sentence without a marked person. Empty when
  // no pattern needs a marker.
  std::vector<std::string> mark_atoms;
  std::vector<std::vector<bool>> allowed_by_marks;
};

namespace {

RE2::Options PatternOptions() {
  RE2::Options options;  // as the pattern compiler's, but for the memory budget, which parsing does not use
  options.set_log_errors(false);
  return options;
}

}  // namespace

PatternPrefilter::PatternPrefilter(const std::vector<std::string>& patterns)
    : impl_(std::make_unique<Impl>()), patterns_(patterns.size()) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    int id = 0;
    if (impl_->filter.Add(patterns[i], PatternOptions(), &id) != re2::RE2::NoError ||
        id != static_cast<int>(i)) {
      impl_->usable = false;  // cannot happen for patterns that compiled; stay exact if it does
    }
  }
  if (patterns.empty()) return;
  std::vector<std::string> atoms;
  impl_->filter.Compile(&atoms);
  atom_count_ = atoms.size();
  if (atoms.empty()) return;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(32 << 20);
  impl_->atoms = std::make_unique<re2::RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) {
    if (impl_->atoms->Add(RE2::QuoteMeta(atom), nullptr) < 0) impl_->usable = false;
  }
  if (!impl_->atoms->Compile()) impl_->usable = false;
  BuildMarkFilter(patterns);
}

// A second FilteredRE2, with atoms as short as a marker. Each pattern's
// filter is a monotone formula over atoms: with every other atom counted
// present, whether it passes depends on the marker atoms alone, so the
// patterns that may match are worked out here once for each set of markers.
// A pattern left out needs a marker the sentence lacks: it could not match.
void PatternPrefilter::BuildMarkFilter(const std::vector<std::string>& patterns) {
  re2::FilteredRE2 filter(kMinMarkAtomLength);
  for (const std::string& pattern : patterns) {
    int id = 0;
    if (filter.Add(pattern, PatternOptions(), &id) != re2::RE2::NoError) return;
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::vector<int> others;
  std::vector<int> marks;
  for (size_t i = 0; i < atoms.size(); ++i) {
    (atoms[i].find('\x01') != std::string::npos ? marks : others).push_back(static_cast<int>(i));
  }
  if (marks.empty() || marks.size() > kMaxMarkAtoms) return;
  std::vector<std::vector<bool>> allowed(size_t{1} << marks.size());
  for (size_t mask = 0; mask < allowed.size(); ++mask) {
    std::vector<int> present = others;
    for (size_t b = 0; b < marks.size(); ++b) {
      if ((mask >> b) & 1) present.push_back(marks[b]);
    }
    std::sort(present.begin(), present.end());
    std::vector<int> candidates;
    filter.AllPotentials(present, &candidates);
    allowed[mask].assign(patterns.size(), false);
    for (int c : candidates) allowed[mask][static_cast<size_t>(c)] = true;
  }
  for (int m : marks) impl_->mark_atoms.push_back(atoms[static_cast<size_t>(m)]);
  impl_->allowed_by_marks = std::move(allowed);
}

PatternPrefilter::~PatternPrefilter() = default;

void PatternPrefilter::Candidates(std::string_view text, std::vector<bool>* may_match, Scratch* scratch) const {
  may_match->assign(patterns_, false);
  if (patterns_ == 0) return;
  bool ascii = impl_->usable;
  std::string& lowered = scratch->lowered;
  lowered.resize(text.size());
  for (size_t i = 0; ascii && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) ascii = false;
    lowered[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  if (!ascii) {
    may_match->assign(patterns_, true);
    return;
  }
  scratch->atoms.clear();
  re2::RE2::Set::ErrorInfo error{re2::RE2::Set::kNoError};
  if (impl_->atoms != nullptr && !impl_->atoms->Match(lowered, &scratch->atoms, &error) &&
      error.kind != re2::RE2::Set::kNoError) {
    // The set's DFA ran out of memory: which atoms are present is unknown.
    may_match->assign(patterns_, true);
    return;
  }
  scratch->candidates.clear();
  impl_->filter.AllPotentials(scratch->atoms, &scratch->candidates);
  if (impl_->allowed_by_marks.empty()) {
    for (int i : scratch->candidates) (*may_match)[static_cast<size_t>(i)] = true;
    return;
  }
  size_t mask = 0;
  for (size_t b = 0; b < impl_->mark_atoms.size(); ++b) {
    if (text.find(impl_->mark_atoms[b]) != std::string_view::npos) mask |= size_t{1} << b;
  }
  const std::vector<bool>& allowed = impl_->allowed_by_marks[mask];
  for (int i : scratch->candidates) (*may_match)[static_cast<size_t>(i)] = allowed[static_cast<size_t>(i)];
}

}  // namespace crosscheck::extract
