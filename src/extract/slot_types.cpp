#include "extract/slot_types.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "extract/date_parser.h"
#include "extract/literal_alternation.h"
#include "extract/mention_tagger.h"

namespace crosscheck::extract {
namespace {

std::string ListOf(const std::string& one) {
  // "A", "A and B", "A, B and C", "A, B, and C"
  return "(?:" + one + "(?:\\s*,\\s*" + one + ")*(?:,?\\s+(?:and|&)\\s+" + one + ")?)";
}

std::string EntityRegex(EntitySlotType::Accepts accepts) {
  switch (accepts) {
    case EntitySlotType::Accepts::kPerson:
      return ListOf(MarkedPersonRegex());
    case EntitySlotType::Accepts::kOrganisation:
      return ListOf(MarkedOrganisationRegex());
    case EntitySlotType::Accepts::kActor:
      return ListOf(MarkedActorRegex());
  }
  return "";
}

std::string SingleEntityRegex(EntitySlotType::Accepts accepts) {
  switch (accepts) {
    case EntitySlotType::Accepts::kPerson: return MarkedPersonRegex();
    case EntitySlotType::Accepts::kOrganisation: return MarkedOrganisationRegex();
    case EntitySlotType::Accepts::kActor: return MarkedActorRegex();
  }
  return "";
}

// A marked title, or the words of a title standing alone: up to three
// modifiers ("former", "U.S.", "Russian", "acting") and an office.
std::string TitleRegex(const knowledge::KnowledgeBase& knowledge) {
  std::vector<std::string> offices = knowledge.offices();
  offices.insert(offices.end(), knowledge.honorifics().begin(), knowledge.honorifics().end());
  std::vector<std::string> modifiers = knowledge.modifiers();
  modifiers.insert(modifiers.end(), knowledge.former().begin(), knowledge.former().end());
  modifiers.insert(modifiers.end(), knowledge.office_modifiers().begin(), knowledge.office_modifiers().end());
  const auto& places = knowledge.places();
  for (size_t i = 0; i < places.size(); ++i) {
    const auto& demonyms = places.place(static_cast<int>(i)).demonyms;
    modifiers.insert(modifiers.end(), demonyms.begin(), demonyms.end());
  }
  return "(?:" + MarkedTitleRegex() + "|(?i:(?:(?:" + LiteralAlternation(modifiers) + ")\\s+){0,3}(?:" +
         LiteralAlternation(offices) + ")))";
}

// What the prefilter looks for instead of a title: a marked title, or the
// first word of an office after anything. Whole office names, and the
// modifiers' bounded repeat, made the prefilter take seconds to build.
std::string TitlePrefilterRegex(const knowledge::KnowledgeBase& knowledge) {
  std::vector<std::string> offices = knowledge.offices();
  offices.insert(offices.end(), knowledge.honorifics().begin(), knowledge.honorifics().end());
  std::set<std::string> first_words;
  for (const std::string& office : offices) {
    const size_t end = office.find_first_of(" \t\n");
    std::string word = office.substr(0, end);
    if (word.empty()) return "(?s:.*)";  // cannot happen for a loaded knowledge base; stay exact if it does
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    first_words.insert(RE2::QuoteMeta(word));
  }
  if (first_words.empty()) return MarkedTitleRegex();
  std::string words;
  for (const std::string& w : first_words) words += (words.empty() ? "" : "|") + w;
  return "(?:" + MarkedTitleRegex() + "|(?s:.*)(?i:" + words + "))";
}

std::vector<EntityRef> MentionsOf(const SlotContext& context, std::string_view kind) {
  std::vector<EntityRef> out;
  if (context.tagged == nullptr) return out;
  for (const Mention* m : context.tagged->MentionsIn(context.marked)) {
    if (kind.empty() || m->entity.kind == kind) out.push_back(m->entity);
  }
  return out;
}

std::string LowerWords(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (c != '\'') {
      space = true;  // apostrophes join ("don't" = "dont"); other punctuation separates
    }
  }
  return out;
}

Value MakeEntityValue(const std::string& type, const EntityRef& e) {
  Value v;
  v.kind = e.kind == "place" ? ValueKind::kPlace : ValueKind::kEntity;
  v.type = type;
  v.id = e.canonical;
  v.text = e.mention;
  v.display = e.canonical;
  return v;
}

}  // namespace

// ---- EntitySlotType --------------------------------------------------------

EntitySlotType::EntitySlotType(std::string name, Accepts accepts)
    : SlotType(std::move(name), EntityRegex(accepts)), accepts_(accepts) {}

std::string EntitySlotType::single_regex() const { return SingleEntityRegex(accepts_); }

