#include "extract/entity_resolver.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "text/utf8.h"

namespace crosscheck::extract {
namespace {

using knowledge::EntityKind;
using knowledge::PlaceKind;

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

// ASCII classes, as <cctype> gives them in the "C" locale, without a call per byte.
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return IsAsciiUpper(c) || (c >= 'a' && c <= 'z'); }
bool IsAsciiLetterOrDigit(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }
bool IsWordByte(char c) { return IsAsciiLetterOrDigit(c) || static_cast<unsigned char>(c) >= 0x80; }

// Words that follow a given name without being a surname ("Marc Fogel Monday").
// Also the function words that start sentences ("Steven Sotloff It was...").
constexpr std::array<std::string_view, 48> kNotSurnames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "the", "and", "but", "said", "it", "he", "she", "they",
    "we", "i", "his", "her", "its", "in", "on", "at", "as", "an", "this", "that",
    "for", "with", "from", "to", "by", "of", "or", "if", "when", "after"};

constexpr std::array<std::string_view, 17> kParticles = {"de", "da", "di", "du", "van", "von", "der", "den", "bin",
                                                         "ibn", "al", "el", "la", "le", "dos", "das", "del"};

// Words that end the names of things, not people: after a title they mean
// the title word starts a name ("Justice Department", "Cardinal Drive").
constexpr std::array<std::string_view, 40> kThingWords = {
    "department", "court", "center", "centre", "drive", "street", "avenue", "road", "boulevard", "lane",
    "county", "office", "hall", "church", "school", "university", "college", "hospital", "park", "square",
    "house", "building", "station", "airport", "committee", "council", "party", "ministry", "agency", "service",
    "services", "association", "foundation", "institute", "company", "corporation", "bank", "club", "stadium",
    "bridge"};

constexpr std::array<std::string_view, 6> kSuffixes = {"jr", "sr", "ii", "iii", "iv", "v"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsUpperAt(std::string_view text, size_t at) {
  const char c = text[at];
  if (c >= 'A' && c <= 'Z') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  char32_t cp = 0;
  if (text::DecodeUtf8(text.data() + at, text.size() - at, &cp) == 0) return false;
  return u_isupper(static_cast<UChar32>(cp)) != 0;
}

bool HasLower(std::string_view word) {
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'a' && c <= 'z') return true;
    if (static_cast<unsigned char>(c) >= 0xC0) {
      char32_t cp = 0;
      if (text::DecodeUtf8(word.data() + i, word.size() - i, &cp) > 0 && u_islower(static_cast<UChar32>(cp))) return true;
    }
  }
  return false;
}

