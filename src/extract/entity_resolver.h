// EntityResolver: finds and names people, organisations and places in text,
// using the knowledge base.
//
// A person is recognised when the text names a known person or alias
// ("Zelenskyy"), a known given name followed by a surname ("Marc Fogel"), or a
// title followed by capitalised words ("Police Chief Ken Barnes"). Titles,
// modifiers and nationalities are stripped before lookup, so "Russian President
// Vladimir Putin" and "Putin" resolve to the same canonical entity. Built once
// per run; immutable and safe to share across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/slot_type.h"
#include "knowledge/knowledge_base.h"

namespace re2 {
class RE2;
}

namespace crosscheck::extract {

// An entity found in text, with its byte range in that text.
struct ResolvedMention {
  size_t begin = 0;
  size_t end = 0;
  EntityRef entity;
};

class EntityResolver {
 public:
  explicit EntityResolver(const knowledge::KnowledgeBase& knowledge);
  ~EntityResolver();
  EntityResolver(const EntityResolver&) = delete;  // owns compiled regexes
  EntityResolver& operator=(const EntityResolver&) = delete;

  // RE2 fragments (no capturing groups) for one mention of each kind.
  const std::string& person_regex() const { return person_regex_; }
  const std::string& organisation_regex() const { return organisation_regex_; }
  const std::string& place_regex() const { return place_regex_; }

  // Resolves one mention. Unknown people keep their name without titles;
  // unknown organisations and places fail (the slot regex only matches known ones).
  EntityRef ResolvePerson(std::string_view mention) const;
  std::optional<EntityRef> ResolveOrganisation(std::string_view mention) const;
  // Places: "Alturas, Calif." resolves to the first place, checked against the second.
  std::optional<EntityRef> ResolvePlace(std::string_view mention, std::string* why) const;

  // Every person, organisation and place named in `text`, in order, resolved.
  // One pass of one regular expression; a mention is the longest-priority
  // reading at its position (a titled person before a place of the same words).
  std::vector<ResolvedMention> FindMentions(std::string_view text) const;

  const knowledge::KnowledgeBase& knowledge() const { return *knowledge_; }

 private:
  std::string StripTitles(std::string_view mention) const;

  const knowledge::KnowledgeBase* knowledge_;
  std::string person_regex_;
  std::string organisation_regex_;
  std::string place_regex_;
  std::unique_ptr<re2::RE2> title_prefix_;  // anchored: one title with its modifiers
  std::unique_ptr<re2::RE2> mention_;       // person | organisation | place, three groups
};

// "a|b|c" of RE2-quoted literals, longest first, spaces matching any whitespace.
std::string LiteralAlternation(std::vector<std::string> words);

}  // namespace crosscheck::extract