// A mention, or a list of them, starts with its marker (a person's may start
// with its title's); what follows is left to RE2.
std::string EntitySlotType::prefilter_regex() const {
  switch (accepts_) {
    case Accepts::kPerson: return "\\x01[\\x03\\x06](?s:.*)";
    case Accepts::kOrganisation: return "\\x01\\x04(?s:.*)";
    case Accepts::kActor: return "\\x01[\\x03-\\x06](?s:.*)";
  }
  return "(?s:.*)";
}

std::string EntitySlotType::Describe() const {
  switch (accepts_) {
    case Accepts::kPerson: return "one or more people (\"Vance and Rubio\"); titles are dropped, aliases resolved";
    case Accepts::kOrganisation: return "one or more known organisations";
    case Accepts::kActor: return "people, organisations or places acting (\"Russia\", \"the Kremlin\", \"Putin\")";
  }
  return "";
}

bool EntitySlotType::Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const {
  out->entities = MentionsOf(context, accepts_ == Accepts::kPerson         ? "person"
                                      : accepts_ == Accepts::kOrganisation ? "organisation"
                                                                           : "");
  if (out->entities.empty()) {
    *why = "no " + std::string(accepts_ == Accepts::kPerson ? "person" : "entity") + " in '" + std::string(text) + "'";
    return false;
  }
  out->value = MakeEntityValue(name(), out->entities.front());
  out->value->text = std::string(text);
  return true;
}

// ---- PlaceSlotType ---------------------------------------------------------

PlaceSlotType::PlaceSlotType(std::string name, const EntityResolver& resolver)
    : SlotType(std::move(name), MarkedPlaceRegex()), resolver_(&resolver) {}

bool PlaceSlotType::Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const {
  std::vector<EntityRef> places = MentionsOf(context, "place");
  if (places.empty()) {
    *why = "no place from the gazetteer in '" + std::string(text) + "'";
    return false;
  }
  const EntityRef* place = &places.front();
  const auto& gazetteer = resolver_->knowledge().places();
  Value v = MakeEntityValue(name(), *place);
  v.display = gazetteer.place(gazetteer.FindById(place->canonical)).name;
  out->value = v;
  out->entities.push_back(*place);
  return true;
}

// ---- TitleSlotType ---------------------------------------------------------

TitleSlotType::TitleSlotType(std::string name, const EntityResolver& resolver)
    : SlotType(std::move(name), TitleRegex(resolver.knowledge())),
      resolver_(&resolver),
      prefilter_regex_(TitlePrefilterRegex(resolver.knowledge())) {}

std::string TitleSlotType::Describe() const {
  return "a person's office or title (\"Defense Secretary\", \"Former President\"); aliases of one office compare as the same";
}

bool TitleSlotType::Parse(std::string_view text, const SlotContext&, SlotValue* out, std::string* why) const {
  std::optional<Title> title = resolver_->ParseTitle(text, why);
  if (!title) return false;
  if (title->office.empty()) {
    *why = "'" + std::string(text) + "' is an honorific, not an office";
    return false;
  }
  Value v;
  v.kind = ValueKind::kCategory;
  v.type = name();
  v.id = title->Id();
  v.text = std::string(text);
  v.display = v.id;
  out->value = v;
  return true;
}

// ---- QuantitySlotType ------------------------------------------------------

QuantitySlotType::QuantitySlotType(QuantitySpec spec)
    : SlotType(spec.name, QuantityRegex(spec)), spec_(std::move(spec)) {}

std::string QuantitySlotType::Describe() const {
  std::string units;
  for (const QuantityUnit& u : spec_.units) units += (units.empty() ? "" : ", ") + u.name;
  std::string what = spec_.base_unit.empty() ? "a number" : "a quantity in " + spec_.base_unit;
  if (!units.empty()) what += " (units: " + units + ")";
  if (!spec_.count_words.empty()) what += " or a vague count (" + spec_.count_words.front().word + ", ...)";
  if (description().empty()) return what;
  std::string text = description();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text + ": " + what;
}

bool QuantitySlotType::Parse(std::string_view text, const SlotContext&, SlotValue* out, std::string* why) const {
  auto interval = ParseQuantity(text, spec_, why);
  if (!interval) return false;
  Value v;
  v.kind = ValueKind::kQuantity;
  v.type = name();
  v.unit = spec_.base_unit;
  v.interval = *interval;
  v.text = std::string(text);
  v.display = FormatQuantity(*interval, spec_.base_unit);
  out->value = v;
  return true;
}

// ---- DateSlotType ----------------------------------------------------------

DateSlotType::DateSlotType() : SlotType("date", DateRegex()) {}