// True when the bytes between two tokens are only spaces: the tokens can be
// parts of one name.
bool Joined(std::string_view text, size_t from, size_t to) {
  if (from >= to) return false;
  for (size_t i = from; i < to; ++i) {
    if (text[i] != ' ' && text[i] != '\n') return false;  // a wrapped line may split a name
  }
  return true;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

void EntityResolver::Tokenise(std::string_view text, Tokens* out) {
  std::vector<Token>& tokens = out->list;
  std::string& keys = out->keys;
  tokens.clear();
  tokens.reserve(text.size() / 5 + 1);  // about one word in five or six bytes of news text
  // Keys are never longer than their words: written in place, and never
  // reallocated, so the tokens' views stay valid.
  keys.assign(text.size(), '\0');
  char* key_out = keys.data();
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    size_t end = i;
    bool initial = false;
    // Worked out while the word is read, not in passes over it afterwards:
    // its key (word bytes only, ASCII lower-cased) and the key's hash, and
    // whether it holds a dot, an ASCII lower-case letter or a UTF-8 lead byte.
    char* const key_begin = key_out;
    uint64_t key_hash = kFnvBasis;
    bool dotted = false;
    bool ascii_lower = false;
    bool lead_byte = false;
    while (end < text.size()) {
      const char c = text[end];
      if (IsWordByte(c)) {
        const char lower = IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
        ascii_lower = ascii_lower || (c >= 'a' && c <= 'z');
        lead_byte = lead_byte || static_cast<unsigned char>(c) >= 0xC0;
        *key_out++ = lower;
        key_hash = (key_hash ^ static_cast<unsigned char>(lower)) * kFnvPrime;
        ++end;
      } else if ((c == '-' || c == '\'') && end + 1 < text.size() && IsWordByte(text[end + 1])) {
        // A possessive 's ends the word: "Russia's" is Russia.
        if (c == '\'' && (text[end + 1] == 's' || text[end + 1] == 'S') &&
            (end + 2 >= text.size() || !IsWordByte(text[end + 2]))) {
          break;
        }
        ++end;
      } else if (c == '.' && end + 1 < text.size() && IsAsciiLetter(text[end + 1]) &&
                 end - begin <= 2) {
        dotted = true;
        ++end;  // "U.S", "J.D", "a.m"
      } else if (c == '.' && (end - begin == 1 || dotted)) {
        ++end;  // an initial "J." or the last dot of "U.S."
        initial = IsAsciiUpper(text[begin]);
        break;
      } else {
        break;
      }
    }
    Token t;
    t.begin = begin;
    t.end = end;
    std::string_view word = text.substr(begin, end - begin);
    t.word = word;
    t.joined_to_previous = !tokens.empty() && Joined(text, tokens.back().end, begin);
    t.key = std::string_view(key_begin, static_cast<size_t>(key_out - key_begin));
    t.key_hash = key_hash;
    const bool upper = IsUpperAt(text, begin);
    t.capitalised = upper || IsAsciiDigit(text[begin]);
    // HasLower is true at the first ASCII lower-case letter; only a lead byte needs its code point looked at.
    t.name_like = upper && (ascii_lower || (lead_byte && HasLower(word)));
    t.initial = initial;
    tokens.push_back(t);
    i = end;
    // Skip a possessive 's.
    if (i + 1 < text.size() && text[i] == '\'' && (text[i + 1] == 's' || text[i + 1] == 'S')) i += 2;
  }
  keys.resize(static_cast<size_t>(key_out - keys.data()));  // shrinking never reallocates
}

std::string EntityResolver::Key(std::string_view words) {
  Tokens tokens;
  Tokenise(words, &tokens);
  return tokens.empty() ? std::string() : std::string(tokens.RunKey(0, tokens.size() - 1));
}

