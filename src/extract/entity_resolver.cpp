#include "extract/entity_resolver.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace crosscheck::extract {
namespace {

using knowledge::EntityKind;

// A capitalised word with at least one lower-case letter ("Fogel", "O'Brien",
// "McDonald", "Jean-Claude"); all-caps acronyms ("NATO") are not names.
constexpr const char* kCapWord = R"(\p{Lu}[\p{L}'-]*\p{Ll}[\p{L}'-]*)";
constexpr const char* kInitials = R"((?:\p{Lu}\.\s?){1,3})";
constexpr const char* kParticle = "(?:de|da|di|du|van|von|der|den|bin|ibn|al|el|la|le|dos|das|del)";
constexpr const char* kSuffix = R"((?:,?\s+(?:Jr\.|Sr\.|Jr\b|Sr\b|II\b|III\b|IV\b))?)";

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string StripPossessive(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  if (s.size() > 2 && s.substr(s.size() - 2) == "'s") s.remove_suffix(2);
  else if (s.size() > 1 && s.back() == '\'') s.remove_suffix(1);
  return std::string(s);
}

std::string StripArticle(std::string_view s) {
  if (s.size() > 4 && (s.substr(0, 4) == "the " || s.substr(0, 4) == "The ")) s.remove_prefix(4);
  return std::string(s);
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) words.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::string LiteralAlternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += '|';
    // Word boundaries only where the name starts or ends with a word character:
    // "U.S." ends with a dot, and \b after it would never match before a space.
    if (IsWordByte(w.front())) out += "\\b";
    std::string quoted = RE2::QuoteMeta(w);
    for (size_t i = 0; i < quoted.size(); ++i) {
      if (quoted[i] == '\\' && i + 1 < quoted.size() && quoted[i + 1] == ' ') {
        out += "\\s+";
        ++i;
      } else {
        out += quoted[i];
      }
    }
    if (IsWordByte(w.back())) out += "\\b";
  }
  return out.empty() ? "[^\\x00-\\x{10FFFF}]" : out;  // matches nothing
}

EntityResolver::EntityResolver(const knowledge::KnowledgeBase& knowledge) : knowledge_(&knowledge) {
  std::vector<std::string> modifiers = knowledge.modifiers();
  for (const std::string& d : knowledge.places().AllDemonyms()) modifiers.push_back(d);
  const std::string modifier = "(?:" + LiteralAlternation(modifiers) + ")";
  const std::string office = "(?:" + LiteralAlternation(knowledge.offices()) + ")";
  const std::string title = "(?i:(?:" + modifier + "[\\s-]+){0,3}" + office + ")";
  const std::string known = "(?:" + LiteralAlternation(knowledge.entities().AllNames(EntityKind::kPerson)) + ")";
  const std::string given = "(?:" + LiteralAlternation(knowledge.given_names()) + ")";
  const std::string cap = kCapWord;
  const std::string named = given + "(?:\\s+" + kInitials + ")?(?:\\s+(?:" + kParticle + "\\s+)?" + cap + "){1,2}";
  const std::string titled = "(?:" + std::string(kInitials) + "\\s*)?" + cap + "(?:\\s+(?:" + kInitials + "\\s*)?" + cap + "){0,2}";
  person_regex_ = "(?:(?:" + title + "\\s+)?(?:" + known + "|" + named + ")" + kSuffix + "|" + title + "\\s+" + titled + ")";

  organisation_regex_ =
      "(?:(?:the\\s+|The\\s+)?(?:" + LiteralAlternation(knowledge.entities().AllNames(EntityKind::kOrganisation)) + "))";
  const std::string place_name = "(?:" + LiteralAlternation(knowledge.places().AllNames()) + ")";
  place_regex_ = "(?:(?:the\\s+|The\\s+)?" + place_name + "(?:,\\s+" + place_name + ")?)";

  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  title_prefix_ = std::make_unique<RE2>("^" + title + "[\\s,]+", options);
  mention_ = std::make_unique<RE2>("(" + person_regex_ + ")|(" + organisation_regex_ + ")|(" + place_regex_ + ")", options);
}

EntityResolver::~EntityResolver() = default;

