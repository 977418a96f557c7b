// Tests for LiteralAlternation: the order of its words lets RE2 share their
// prefixes, and changes no match against longest-first order.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "extract/entity_resolver.h"
#include "extract/literal_alternation.h"
#include "knowledge/knowledge_base.h"
#include "pipeline/engine_impl.h"
#include "test_support.h"

namespace {

using crosscheck::extract::LiteralAlternation;

// The order LiteralAlternation used before: every word by length, longest
// first; what the new order must match exactly like.
std::string LongestFirst(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += '|';
    if (word_byte(w.front())) out += "\\b";
    const std::string quoted = RE2::QuoteMeta(w);
    for (size_t i = 0; i < quoted.size(); ++i) {
      if (quoted[i] == '\\' && i + 1 < quoted.size() && quoted[i + 1] == ' ') {
        out += "\\s+";
        ++i;
      } else {
        out += quoted[i];
      }
    }
    if (word_byte(w.back())) out += "\\b";
  }
  return out;
}

// Every match of `re` in `text`, each as the offsets of all its groups.
std::vector<std::vector<long>> AllMatches(const RE2& re, const std::string& text) {
  std::vector<std::vector<long>> out;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(n));
  size_t start = 0;
  while (start <= text.size() && re.Match(text, start, text.size(), RE2::UNANCHORED, pieces.data(), n)) {
    std::vector<long> spans;
    for (const re2::StringPiece& p : pieces) {
      spans.push_back(p.data() == nullptr ? -1 : p.data() - text.data());
      spans.push_back(static_cast<long>(p.size()));
    }
    out.push_back(spans);
    const auto begin = static_cast<size_t>(pieces[0].data() - text.data());
    start = pieces[0].empty() ? begin + 1 : begin + pieces[0].size();
  }
  return out;
}

// Texts where words of the list meet: each word alone and before a name, in
// three cases, and word pairs (neighbours in both orders, and random ones).
std::vector<std::string> Texts(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> texts;
  auto cased = [&](const std::string& t) {
    texts.push_back(t);
    std::string lower = t;
    std::string upper = t;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    texts.push_back(lower);
    texts.push_back(upper);
  };
  for (const std::string& w : a) {
    cased("the " + w + " Anna Lindqvist said");
    cased(w + ".");
  }
  for (size_t i = 0; i + 1 < a.size(); ++i) {
    cased(a[i] + " " + a[i + 1] + " Smith");
    cased(a[i + 1] + "  " + a[i] + ", Smith");
  }
  std::mt19937 random(7);
  for (int i = 0; i < 600; ++i) {
    const std::string& x = a[random() % a.size()];
    const std::string& y = b[random() % b.size()];
    const std::string& z = a[random() % a.size()];
    cased(x + " " + y + " " + z + " " + y);
    cased(x + "\t" + z + "-" + y);
  }
  return texts;
}

void RequireSameMatches(const std::string& old_regex, const std::string& new_regex, const std::vector<std::string>& texts) {
  RE2::Options options;
  options.set_max_mem(64 << 20);
  const RE2 old_re(old_regex, options);
  const RE2 new_re(new_regex, options);
  REQUIRE(old_re.ok());
  REQUIRE(new_re.ok());
  for (const std::string& text : texts) {
    INFO(text);
    REQUIRE(AllMatches(new_re, text) == AllMatches(old_re, text));
  }
}

const std::vector<std::string> kTricky = {
    "secretary", "Secretary of State", "secretary of state", "Secretary-General", "state", "State Department",
    "U.S.", "U.S", "US", "U.S. Army", "vice president", "vice-president", "Vice", "president", "President",
    "prime minister", "prime", "Prime Minister of", "minister", "ex-", "Ex-", "ex", "Burkinabè", "Burkinabe",
    "Kelvin", "kelvin", "k", "K", "ſecretary", "s", "a  b", "a b", "a", "ab", "abc d", "abc", " lead", "trail ",
    "c++", "c.", "(x)", "x", "general", "General Counsel", "gen.", "Gen.", "Lt. Gen.", "Lt.", "lt"};

}  // namespace

TEST_CASE("LiteralAlternation puts a word that others start with after them", "[literal_alternation]") {
  const std::string alternation = LiteralAlternation({"secretary", "president", "Secretary of State", "vice president"});
  const size_t longer = alternation.find("Secretary\\s+of\\s+State");
  const size_t shorter = alternation.find("\\bsecretary\\b");
  REQUIRE(longer != std::string::npos);
  REQUIRE(shorter != std::string::npos);
  CHECK(longer < shorter);
  // Alphabetical otherwise, so that RE2 shares prefixes.
  CHECK(alternation.find("president") < alternation.find("Secretary"));
  CHECK(LiteralAlternation({}) == "[^\\x00-\\x{10FFFF}]");
}

TEST_CASE("LiteralAlternation matches exactly as longest first did, on tricky words", "[literal_alternation]") {
  const std::vector<std::string> texts = Texts(kTricky, kTricky);
  for (const char* flags : {"(?i:", "(?:"}) {
    INFO(flags);
    RequireSameMatches(std::string(flags) + "(" + LongestFirst(kTricky) + "))(\\s+\\w+)?",
                       std::string(flags) + "(" + LiteralAlternation(kTricky) + "))(\\s+\\w+)?", texts);
    // Repeated, as titles' modifiers are: the split between the words must not move either.
    RequireSameMatches(std::string(flags) + "((?:(?:" + LongestFirst(kTricky) + ")\\s+){0,3})(" + LongestFirst(kTricky) + "))",
                       std::string(flags) + "((?:(?:" + LiteralAlternation(kTricky) + ")\\s+){0,3})(" +
                           LiteralAlternation(kTricky) + "))",
                       texts);
  }
}

TEST_CASE("LiteralAlternation matches the knowledge base's titles as longest first did, with a smaller program",
          "[literal_alternation]") {
  const auto& knowledge = crosscheck::testing::DefaultEngine().impl().resolver->knowledge();
  std::vector<std::string> offices = knowledge.offices();
  offices.insert(offices.end(), knowledge.honorifics().begin(), knowledge.honorifics().end());
  std::vector<std::string> modifiers = knowledge.modifiers();
  modifiers.insert(modifiers.end(), knowledge.former().begin(), knowledge.former().end());
  modifiers.insert(modifiers.end(), knowledge.office_modifiers().begin(), knowledge.office_modifiers().end());
  for (size_t i = 0; i < knowledge.places().size(); ++i) {
    const auto& demonyms = knowledge.places().place(static_cast<int>(i)).demonyms;
    modifiers.insert(modifiers.end(), demonyms.begin(), demonyms.end());
  }
  auto title = [](const std::string& mods, const std::string& offs) {
    return "(?i:((?:(?:" + mods + ")\\s+){0,3})(" + offs + "))";
  };
  const std::string old_regex = title(LongestFirst(modifiers), LongestFirst(offices));
  const std::string new_regex = title(LiteralAlternation(modifiers), LiteralAlternation(offices));
  RequireSameMatches(old_regex, new_regex, Texts(offices, modifiers));
  RequireSameMatches(old_regex, new_regex, Texts(modifiers, offices));
  RE2::Options options;
  options.set_max_mem(64 << 20);
  CHECK(RE2(new_regex, options).ProgramSize() < RE2(old_regex, options).ProgramSize());
}
