// The slot types crosscheck ships and the ones users declare in TOML.
//
// Built in: person, organisation, actor (person, organisation or place),
// place, date, quote. Declared in TOML `[types.NAME]` tables (template_loader.h):
// quantity (units and conversions, e.g. duration), enum (a closed set of
// values with aliases) and list (a gazetteer of names).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/entity_resolver.h"
#include "extract/quantity.h"
#include "extract/slot_type.h"

namespace crosscheck::extract {

// People, organisations or any actor, as a list ("Vance and Rubio").
class EntitySlotType : public SlotType {
 public:
  enum class Accepts { kPerson, kOrganisation, kActor };
  EntitySlotType(std::string name, Accepts accepts);
  std::string Describe() const override;
  bool names_entities() const override { return true; }
  std::string single_regex() const override;
  std::string prefilter_regex() const override;
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;

 private:
  Accepts accepts_;
};

class PlaceSlotType : public SlotType {
 public:
  PlaceSlotType(std::string name, const EntityResolver& resolver);
  std::string Describe() const override { return "a place from the gazetteer (compared by containment)"; }
  bool names_entities() const override { return true; }
  std::string prefilter_regex() const override { return regex(); }  // small already
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;

 private:
  const EntityResolver* resolver_;
};

// A person's office or title ("Former President", "the defense secretary"):
// a title marked before a person's name, or the words of one standing alone.
// The value is the office's canonical name from the knowledge base, "former "
// before it when no longer held; nationalities and places only qualify it.
class TitleSlotType : public SlotType {
 public:
  TitleSlotType(std::string name, const EntityResolver& resolver);
  std::string Describe() const override;
  bool anchors_pattern() const override { return true; }
  std::string prefilter_regex() const override { return prefilter_regex_; }
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;

 private:
  const EntityResolver* resolver_;
  std::string prefilter_regex_;
};

class QuantitySlotType : public SlotType {
 public:
  explicit QuantitySlotType(QuantitySpec spec);
  std::string Describe() const override;
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;
  const QuantitySpec& spec() const { return spec_; }

 private:
  QuantitySpec spec_;
};

class DateSlotType : public SlotType {
 public:
  DateSlotType();
  std::string Describe() const override { return "a date; weekdays and 'yesterday' are resolved against the publication date"; }
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;
};

// A quotation in straight double quotes; its words are the value.
class QuoteSlotType : public SlotType {
 public:
  QuoteSlotType();
  std::string Describe() const override { return "a quotation in double quotes"; }
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;
};

// A closed set of values, each with the words that express it.
class EnumSlotType : public SlotType {
 public:
  EnumSlotType(std::string name, std::vector<std::pair<std::string, std::vector<std::string>>> values);
  std::string Describe() const override;
  std::string prefilter_regex() const override { return regex(); }  // a few words: selective and small
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> values_;
};

// A list of names (a user gazetteer); the matched name is the value.
class ListSlotType : public SlotType {
 public:
  ListSlotType(std::string name, std::vector<std::string> names, bool case_sensitive);
  std::string Describe() const override;
  bool Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const override;

 private:
  std::vector<std::string> names_;
  bool case_sensitive_;
};

// Holds every slot type by name. Built-ins are registered at construction;
// declared types are added by the template loader.
class TypeRegistry {
 public:
  explicit TypeRegistry(const EntityResolver& resolver);
  // Adds or replaces a type; returns true when it replaced one.
  bool Add(std::unique_ptr<SlotType> type);
  const SlotType* Find(std::string_view name) const;
  std::vector<std::string> Names() const;
  const EntityResolver& resolver() const { return *resolver_; }

 private:
  const EntityResolver* resolver_;
  std::map<std::string, std::unique_ptr<SlotType>, std::less<>> types_;
};

}  // namespace crosscheck::extract