std::string EntityResolver::StripTitles(std::string_view mention) const {
  std::string name = StripPossessive(mention);
  for (int i = 0; i < 3; ++i) {
    re2::StringPiece input(name);
    if (!RE2::Consume(&input, *title_prefix_)) break;
    if (input.empty()) break;  // "President" alone: keep it
    name = std::string(input);
  }
  // Collapse runs of spaces left by line breaks.
  std::string out;
  for (char c : name) {
    if ((c == ' ' || c == '\n') && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c == '\n' ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

EntityRef EntityResolver::ResolvePerson(std::string_view mention) const {
  EntityRef ref;
  ref.kind = "person";
  ref.mention = std::string(mention);
  std::string name = StripTitles(mention);
  const auto& catalog = knowledge_->entities();
  int index = catalog.Find(name, EntityKind::kPerson);
  if (index == knowledge::EntityCatalog::kNone) {
    // "Vladimir V. Putin": drop middle initials; "Donald Trump Jr." keeps its suffix.
    std::vector<std::string> words = SplitWords(name);
    if (words.size() >= 3) {
      std::string without_initials;
      for (size_t i = 0; i < words.size(); ++i) {
        const bool initial = i > 0 && i + 1 < words.size() && words[i].size() <= 3 && words[i].back() == '.';
        if (initial) continue;
        without_initials += (without_initials.empty() ? "" : " ") + words[i];
      }
      index = catalog.Find(without_initials, EntityKind::kPerson);
    }
  }
  if (index != knowledge::EntityCatalog::kNone) {
    ref.canonical = catalog.entity(index).name;
    ref.known = true;
  } else {
    ref.canonical = name;
  }
  return ref;
}

std::optional<EntityRef> EntityResolver::ResolveOrganisation(std::string_view mention) const {
  std::string name = StripArticle(StripPossessive(mention));
  int index = knowledge_->entities().Find(name, EntityKind::kOrganisation);
  if (index == knowledge::EntityCatalog::kNone) return std::nullopt;
  return EntityRef{knowledge_->entities().entity(index).name, "organisation", std::string(mention), true};
}

std::optional<EntityRef> EntityResolver::ResolvePlace(std::string_view mention, std::string* why) const {
  std::string text = StripArticle(StripPossessive(mention));
  const auto& places = knowledge_->places();
  std::string first = text;
  std::string second;
  if (size_t comma = text.find(", "); comma != std::string::npos) {
    first = text.substr(0, comma);
    second = StripArticle(text.substr(comma + 2));
  }
  std::vector<int> candidates = places.FindAll(first);
  if (candidates.empty()) {
    *why = "'" + first + "' is not in the gazetteer";
    return std::nullopt;
  }
  int chosen = candidates.front();
  if (!second.empty()) {
    int container = places.Find(second);
    if (container != knowledge::Gazetteer::kNone) {
      auto inside = std::find_if(candidates.begin(), candidates.end(),
                                 [&](int c) { return places.IsWithin(c, container); });
      // "Paris, Texas" when only Paris, France is known: Texas is the safe answer.
      chosen = inside != candidates.end() ? *inside : container;
    }
  }
  return EntityRef{places.place(chosen).id, "place", std::string(mention), true};
}

std::vector<ResolvedMention> EntityResolver::FindMentions(std::string_view text) const {
  std::vector<ResolvedMention> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece person, organisation, place;
  while (RE2::FindAndConsume(&input, *mention_, &person, &organisation, &place)) {
    const re2::StringPiece& hit = !person.empty() ? person : !organisation.empty() ? organisation : place;
    if (hit.empty()) {
      if (input.empty()) break;
      input.remove_prefix(1);
      continue;
    }
    ResolvedMention m;
    m.begin = static_cast<size_t>(hit.data() - text.data());
    m.end = m.begin + hit.size();
    const std::string_view mention(hit.data(), hit.size());
    if (!person.empty()) {
      m.entity = ResolvePerson(mention);
    } else if (!organisation.empty()) {
      auto org = ResolveOrganisation(mention);
      if (!org) continue;
      m.entity = *org;
    } else {
      std::string why;
      auto p = ResolvePlace(mention, &why);
      if (!p) continue;
      m.entity = *p;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace crosscheck::extract
