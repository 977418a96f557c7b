#include "extract/pattern_prefilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

namespace crosscheck::extract {

// Atoms shorter than this are not worth looking for ("in", "of").
constexpr int kMinAtomLength = 3;

struct PatternPrefilter::Impl {
  re2::FilteredRE2 filter{kMinAtomLength};
  std::unique_ptr<re2::RE2::Set> atoms;  // null: no pattern has atoms
  bool usable = true;                    // false: every pattern is always a candidate
};

PatternPrefilter::PatternPrefilter(const std::vector<const re2::RE2*>& patterns)
    : impl_(std::make_unique<Impl>()), patterns_(patterns.size()) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    int id = 0;
    if (impl_->filter.Add(patterns[i]->pattern(), patterns[i]->options(), &id) != re2::RE2::NoError ||
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
}

PatternPrefilter::~PatternPrefilter() = default;

void PatternPrefilter::Candidates(std::string_view text, std::vector<bool>* may_match, Scratch* scratch) const {
  may_match->assign(patterns_, false);
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
  if (impl_->atoms != nullptr) impl_->atoms->Match(lowered, &scratch->atoms);
  scratch->candidates.clear();
  impl_->filter.AllPotentials(scratch->atoms, &scratch->candidates);
  for (int i : scratch->candidates) (*may_match)[static_cast<size_t>(i)] = true;
}

}  // namespace crosscheck::extract
