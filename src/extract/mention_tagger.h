// MentionTagger: marks every person, organisation and place a sentence names,
// so that templates can match entities without carrying the whole gazetteer.
//
// The knowledge base is large (thousands of names), and splicing it into each
// template pattern would make every pattern huge. Instead one regular
// expression recognises all entities in a sentence once, and each mention is
// wrapped in control characters that normalised text never contains:
//
//   "Putin invited Trump to Moscow."
//   -> "\x01\x03Putin\x02 invited \x01\x03Trump\x02 to \x01\x05Moscow\x02."
//
// A title before a person's name is marked on its own, just before the name,
// so that a pattern can match the title and the person apart ("{value} {person}"
// for "Defense Secretary Pete Hegseth"); a person slot takes the title along:
//
//   "Defense Secretary Pete Hegseth" -> "\x01\x06Defense Secretary\x02 \x01\x03Pete Hegseth\x02"
//
// An entity slot then matches one marked span (or a list of them), while the
// words stay visible to literal words and other slot types. An OffsetMap leads
// from marked offsets back to the sentence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/offset_map.h"
#include "extract/entity_resolver.h"
#include "extract/slot_type.h"

namespace crosscheck::extract {

inline constexpr char kMarkBegin = '\x01';
inline constexpr char kMarkEnd = '\x02';
inline constexpr char kPersonMark = '\x03';
inline constexpr char kOrganisationMark = '\x04';
inline constexpr char kPlaceMark = '\x05';
inline constexpr char kTitleMark = '\x06';  // a title before a person's name

struct Mention {
  EntityRef entity;
  ByteRange text;    // the name, in the sentence (after the title, if any)
  ByteRange marked;  // the name, in the marked text, markers included
  ByteRange title;         // a person's leading title, in the sentence; empty when none
  ByteRange title_marked;  // the title, in the marked text, markers included
};

struct TaggedSentence {
  std::string marked;  // the sentence with mentions wrapped in markers
  OffsetMap map;       // marked offsets -> sentence offsets
  std::vector<Mention> mentions;

  // Mentions lying inside a marked range, in order.
  std::vector<const Mention*> MentionsIn(ByteRange marked_range) const;
};

class MentionTagger {
 public:
  explicit MentionTagger(const EntityResolver& resolver) : resolver_(&resolver) {}
  TaggedSentence Tag(std::string_view sentence, const SurnameMap* surnames = nullptr) const;

 private:
  const EntityResolver* resolver_;
};

// RE2 fragments matching one marked mention of a kind. A person (and an
// actor) includes the title marked before it, when there is one.
std::string MarkedPersonRegex();
std::string MarkedOrganisationRegex();
std::string MarkedPlaceRegex();
std::string MarkedActorRegex();
std::string MarkedTitleRegex();

// Removes markers: what a marked span says in plain words.
std::string StripMarks(std::string_view marked);

}  // namespace crosscheck::extract