namespace {

// FNV-1a, continued from `h`: a key's hash is built as its tokens are appended.
uint64_t FnvAppend(uint64_t h, std::string_view bytes) {
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

size_t Fold(uint64_t h, size_t bits) { return static_cast<size_t>((h ^ (h >> 32)) & (bits - 1)); }

// FNV-1a, folded to the bit table's size.
size_t FirstKeyBit(std::string_view key, size_t bits) { return Fold(FnvAppend(kFnvBasis, key), bits); }

}  // namespace

bool EntityResolver::MayStartName(uint64_t key_hash) const {
  const size_t bit = Fold(key_hash, kFirstKeyBits);
  return (first_key_bits_[bit / 64] >> (bit % 64)) & 1;
}

bool EntityResolver::MayExtend(uint64_t prefix_hash) const {
  const size_t bit = Fold(prefix_hash, kPrefixBits);
  return (prefix_bits_[bit / 64] >> (bit % 64)) & 1;
}

void EntityResolver::Remember(const Tokens& tokens) {
  first_keys_.emplace(tokens.front().key);
  const size_t bit = FirstKeyBit(tokens.front().key, kFirstKeyBits);
  first_key_bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  uint64_t h = kFnvBasis;
  for (const Token& t : tokens) {
    for (char c : t.key) {
      h = FnvAppend(h, std::string_view(&c, 1));
      const size_t prefix_bit = Fold(h, kPrefixBits);
      prefix_bits_[prefix_bit / 64] |= uint64_t{1} << (prefix_bit % 64);
    }
  }
  max_tokens_ = std::max(max_tokens_, std::min(tokens.size(), kMaxNameTokens));
}

void EntityResolver::AddName(const std::string& name, int Names::*field, int value) {
  Tokens tokens;
  Tokenise(name, &tokens);
  if (tokens.empty() || tokens.size() > kMaxNameTokens) return;
  const std::string key(tokens.RunKey(0, tokens.size() - 1));
  Remember(tokens);
  Names& entry = names_[key];
  // A name shared by two entities of a kind names neither: guessing would merge subjects wrongly.
  entry.*field = (entry.*field == -1 || entry.*field == value) ? value : -2;
}

void EntityResolver::AddFlag(const std::string& name, bool Names::*field) {
  Tokens tokens;
  Tokenise(name, &tokens);
  if (tokens.empty() || tokens.size() > kMaxNameTokens) return;
  const std::string key(tokens.RunKey(0, tokens.size() - 1));
  Remember(tokens);
  names_[key].*field = true;
}

EntityResolver::EntityResolver(const knowledge::KnowledgeBase& knowledge) : knowledge_(&knowledge) {
  const auto& entities = knowledge.entities();
  for (size_t i = 0; i < entities.size(); ++i) {
    const knowledge::Entity& e = entities.entity(static_cast<int>(i));
    int Names::*field = e.kind == EntityKind::kPerson ? &Names::person : &Names::organisation;
    AddName(e.name, field, static_cast<int>(i));
    for (const std::string& alias : e.aliases) AddName(alias, field, static_cast<int>(i));
  }
  const auto& places = knowledge.places();
  for (size_t i = 0; i < places.size(); ++i) {
    const knowledge::Place& p = places.place(static_cast<int>(i));
    // The gazetteer ranks places sharing a name (a country before a city).
    AddName(p.name, &Names::place, places.Find(p.name));
    for (const std::string& alias : p.aliases) AddName(alias, &Names::place, places.Find(alias));
    for (const std::string& demonym : p.demonyms) AddFlag(demonym, &Names::modifier);
  }
  for (const std::string& office : knowledge.offices()) AddFlag(office, &Names::office);
  for (const std::string& modifier : knowledge.modifiers()) AddFlag(modifier, &Names::modifier);
  // Honorifics precede names like offices do; former and office modifiers are modifiers.
  for (const std::string& honorific : knowledge.honorifics()) {
    AddFlag(honorific, &Names::office);
    AddFlag(honorific, &Names::honorific);
  }
  for (const std::string& former : knowledge.former()) {
    AddFlag(former, &Names::modifier);
    AddFlag(former, &Names::former);
  }
  for (const std::string& modifier : knowledge.office_modifiers()) {
    AddFlag(modifier, &Names::modifier);
    AddFlag(modifier, &Names::office_modifier);
  }
  // An office's canonical name: its [[office]] entry's name, else the first
  // spelling listed, capitalised ("defense attorney" -> "Defense attorney").
  for (const std::string& office : knowledge.offices()) {
    std::string name = office;
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    office_canonical_.emplace(Key(office), name);
  }
  for (const knowledge::OfficeNames& office : knowledge.office_names()) {
    office_canonical_[Key(office.name)] = office.name;
    for (const std::string& alias : office.aliases) office_canonical_[Key(alias)] = office.name;
  }
  for (const std::string& given : knowledge.given_names()) {
    given_names_.insert(given);
    if (!given.empty()) given_first_bytes_[static_cast<unsigned char>(given[0])] = true;
  }
}

void EntityResolver::LookupRuns(const Tokens& tokens, Runs* out) const {
  Runs& runs = *out;
  runs.assign(tokens.size(), {});
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!MayStartName(tokens[i].key_hash) || first_keys_.count(tokens[i].key) == 0) continue;  // most words start no name
    uint64_t hash = kFnvBasis;
    const size_t limit = std::min(max_tokens_, tokens.size() - i);
    for (size_t len = 1; len <= limit; ++len) {
      if (len > 1 && !tokens[i + len - 1].joined_to_previous) break;
      hash = FnvAppend(hash, tokens[i + len - 1].key);
      if (!MayExtend(hash)) break;  // no name's key starts with these words: no longer run names anything
      auto it = names_.find(tokens.RunKey(i, i + len - 1));
      if (it != names_.end()) runs[i][len] = &it->second;
    }
  }
}

