// EntityResolver: finds and names people, organisations and places in text,
// using the knowledge base.
//
// A person is recognised when the text names a known person or alias
// ("Zelenskyy"), a known given name followed by a surname ("Marc Fogel"), or a
// title followed by capitalised words ("Police Chief Ken Barnes"). Titles,
// modifiers and nationalities are stripped before lookup, so "Russian President
// Vladimir Putin" and "Putin" resolve to the same canonical entity.
//
// Why not one big regular expression: the knowledge base holds thousands of
// names, and RE2 builds its DFA for such an alternation slowly and walks a
// huge program whenever it must report where a match starts. Instead the text
// is cut into word tokens once and names are looked up by longest match in
// hash tables: linear in the text, with a small constant. Built once per run;
// immutable and safe to share across threads.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/slot_type.h"
#include "knowledge/knowledge_base.h"

namespace crosscheck::extract {

// An entity found in text, with its byte range in that text.
struct ResolvedMention {
  size_t begin = 0;
  size_t end = 0;
  EntityRef entity;
  // Where a person's name starts after a leading title ("Defense Secretary
  // Pete Hegseth"): the title is [begin, name_begin). 0 or begin: no title.
  size_t name_begin = 0;
  bool HasTitle() const { return name_begin > begin; }
};

// A title read as an office: "Former U.S. President" is the office President,
// no longer held, qualified by "U.S.".
struct Title {
  std::string office;      // canonical name, office modifiers included ("Secretary of Defense", "Acting Director")
  bool former = false;     // "former", "ex-": no longer held
  std::string qualifier;   // words that qualify the office without changing it ("Russian", "U.S.")
  bool honorific = false;  // only an honorific ("Mr.", "Dr."): no office
  // How titles compare: "former President" differs from "President".
  std::string Id() const { return former ? "former " + office : office; }
};

// Hashes a std::string key and a std::string_view alike, so that maps keyed by
// strings are searched with a view of the text, without building a string.
struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Surnames of people a document has named in full, so that a later bare
// "Lindqvist" is recognised as Anna Lindqvist. Keyed by EntityResolver::Key.
using SurnameMap = std::unordered_map<std::string, EntityRef, KeyHash, std::equal_to<>>;

class EntityResolver {
 public:
  explicit EntityResolver(const knowledge::KnowledgeBase& knowledge);

  // Every person, organisation and place named in `text`, in order, resolved.
  // At each position a titled or known person wins, then the longer of an
  // organisation or a place ("Alturas, Calif." is one place). `surnames`, when
  // given, also recognises bare surnames of people named earlier.
  std::vector<ResolvedMention> FindMentions(std::string_view text, const SurnameMap* surnames = nullptr) const;

  // Adds the surnames of full-name person mentions to `map`. A surname shared
  // by two people of the document is dropped: it names neither.
  static void CollectSurnames(const std::vector<ResolvedMention>& mentions, SurnameMap* map);

  // Resolves one person mention: titles dropped, aliases followed. Unknown
  // people keep their name as written, without titles.
  EntityRef ResolvePerson(std::string_view mention) const;

  // Reads a title ("Former U.S. President", "the defense secretary") as an
  // office, using the knowledge base's offices, modifiers and office names.
  // Empty when some word is no part of a title (`why` says which).
  std::optional<Title> ParseTitle(std::string_view text, std::string* why) const;

  const knowledge::KnowledgeBase& knowledge() const { return *knowledge_; }

  // The lookup key of a run of words: lower case, without dots, spaces,
  // hyphens or a possessive "'s" ("J. D. Vance" and "J.D. Vance" -> "jdvance").
  static std::string Key(std::string_view words);

 private:
  struct Token {
    size_t begin = 0;
    size_t end = 0;
    std::string_view word;         // the token's bytes in the text
    std::string_view key;          // lower case without dots, hyphens, apostrophes; in Tokens::keys
    uint64_t key_hash = 0;         // FNV-1a of key
    bool capitalised = false;      // starts with an upper-case letter or a digit
    bool name_like = false;        // upper-case start and some lower case ("Fogel", not "NATO")
    bool initial = false;          // "J." or "J.D."
    bool joined_to_previous = false;  // only spaces since the previous token
  };
  struct Names {
    int person = -1;        // entity index
    int organisation = -1;  // entity index
    int place = -1;         // best gazetteer index
    bool office = false;    // "President", "Secretary of State"
    bool modifier = false;  // "Former", "U.S.", or a nationality ("Russian")
    bool honorific = false;        // "Mr.", "Dr.": an office-like word that names no office
    bool former = false;           // "former", "ex-"
    bool office_modifier = false;  // "Deputy", "Acting": part of the office it precedes
  };

