// PatternCompiler: turns a template pattern into one RE2 regular expression.
//
// Pattern language (full reference in docs/templates.md):
//   lasted           a word, matched whole and in any case
//   meet*            a word by its start: meet, meets, meeting
//   {value}          the template's value slot, typed by `value`
//   {who:person}     a slot for role `who`, of slot type `person`
//   (a|b c)          one of the alternatives
//   [a|b]            optional: one of the alternatives, or nothing
//   ...              a gap of up to `max_gap` words
//   ^                the start of a clause: the sentence start, or after , ; :
//                    or a conjunction ("^ {who:person} was released")
//   , ; : " 's       punctuation, matched literally
// Words and elements may be separated by any whitespace in the text.
//
// RE2 guarantees time linear in the text for every pattern, so no user
// pattern can hang a run; sizes are bounded so none can exhaust memory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crosscheck/status.h"
#include "extract/claim_template.h"
#include "extract/slot_types.h"

namespace re2 {
class RE2;
}

namespace crosscheck::extract {

// What a capturing group of a compiled pattern holds.
struct SlotBinding {
  std::string role;        // role name, or "value"
  const SlotType* type = nullptr;
  bool is_value = false;
};

struct CompiledPattern {
  std::string source;                 // the pattern as written
  std::string regex;                  // what it compiled to
  // What the prefilter looks for: the regex with slots and gaps loosened
  // (SlotType::prefilter_regex), matching wherever `regex` does, and more.
  std::string prefilter_regex;
  std::shared_ptr<const re2::RE2> re; // shared: compiled patterns are immutable
  std::vector<SlotBinding> slots;     // slots[i] is capturing group i + 1
  std::vector<std::string> words;     // literal words, for explaining near misses
  // Top-level elements, for explaining near misses: the source text of each,
  // whether it contains a literal word, and the regex of the pattern up to and
  // including it (prefixes.back() is the whole pattern without captures).
  std::vector<std::string> element_texts;
  std::vector<bool> element_has_word;
  // Compiled on first use: only `explain` asks for near misses, and compiling
  // every prefix of every pattern took as long as compiling the patterns.
  // The k-th prefix is null when it does not compile on its own.
  const std::vector<std::shared_ptr<const re2::RE2>>& prefixes() const;

  // Set by the compiler: the regex of each prefix, and their compiled forms
  // once asked for (shared by copies; compiled once, by whichever thread asks first).
  struct Prefixes;
  std::shared_ptr<Prefixes> lazy_prefixes;
};

// Bounds that keep any template set small enough to compile and run.
inline constexpr size_t kMaxPatternChars = 1000;
inline constexpr size_t kMaxPatternsPerTemplate = 64;
inline constexpr int kMaxProgramSize = 200000;  // RE2 program instructions per pattern

// Compiles one pattern of `tmpl`. Errors name the position inside the pattern:
// "templates/call.toml:14:22: unknown slot type 'lenght'; expected one of ...".
Result<CompiledPattern> CompilePattern(const PatternSpec& pattern, const ClaimTemplate& tmpl,
                                       const TypeRegistry& types);

}  // namespace crosscheck::extract