template <typename Accept>
size_t EntityResolver::Longest(const Runs& runs, size_t i, Accept accept, const Names** found) const {
  if (i >= runs.size()) return 0;
  for (size_t len = kMaxNameTokens; len >= 1; --len) {
    const Names* entry = runs[i][len];
    if (entry != nullptr && accept(*entry, len)) {
      *found = entry;
      return len;
    }
  }
  return 0;
}

size_t EntityResolver::MatchPerson(const Tokens& tokens, const Runs& runs, size_t i, size_t* name_start) const {
  const size_t n = tokens.size();
  const Names* found = nullptr;
  size_t j = i;
  bool saw_office = false;
  // Titles: modifiers and offices in any order ("Former U.S. President", "Defense Secretary").
  for (int guard = 0; guard < 6 && j < n; ++guard) {
    if (j > i && !tokens[j].joined_to_previous) break;
    if (size_t len = Longest(runs, j, [](const Names& e, size_t) { return e.office; }, &found)) {
      j += len;
      saw_office = true;
    } else if (size_t mlen = Longest(runs, j, [](const Names& e, size_t) { return e.modifier; }, &found)) {
      j += mlen;
    } else {
      break;
    }
  }
  if (!saw_office) j = i;
  if (j >= n || (j > i && !tokens[j].joined_to_previous)) return 0;
  *name_start = j;
  auto name_case = [&](size_t from, size_t len) {
    return tokens[from].capitalised && tokens[from + len - 1].capitalised;
  };
  // A known person or alias. A lone surname that runs into another
  // capitalised word names a thing, not the person: "Mueller Report", "Trump Tower".
  if (size_t len = Longest(
          runs, j, [&](const Names& e, size_t l) { return e.person >= 0 && name_case(j, l); }, &found)) {
    size_t k = j + len;
    if (len == 1 && j == i && k < n && tokens[k].joined_to_previous && tokens[k].name_like &&
        !In(kNotSurnames, tokens[k].key) && !In(kSuffixes, tokens[k].key)) {
      return 0;
    }
    if (k < n && tokens[k].joined_to_previous && In(kSuffixes, tokens[k].key) && tokens[k].capitalised) ++k;
    return k - i;
  }
  auto surname_run = [&](size_t k, size_t max_words) {
    size_t words = 0;
    while (k < n && words < max_words && tokens[k].joined_to_previous) {
      if (tokens[k].initial) {
        ++k;
      } else if (In(kParticles, tokens[k].key) && k + 1 < n && tokens[k + 1].joined_to_previous &&
                 tokens[k + 1].name_like) {
        k += 2;
        ++words;
      } else if (tokens[k].name_like && !In(kNotSurnames, tokens[k].key)) {
        ++k;
        ++words;
      } else {
        break;
      }
    }
    // "Martin Luther King Jr.", "Ken Barnes III": a suffix is part of the name.
    if (words >= 1 && k < n && tokens[k].joined_to_previous && In(kSuffixes, tokens[k].key) && tokens[k].capitalised) ++k;
    return std::make_pair(k, words);
  };
  // A given name and a surname: "Marc Fogel", "Sherie Lash".
  if (given_first_bytes_[static_cast<unsigned char>(tokens[j].word[0])] &&
      given_names_.find(tokens[j].word) != given_names_.end()) {
    auto [k, words] = surname_run(j + 1, 2);
    if (words >= 1) return k - i;
  }
  // After a title, capitalised words are a name: "Police Chief Ken Barnes", "Officer Smith".
  if (saw_office) {
    auto [k, words] = surname_run(j, 3);
    if (words >= 1 && !In(kThingWords, tokens[k - 1].key)) return k - i;
  }
  return 0;
}