bool DateSlotType::Parse(std::string_view text, const SlotContext& context, SlotValue* out, std::string* why) const {
  DateOptions options;
  if (context.tagged != nullptr) options.future = FutureCueBefore(context.tagged->marked, context.marked.begin);
  auto parsed = ParseDate(text, context.published, options);
  if (!parsed) {
    *why = "'" + std::string(text) + "' is not a date";
    return false;
  }
  Value v;
  v.kind = ValueKind::kDate;
  v.type = name();
  v.unit = "day";
  v.interval = parsed->days;
  v.text = std::string(text);
  v.display = parsed->display;
  v.id = parsed->anchored ? parsed->display : std::string(WeekdayName(parsed->weekday));
  out->value = v;
  return true;
}

// ---- QuoteSlotType ---------------------------------------------------------

QuoteSlotType::QuoteSlotType() : SlotType("quote", "\"[^\"\\n]+\"") {}

bool QuoteSlotType::Parse(std::string_view text, const SlotContext&, SlotValue* out, std::string* why) const {
  std::string words = LowerWords(text);
  if (words.empty()) {
    *why = "empty quotation";
    return false;
  }
  Value v;
  v.kind = ValueKind::kCategory;
  v.type = name();
  v.id = words;
  v.text = std::string(text);
  v.display = std::string(text);
  out->value = v;
  return true;
}

// ---- EnumSlotType ----------------------------------------------------------

namespace {
std::string EnumRegex(const std::vector<std::pair<std::string, std::vector<std::string>>>& values) {
  std::vector<std::string> words;
  for (const auto& [value, aliases] : values) {
    words.push_back(value);
    words.insert(words.end(), aliases.begin(), aliases.end());
  }
  return "(?i:" + LiteralAlternation(words) + ")";
}
}  // namespace

EnumSlotType::EnumSlotType(std::string name, std::vector<std::pair<std::string, std::vector<std::string>>> values)
    : SlotType(std::move(name), EnumRegex(values)), values_(std::move(values)) {}

std::string EnumSlotType::Describe() const {
  std::string list;
  for (const auto& [value, aliases] : values_) list += (list.empty() ? "" : ", ") + value;
  return (description().empty() ? "" : description() + " ") + "one of: " + list;
}

bool EnumSlotType::Parse(std::string_view text, const SlotContext&, SlotValue* out, std::string* why) const {
  const std::string key = LowerWords(text);
  for (const auto& [value, aliases] : values_) {
    bool hit = LowerWords(value) == key;
    for (const std::string& alias : aliases) hit = hit || LowerWords(alias) == key;
    if (hit) {
      Value v;
      v.kind = ValueKind::kCategory;
      v.type = name();
      v.id = value;
      v.text = std::string(text);
      v.display = value;
      out->value = v;
      return true;
    }
  }
  *why = "'" + std::string(text) + "' is not a value of " + name();
  return false;
}

// ---- ListSlotType ----------------------------------------------------------

ListSlotType::ListSlotType(std::string name, std::vector<std::string> names, bool case_sensitive)
    : SlotType(std::move(name), (case_sensitive ? "(?:" : "(?i:") + LiteralAlternation(names) + ")"),
      names_(std::move(names)),
      case_sensitive_(case_sensitive) {}

std::string ListSlotType::Describe() const {
  return (description().empty() ? "" : description() + " ") + "a name from a list of " +
         std::to_string(names_.size()) + (case_sensitive_ ? "" : " (any case)");
}

bool ListSlotType::Parse(std::string_view text, const SlotContext&, SlotValue* out, std::string* why) const {
  const std::string key = LowerWords(text);
  for (const std::string& n : names_) {
    if (LowerWords(n) == key) {
      Value v;
      v.kind = ValueKind::kCategory;
      v.type = name();
      v.id = n;
      v.text = std::string(text);
      v.display = n;
      out->value = v;
      return true;
    }
  }
  *why = "'" + std::string(text) + "' is not in the list " + name();
  return false;
}

// ---- TypeRegistry ----------------------------------------------------------

TypeRegistry::TypeRegistry(const EntityResolver& resolver) : resolver_(&resolver) {
  Add(std::make_unique<EntitySlotType>("person", EntitySlotType::Accepts::kPerson));
  Add(std::make_unique<EntitySlotType>("organisation", EntitySlotType::Accepts::kOrganisation));
  Add(std::make_unique<EntitySlotType>("actor", EntitySlotType::Accepts::kActor));
  Add(std::make_unique<PlaceSlotType>("place", resolver));
  Add(std::make_unique<DateSlotType>());
  Add(std::make_unique<QuoteSlotType>());
  Add(std::make_unique<TitleSlotType>("title", resolver));
}

bool TypeRegistry::Add(std::unique_ptr<SlotType> type) {
  const std::string name = type->name();
  const bool replaced = types_.count(name) > 0;
  types_[name] = std::move(type);
  return replaced;
}

const SlotType* TypeRegistry::Find(std::string_view name) const {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : it->second.get();
}

std::vector<std::string> TypeRegistry::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, type] : types_) names.push_back(name);
  return names;
}

}  // namespace crosscheck::extract
