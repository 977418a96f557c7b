// SlotType: what a `{role:type}` slot in a pattern matches and how its text
// becomes a typed value.
//
// Every slot type supplies an RE2 fragment (no capturing groups) that the
// pattern compiler splices into the template's regular expression, and a parser
// for the text that fragment matched. Because one object provides both, what a
// slot matches is always something its parser understands. Slot types are
// immutable once built and shared by every compiled template and thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/claim.h"

namespace crosscheck::extract {

// An entity a slot named: a person, an organisation or a place.
struct EntityRef {
  std::string canonical;  // canonical name (the mention itself when unknown)
  std::string kind;       // "person", "organisation" or "place"
  std::string mention;    // as written, titles included
  bool known = false;     // found in the knowledge base
};

struct SlotValue {
  std::optional<Value> value;     // the typed value
  std::vector<EntityRef> entities;  // for entity slots (a list slot may name several)
};

struct TaggedSentence;

// What parsing may use beyond the slot's text.
struct SlotContext {
  std::string published;             // the document's publication date (ISO), may be empty
  const TaggedSentence* tagged = nullptr;  // the sentence with its entity mentions
  ByteRange marked;                  // the slot's range in tagged->marked
};

class SlotType {
 public:
  virtual ~SlotType() = default;
  const std::string& name() const { return name_; }
  // One line for `templates list` and documentation.
  virtual std::string Describe() const = 0;
  // The user's own description, from the type's TOML table ("" when none).
  const std::string& description() const { return description_; }
  void set_description(std::string description) { description_ = std::move(description); }
  // RE2 syntax, without capturing groups.
  const std::string& regex() const { return regex_; }
  // What the slot matches for a role that takes one filler (`max = 1`):
  // entity types match one mention instead of a list.
  virtual std::string single_regex() const { return regex_; }
  // A looser regex for the prefilter (extract/pattern_prefilter.h): it must
  // match wherever regex() or single_regex() match, and may match more. Kept
  // small, because large alternations and bounded repeats make the prefilter
  // slow to build; the literal words around a slot do most of the filtering.
  // By default anything at all.
  virtual std::string prefilter_regex() const { return "(?s:.*)"; }
  // True when the slot's own words say which claim this is, as a literal word
  // would ("Defense Secretary"): a pattern may then have no literal word.
  virtual bool anchors_pattern() const { return false; }
  // True when slots of this type name entities and can fill subject roles.
  virtual bool names_entities() const { return false; }
  // Parses matched text (the sentence's own words, without entity markers).
  // Entity slots read their mentions from context.tagged instead. Returns
  // false, with `why` set, when the text does not make a value (a near miss
  // that `explain` shows).
  virtual bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const = 0;

 protected:
  SlotType(std::string name, std::string regex) : name_(std::move(name)), regex_(std::move(regex)) {}

 private:
  std::string name_;
  std::string regex_;
  std::string description_;
};

}  // namespace crosscheck::extract
