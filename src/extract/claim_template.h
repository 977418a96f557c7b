// ClaimTemplate: a claim kind as a user wrote it in TOML, before compilation.
// The format is documented in docs/templates.md and schemas/template.schema.json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crosscheck/claim.h"

namespace crosscheck::extract {

// A position in a template file, for `file:line:column` messages.
struct SourcePos {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string ToString() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }
};

// A role of the claim's subject: who or what the claim is about.
struct RoleSpec {
  std::string name;          // e.g. "participants", "inviter"
  std::string type;          // a slot type that names entities: person, organisation, actor, place
  uint32_t min = 0;          // fewer fillers than this and the claim is dropped
  bool from_context = false; // may be filled from the sentence and the ones before it
  bool identifies = true;    // part of the subject's identity (false: recorded, not used to tell subjects apart)
  SourcePos pos;
  uint32_t max = 0;          // at most this many fillers (0: no limit); 1 makes its slots match one entity, not a list
};

struct PatternSpec {
  std::string text;
  SourcePos pos;  // of the first character of the pattern text
};

struct TemplateExample {
  std::string text;
  bool should_match = true;
  std::string value;                      // expected Value::display, "" to not check
  std::vector<std::string> participants;  // expected canonical subject participants, sorted
  std::optional<Modality> modality;
  std::string published;                  // ISO date given to the example document
  SourcePos pos;
};

struct ClaimTemplate {
  std::string id;
  std::string description;
  std::string subject_kind;   // "call"
  std::string label;          // subject label format, e.g. "call between {participants}"
  std::string value_type;     // slot type of the {value} slot, or "event" (no value slot)
  std::vector<RoleSpec> roles;
  std::vector<PatternSpec> patterns;
  std::vector<std::string> hedged;   // modality cue words and phrases
  std::vector<std::string> negated;
  std::vector<std::string> exclude;  // words that, near a match, mean it is not this claim
  int priority = 0;           // higher wins when two templates claim the same words
  uint32_t max_gap_words = 8; // what "..." in a pattern may skip
  bool dated = true;          // false: a date in the sentence does not date the claim (a title is no event)
  std::vector<TemplateExample> examples;
  SourcePos pos;              // of the template (its id)
  SourcePos value_pos;        // of the `value` key
  std::string file;           // display path of the file it came from

  const RoleSpec* FindRole(const std::string& name) const {
    for (const RoleSpec& r : roles) {
      if (r.name == name) return &r;
    }
    return nullptr;
  }
};

}  // namespace crosscheck::extract