void EntityResolver::CollectSurnames(const std::vector<ResolvedMention>& mentions, SurnameMap* map) {
  for (const ResolvedMention& m : mentions) {
    if (m.entity.kind != "person") continue;
    const std::string& name = m.entity.canonical;
    size_t end = name.size();
    size_t space = name.find_last_of(' ');
    // The surname of "Ken Barnes Jr." is Barnes, not the suffix.
    if (space != std::string::npos && space > 0 && In(kSuffixes, Key(name.substr(space + 1)))) {
      end = space;
      space = name.find_last_of(' ', space - 1);
    }
    if (space == std::string::npos) continue;
    const std::string key = Key(name.substr(space + 1, end - space - 1));
    if (key.size() < 2) continue;
    auto [it, inserted] = map->emplace(key, m.entity);
    if (!inserted && it->second.canonical != name) it->second.canonical.clear();  // ambiguous
  }
}

std::vector<ResolvedMention> EntityResolver::FindMentions(std::string_view text, const SurnameMap* surnames) const {
  std::vector<ResolvedMention> out;
  // Reused from sentence to sentence on each thread: no allocation per sentence once they have grown.
  thread_local Tokens tokens;
  thread_local Runs runs;
  Tokenise(text, &tokens);
  LookupRuns(tokens, &runs);
  const auto& catalog = knowledge_->entities();
  const auto& places = knowledge_->places();
  const size_t n = tokens.size();
  size_t i = 0;
  while (i < n) {
    size_t name_start = i;
    // People first: a title or a given name says more than a place name does.
    if (size_t len = MatchPerson(tokens, runs, i, &name_start)) {
      ResolvedMention m;
      m.begin = tokens[i].begin;
      m.end = tokens[i + len - 1].end;
      m.name_begin = tokens[name_start].begin;
      m.entity = ResolvePerson(text.substr(m.begin, m.end - m.begin));
      out.push_back(std::move(m));
      i += len;
      continue;
    }
    if (!tokens[i].capitalised) {
      ++i;
      continue;
    }
    auto name_case = [&](size_t l) { return tokens[i + l - 1].capitalised; };
    const Names* org = nullptr;
    const Names* place = nullptr;
    const size_t org_len = Longest(runs, i, [&](const Names& e, size_t l) { return e.organisation >= 0 && name_case(l); }, &org);
    size_t place_len = Longest(runs, i, [&](const Names& e, size_t l) { return e.place >= 0 && name_case(l); }, &place);
    // An unknown first name before a known surname is someone else of that
    // name: "Denzel Harris" is not Kamala Harris, "Koi Green" not Gregory Green.
    if (org_len == 0 && place_len == 0 && tokens[i].name_like && !In(kNotSurnames, tokens[i].key) &&
        i + 1 < n && tokens[i + 1].joined_to_previous && tokens[i + 1].name_like) {
      const Names* next = runs[i + 1][1];
      const bool known_surname = next != nullptr && next->person >= 0 && !next->office && !next->modifier;
      const bool document_surname = surnames != nullptr && surnames->count(tokens[i + 1].key) > 0;
      const bool word_is_name = runs[i][1] == nullptr;  // the first word names nothing itself
      if ((known_surname || document_surname) && word_is_name) {
        size_t end = i + 2;
        while (end < n && end < i + 4 && tokens[end].joined_to_previous && tokens[end].name_like &&
               !In(kNotSurnames, tokens[end].key)) {
          ++end;
        }
        ResolvedMention m;
        m.begin = tokens[i].begin;
        m.end = tokens[end - 1].end;
        m.entity = {CollapseSpaces(text.substr(m.begin, m.end - m.begin)), "person",
                    CollapseSpaces(text.substr(m.begin, m.end - m.begin)), false};
        out.push_back(std::move(m));
        i = end;
        continue;
      }
    }
    if (org_len == 0 && place_len == 0) {
      // A bare surname of someone the document named in full (places and organisations win).
      if (surnames != nullptr && tokens[i].name_like) {
        auto it = surnames->find(tokens[i].key);
        if (it != surnames->end() && !it->second.canonical.empty()) {
          ResolvedMention m;
          m.begin = tokens[i].begin;
          m.end = tokens[i].end;
          m.entity = it->second;
          m.entity.mention = std::string(text.substr(m.begin, m.end - m.begin));
          out.push_back(std::move(m));
          ++i;
          continue;
        }
      }
      ++i;
      continue;
    }
    ResolvedMention m;
    m.begin = tokens[i].begin;
    if (org_len >= place_len) {
      const knowledge::Entity& e = catalog.entity(org->organisation);
      m.end = tokens[i + org_len - 1].end;
      m.entity = {e.name, "organisation", std::string(text.substr(m.begin, m.end - m.begin)), true};
      i += org_len;
      out.push_back(std::move(m));
      continue;
    }
    int chosen = place->place;
    size_t used = place_len;
    // "Alturas, Calif.": a place followed by the state or country containing it.
    const size_t next = i + place_len;
    if (next < n) {
      const std::string_view gap = text.substr(tokens[next - 1].end, tokens[next].begin - tokens[next - 1].end);
      const Names* container = nullptr;
      if ((gap == ", " || gap == ",") &&
          (place_len = Longest(runs, next, [&](const Names& e, size_t l) {
             return e.place >= 0 && tokens[next + l - 1].capitalised;
           }, &container)) > 0) {
        const PlaceKind kind = places.place(container->place).kind;
        if (kind == PlaceKind::kState || kind == PlaceKind::kCountry || kind == PlaceKind::kProvince ||
            kind == PlaceKind::kTerritory || kind == PlaceKind::kCounty) {
          std::vector<int> candidates = places.FindAll(text.substr(tokens[i].begin, tokens[next - 1].end - tokens[i].begin));
          auto inside = std::find_if(candidates.begin(), candidates.end(),
                                     [&](int c) { return places.IsWithin(c, container->place); });
          // "Paris, Texas" when only Paris, France is known: Texas is the safe answer.
          chosen = inside != candidates.end() ? *inside : container->place;
          used = next + place_len - i;
        }
      }
    }
    m.end = tokens[i + used - 1].end;
    m.entity = {places.place(chosen).id, "place", std::string(text.substr(m.begin, m.end - m.begin)), true};
    out.push_back(std::move(m));
    i += used;
  }
  return out;
}