  // The tokens of one text. Their keys lie end to end in `keys`, so the key
  // of a run of tokens is one view of it, with no string built per token or
  // per run. Neither copied nor moved: the keys' views point into it.
  class Tokens {
   public:
    Tokens() = default;
    Tokens(const Tokens&) = delete;
    Tokens& operator=(const Tokens&) = delete;
    const Token& operator[](size_t i) const { return list[i]; }
    size_t size() const { return list.size(); }
    bool empty() const { return list.empty(); }
    const Token& front() const { return list.front(); }
    const Token& back() const { return list.back(); }
    std::vector<Token>::const_iterator begin() const { return list.begin(); }
    std::vector<Token>::const_iterator end() const { return list.end(); }
    // The key of tokens [first, last]: their keys joined.
    std::string_view RunKey(size_t first, size_t last) const {
      return std::string_view(list[first].key.data(),
                              static_cast<size_t>(list[last].key.data() + list[last].key.size() - list[first].key.data()));
    }

    std::vector<Token> list;
    std::string keys;  // reserved to the text's size before the first key is written: never reallocated
  };

  static constexpr size_t kMaxNameTokens = 8;
  // For each token, the table entries of the runs of 1..kMaxNameTokens joined
  // tokens starting there (null where a run names nothing). Computed once per
  // text, so each position costs a handful of hash lookups.
  using Runs = std::vector<std::array<const Names*, kMaxNameTokens + 1>>;

  static void Tokenise(std::string_view text, Tokens* tokens);
  void LookupRuns(const Tokens& tokens, Runs* runs) const;
  void AddName(const std::string& name, int Names::*field, int value);
  void AddFlag(const std::string& name, bool Names::*field);
  void Remember(const Tokens& tokens);
  // Longest run from token `i` whose entry satisfies `accept`; its length in
  // tokens (0 when none).
  template <typename Accept>
  size_t Longest(const Runs& runs, size_t i, Accept accept, const Names** found) const;
  // A person starting at token i: returns the number of tokens, 0 if none.
  size_t MatchPerson(const Tokens& tokens, const Runs& runs, size_t i, size_t* name_start) const;

  // Lets the sets be searched with a string_view, without building a string.
  using ViewSet = std::unordered_set<std::string, KeyHash, std::equal_to<>>;
  // One bit per hash of each key that starts some name: most words of a text
  // start none, and one bit test turns them away before any hash table lookup.
  static constexpr size_t kFirstKeyBits = size_t{1} << 16;
  bool MayStartName(uint64_t key_hash) const;
  // One bit per hash of every prefix of every key ("n", "ne", ... "newyork"):
  // a run whose key is no prefix of any name cannot grow into one, so the
  // lookup of longer runs stops there. A clear bit is certain; a set bit may
  // be a collision, and the table lookup decides.
  static constexpr size_t kPrefixBits = size_t{1} << 21;
  bool MayExtend(uint64_t prefix_hash) const;


  const knowledge::KnowledgeBase* knowledge_;
  std::unordered_map<std::string, Names, KeyHash, std::equal_to<>> names_;
  ViewSet first_keys_;   // keys of tokens that start some name
  std::vector<uint64_t> first_key_bits_ = std::vector<uint64_t>(kFirstKeyBits / 64, 0);
  std::vector<uint64_t> prefix_bits_ = std::vector<uint64_t>(kPrefixBits / 64, 0);
  ViewSet given_names_;  // as written, case-sensitive
  std::array<bool, 256> given_first_bytes_{};  // first bytes of given names: most words start with none
  std::unordered_map<std::string, std::string> office_canonical_;  // office key -> canonical office name
  size_t max_tokens_ = 1;
};

}  // namespace crosscheck::extract
