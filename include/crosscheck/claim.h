// Claim: one fact an article states, extracted by a claim template, with the
// evidence that lets a reader check it (document, sentence, byte offsets,
// template and pattern).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/offset_map.h"

namespace crosscheck {

enum class Modality {
  kAsserted,  // stated as fact
  kHedged,    // "expects", "probably", "possibility", "likely"
  kNegated,   // "did not", "denied", "no"
};
std::string_view ModalityName(Modality modality);
bool ParseModality(std::string_view name, Modality* modality);

// A range of numbers with open or closed ends; `hi` may be +infinity.
// Quantities are intervals in their base unit, dates in days since 1970-01-01.
struct Interval {
  double lo = 0;
  double hi = 0;
  bool lo_open = false;
  bool hi_open = false;

  static Interval Point(double v) { return {v, v, false, false}; }
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();
  bool IsPoint() const { return lo == hi && !lo_open && !hi_open; }
  bool operator==(const Interval&) const = default;
};

enum class ValueKind {
  kQuantity,  // a number with a unit, as an interval ("over an hour" -> (60, inf) min)
  kPlace,     // a gazetteer place; compared by containment
  kEntity,    // a person or organisation; compared by identity
  kDate,      // a calendar day or span, as an interval of days
  kEvent,     // that something happened; compared by polarity (asserted vs negated)
  kCategory,  // a value from a closed set (an enumeration, a list of names, a quote)
};
std::string_view ValueKindName(ValueKind kind);

struct Value {
  ValueKind kind = ValueKind::kEvent;
  std::string type;      // the value type's name: "duration", "place", ...
  std::string unit;      // quantities: the base unit ("min")
  Interval interval;     // quantities and dates
  std::string id;        // places: gazetteer id; entities: canonical name; categories: the value
  std::string text;      // as written in the article
  std::string display;   // normalised and readable: "90 min", "> 60 min", "Saudi Arabia"
};

// Who fills a role of the claim's subject ("participants", "inviter").
struct RoleFiller {
  std::string role;
  std::string entity;       // canonical name
  std::string entity_kind;  // "person", "organisation" or "place"
  std::string mention;      // as written
  std::string via;          // "slot" (the pattern's slot), "sentence" (elsewhere in the
                            // matched sentence) or "context" (a preceding sentence)
  uint32_t sentence = 0;    // index of the sentence where it was found
};

// When a claim says its event happened: a date phrase of its sentence resolved
// against the document's anchor date, with the evidence for the resolution.
struct EventTime {
  std::string phrase;           // as written: "on Wednesday", "Wednesday", "this summer"
  bool resolved = false;        // false: relative, and the document has no anchor date
  Interval days;                // closed, in days since 1970-01-01; unbounded when unresolved
  std::string display;          // "Wednesday (2025-02-12)", "this week (2025-02-10 to 2025-02-16)",
                                // "Wednesday (unresolved)"
  int weekday = -1;             // 0 = Sunday ... 6 = Saturday when the phrase names one day or weekday
  bool relative = false;        // needed the anchor ("Wednesday"); false for "February 12, 2025"
  std::string rule;             // "the most recent Wednesday on or before the anchor"
  std::string anchor;           // ISO date it was resolved against, "" when none
  std::string anchor_source;    // "published" (outlets manifest), "text" (a date the document states), "none"
  std::string anchor_evidence;  // "published 2025-02-13 (outlets manifest)"
};

struct Claim {
  std::string template_id;   // e.g. "call_duration"
  std::string subject_kind;  // e.g. "call"
  uint32_t pattern = 0;      // index of the template pattern that matched
  Value value;
  Modality modality = Modality::kAsserted;
  std::string modality_cue;  // the word that made it hedged or negated
  std::string attribution;   // who the article says stated it ("Kremlin"), may be empty
  std::vector<RoleFiller> roles;
  std::string time;          // ISO date of the event when the sentence gives one (for linking)
  bool has_when = false;     // `when` is set: the sentence names a date
  EventTime when;            // resolved at report time (not stored: it depends on the anchor)

  uint32_t sentence = 0;       // index into Document::sentences
  ByteRange sentence_raw;      // the sentence, in original bytes
  ByteRange match_raw;         // the whole pattern match, in original bytes
  ByteRange value_raw;         // the value slot, in original bytes (empty for events)
  std::string evidence;        // the sentence, normalised
  ByteRange value_in_evidence; // the value slot, as offsets into `evidence`
};

}  // namespace crosscheck