std::optional<Title> EntityResolver::ParseTitle(std::string_view text, std::string* why) const {
  Tokens tokens;
  Tokenise(text, &tokens);
  // The whole text is a title, so its words form runs whatever separates
  // them: "Lt. Gov." is one office although a dot splits it.
  Runs runs(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    runs[i].fill(nullptr);
    for (size_t len = 1; len <= kMaxNameTokens && i + len <= tokens.size(); ++len) {
      auto it = names_.find(tokens.RunKey(i, i + len - 1));
      if (it != names_.end()) runs[i][len] = &it->second;
    }
  }
  Title title;
  std::string office;
  std::string pending;  // office modifiers waiting for their office ("Acting" before "Director")
  auto append = [](std::string* to, std::string_view words) {
    if (!to->empty()) to->push_back(' ');
    to->append(words);
  };
  size_t i = 0;
  // "the defense secretary", "a former president": an article is no part of the office.
  static constexpr std::array<std::string_view, 7> kDeterminers = {"the", "a", "an", "his", "her", "its", "their"};
  if (i < tokens.size() && In(kDeterminers, tokens[i].key)) ++i;
  while (i < tokens.size()) {
    const Names* as_office = nullptr;
    const Names* as_modifier = nullptr;
    const size_t office_len = Longest(runs, i, [](const Names& e, size_t) { return e.office; }, &as_office);
    const size_t modifier_len = Longest(runs, i, [](const Names& e, size_t) { return e.modifier; }, &as_modifier);
    if (office_len == 0 && modifier_len == 0) {
      // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "'" + std::string(...) here.
      why->clear();
      why->push_back('\'');
      why->append(tokens[i].word).append("' is no part of a title");
      return std::nullopt;
    }
    // The longer reading wins: "Deputy Secretary" is an office, "Deputy" before "Director" a modifier of it.
    // A word that is both an office and an office modifier modifies an office after it ("Deputy Sheriff").
    const bool modifies_next = office_len == modifier_len && as_modifier->office_modifier && i + modifier_len < tokens.size();
    if (office_len >= modifier_len && !modifies_next) {
      const size_t end = i + office_len;
      if (as_office->honorific && !as_office->modifier) {
        title.honorific = true;
      } else {
        auto it = office_canonical_.find(std::string(tokens.RunKey(i, end - 1)));
        // Of two offices ("police spokesman Officer"), the one next to the name is the person's title.
        office.clear();
        if (!pending.empty()) append(&office, pending);
        pending.clear();
        append(&office, it != office_canonical_.end()
                            ? std::string_view(it->second)
                            : text.substr(tokens[i].begin, tokens[end - 1].end - tokens[i].begin));
      }
      i = end;
      continue;
    }
    const std::string_view words = text.substr(tokens[i].begin, tokens[i + modifier_len - 1].end - tokens[i].begin);
    if (as_modifier->former) {
      title.former = true;
    } else if (as_modifier->office_modifier) {
      std::string word(words);
      if (word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
      append(&pending, word);
    } else {
      append(&title.qualifier, words);
    }
    i += modifier_len;
  }
  if (office.empty() && !pending.empty()) office = pending;  // "the deputy": the modifier is all there is
  title.office = office;
  if (title.office.empty() && !title.honorific) {
    why->clear();
    why->push_back('\'');
    why->append(text).append("' names no office");
    return std::nullopt;
  }
  return title;
}

EntityRef EntityResolver::ResolvePerson(std::string_view mention) const {
  EntityRef ref;
  ref.kind = "person";
  ref.mention = CollapseSpaces(mention);
  thread_local Tokens tokens;  // reused, as in FindMentions (which calls this: a buffer of its own)
  thread_local Runs runs;
  Tokenise(mention, &tokens);
  LookupRuns(tokens, &runs);
  size_t name_start = 0;
  const size_t len = tokens.empty() ? 0 : MatchPerson(tokens, runs, 0, &name_start);
  const size_t end = len > 0 ? len : tokens.size();
  if (tokens.empty() || name_start >= end) {
    ref.canonical = ref.mention;
    return ref;
  }
  const auto& catalog = knowledge_->entities();
  auto it = names_.find(tokens.RunKey(name_start, end - 1));
  int index = it != names_.end() ? it->second.person : -1;
  if (index < 0) {
    // "Vladimir V. Putin": try again without middle initials.
    std::string without;
    for (size_t k = name_start; k < end; ++k) {
      if (!(tokens[k].initial && k > name_start)) without += tokens[k].key;
    }
    it = names_.find(without);
    index = it != names_.end() ? it->second.person : -1;
  }
  if (index >= 0) {
    ref.canonical = catalog.entity(index).name;
    ref.known = true;
  } else {
    ref.canonical = CollapseSpaces(mention.substr(tokens[name_start].begin, tokens[end - 1].end - tokens[name_start].begin));
  }
  return ref;
}

}  // namespace crosscheck::extract
