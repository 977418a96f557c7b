// Tests for extract/pattern_compiler: the pattern language, and errors that
// point at the exact file:line:column inside a pattern.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "call_templates.h"
#include "extract/entity_resolver.h"
#include "extract/mention_tagger.h"
#include "extract/pattern_compiler.h"
#include "extract/slot_types.h"
#include "knowledge/knowledge_base.h"

namespace {

using crosscheck::test::Marked;

using crosscheck::Result;
using crosscheck::extract::ClaimTemplate;
using crosscheck::extract::CompiledPattern;
using crosscheck::extract::CompilePattern;
using crosscheck::extract::EntityResolver;
using crosscheck::extract::kMarkBegin;
using crosscheck::extract::kMarkEnd;
using crosscheck::extract::kMaxPatternChars;
using crosscheck::extract::kPersonMark;
using crosscheck::extract::kPlaceMark;
using crosscheck::extract::PatternSpec;
using crosscheck::extract::QuantitySlotType;
using crosscheck::extract::QuantitySpec;
using crosscheck::extract::RoleSpec;
using crosscheck::extract::TypeRegistry;
using crosscheck::knowledge::KnowledgeBase;

constexpr uint32_t kLine = 14;
constexpr uint32_t kColumn = 13;

struct Fixture : crosscheck::test::CallTemplates {

  Result<CompiledPattern> Compile(const std::string& text, const ClaimTemplate& t, uint32_t line = kLine,
                                  uint32_t column = kColumn) const {
    PatternSpec spec;
    spec.text = text;
    spec.pos = {"templates/call.toml", line, column};
    return CompilePattern(spec, t, types);
  }
  Result<CompiledPattern> Compile(const std::string& text) const { return Compile(text, tmpl); }
};

// The first capturing group of `re` in `text`, or "<no match>".
std::string Capture(const CompiledPattern& p, const std::string& text, int group = 1) {
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(p.re->NumberOfCapturingGroups()) + 1);
  if (!p.re->Match(text, 0, text.size(), RE2::UNANCHORED, pieces.data(), static_cast<int>(pieces.size()))) {
    return "<no match>";
  }
  return std::string(pieces[static_cast<size_t>(group)].data(), pieces[static_cast<size_t>(group)].size());
}

}  // namespace

TEST_CASE("CompilePattern errors point inside the pattern as file:line:column", "[extract]") {
  const Fixture f;
  struct Case {
    std::string pattern;
    std::string at;  // the error's column is where this first occurs in the pattern
    std::string message;
  };
  const std::vector<Case> cases = {
      {"call lasted {value:duraton}", "duraton}", "unknown slot type 'duraton'; did you mean 'duration'?"},
      {"call with {participants:persn} lasted {value}", "persn}", "unknown slot type 'persn'; did you mean 'person'?"},
      {"call lasted {value:qqqqqqqqqq}", "qqqqqqqqqq}",
       "unknown slot type 'qqqqqqqqqq'; expected one of: actor, date, duration, organisation, person, place, quote"},
      {"call with {particpants} lasted {value}", "particpants}",
       "unknown role 'particpants'; did you mean 'participants'?"},
      {"call with {zzz:person} lasted {value}", "zzz:", "unknown role 'zzz'; declare it under [roles] or use {value}"},
      {"call with {participants:duration} lasted {value}", "participants:duration",
       "role 'participants' has type 'duration', which names no entity"},
      {"call with {:person} lasted {value}", ":person", "slot without a role name"},
      {"call with {par-ticipants:person} lasted {value}", "par-ticipants", "may only use letters, digits and '_'"},
      {"call (lasted|ran {value}", "(lasted", "unclosed '('; expected ')'"},
      {"call [for] lasted [about {value}", "[about", "unclosed '['; expected ']'"},
      {"call lasted {value", "{value", "unclosed '{'; expected '}' to end the slot"},
      {"call (lasted] {value}", "] {value}", "expected ')' to close the bracket opened at column 18, found ']'"},
      {"call lasted) {value}", ") {value}", "unexpected ')' outside brackets"},
      {"call | lasted {value}", "| lasted", "unexpected '|' outside brackets"},
      {"call } lasted {value}", "} lasted", "unexpected '}' without an opening '{'"},
      {"call * lasted {value}", "* lasted", "'*' must follow a word"},
      {"call lasted {value} @", "@", "unexpected character '@'"},
      {"call (|lasted) {value}", "|lasted", "empty alternative"},
      {"... call lasted {value}", "... call", "a pattern or alternative cannot start with a gap '...'"},
      {"call (... lasted|ran) {value}", "... lasted", "a pattern or alternative cannot start with a gap '...'"},
      {"call lasted {value} ...", "...", "a pattern or alternative cannot end with a gap '...'"},
      {"call ... ... lasted {value}", "... lasted", "two gaps in a row"},
      {"(((((((((call))))))))) lasted {value}", "(call", "brackets nested more than 8 deep"},
      {"{participants:person} {value}", "{participants", "pattern has no literal word"},
      {"call lasted long", "call", "pattern has no {value} slot, but the template's value type is 'duration'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    const auto result = f.Compile(c.pattern);
    REQUIRE_FALSE(result.ok());
    const size_t at = c.pattern.find(c.at);
    REQUIRE(at != std::string::npos);
    const std::string where =
        "templates/call.toml:" + std::to_string(kLine) + ":" + std::to_string(kColumn + at) + ": ";
    const std::string& message = result.status().message();
    CAPTURE(message);
    CHECK(message.rfind(where, 0) == 0);
    CHECK(message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("CompilePattern errors count lines inside a multi-line pattern", "[extract]") {
  const Fixture f;
  const auto result = f.Compile("call\n  lasted {value:duraton}", f.tmpl, 20, 1);
  REQUIRE_FALSE(result.ok());
  // Line 21, after "  lasted {value:": column 17.
  CHECK(result.status().message().rfind("templates/call.toml:21:17: unknown slot type 'duraton'", 0) == 0);
}

TEST_CASE("CompilePattern limits a pattern's length", "[extract]") {
  const Fixture f;
  std::string text = "call lasted {value}";
  text += std::string(kMaxPatternChars - text.size() + 1, ' ');
  const auto result = f.Compile(text);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().message() == "templates/call.toml:14:13: pattern is 1001 characters long; the limit is 1000");
  text.pop_back();
  CHECK(f.Compile(text).ok());
}

TEST_CASE("CompilePattern for event templates", "[extract]") {
  const Fixture f;
  SECTION("a {value} slot is an error, at the slot") {
    const std::string pattern = "{released:person} was released for {value}";
    const auto result = f.Compile(pattern, f.event);
    REQUIRE_FALSE(result.ok());
    const std::string where = "templates/call.toml:14:" + std::to_string(kColumn + pattern.find("{value}")) + ": ";
    CHECK(result.status().message().rfind(where, 0) == 0);
    CHECK(result.status().message().find("events have no value slot") != std::string::npos);
  }
  SECTION("without a value slot the pattern compiles") {
    const auto result = f.Compile("{released:person} was (released|freed)", f.event);
    REQUIRE(result.ok());
    REQUIRE(result->slots.size() == 1);
    CHECK(result->slots[0].role == "released");
    CHECK_FALSE(result->slots[0].is_value);
    CHECK(Capture(*result, Marked(kPersonMark, "Marc Fogel") + " was freed on Tuesday.") ==
          Marked(kPersonMark, "Marc Fogel"));
    CHECK(Capture(*result, "Marc Fogel was freed on Tuesday.") == "<no match>");
  }
}

TEST_CASE("CompilePattern builds one regex with a group per slot", "[extract]") {
  const Fixture f;
  const auto result = f.Compile("(call|conversation) lasted [for] {value}");
  REQUIRE(result.ok());
  const CompiledPattern& p = *result;
  CHECK(p.source == "(call|conversation) lasted [for] {value}");
  CHECK_FALSE(p.regex.empty());
  REQUIRE(p.re != nullptr);
  CHECK(p.re->ok());
  REQUIRE(p.slots.size() == 1);
  CHECK(p.re->NumberOfCapturingGroups() == 1);
  CHECK(p.slots[0].is_value);
  CHECK(p.slots[0].role == "value");
  REQUIRE(p.slots[0].type != nullptr);
  CHECK(p.slots[0].type->name() == "duration");
  CHECK(p.words == std::vector<std::string>{"call", "conversation", "lasted", "for"});

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"The call lasted for 90 minutes.", "90 minutes"},
      {"The CALL Lasted two hours.", "two hours"},
      {"Their conversation   lasted\nan hour.", "an hour"},
      {"The recall lasted 5 minutes.", "<no match>"},     // words match whole
      {"The call lasts 5 minutes.", "<no match>"},
      {"The call lasted for ages.", "<no match>"},
  };
  for (const auto& [text, value] : cases) {
    CAPTURE(text);
    CHECK(Capture(p, text) == value);
  }
}

TEST_CASE("CompilePattern: word prefixes, gaps, clause starts, punctuation and roles", "[extract]") {
  const Fixture f;
  struct Case {
    std::string pattern;
    std::string text;
    std::string capture;  // group 1, or "<no match>"
  };
  const std::string putin = Marked(kPersonMark, "Putin");
  const std::string trump = Marked(kPersonMark, "Trump");
  const std::string russia = Marked(kPlaceMark, "Russia");
  const std::vector<Case> cases = {
      // meet* matches a word by its start.
      {"talk* lasted {value}", "Talks lasted 2 hours.", "2 hours"},
      {"talk* lasted {value}", "The talking lasted 5 minutes.", "5 minutes"},
      {"talk* lasted {value}", "The stalks lasted 5 minutes.", "<no match>"},
      // A gap skips up to max_gap (3) words.
      {"call ... lasted {value}", "The call with the leaders lasted 90 minutes.", "90 minutes"},
      {"call ... lasted {value}", "The call lasted 90 minutes.", "90 minutes"},
      {"call ... lasted {value}", "The call with the two leaders lasted 90 minutes.", "<no match>"},
      // Punctuation glued to the word before the gap, or closing it, is no obstacle.
      {"call ... lasted {value}", "The call, officials said, lasted 90 minutes.", "90 minutes"},
      {"call ... lasted {value}", "The call, lasted 90 minutes.", "90 minutes"},
      {"{participants} ... spoke for {value}", putin + ", officials said, spoke for 90 minutes.", putin},
      // ^ is the start of a clause.
      {"^ call lasted {value}", "Call lasted 5 minutes.", "5 minutes"},
      {"^ call lasted {value}", "He said that call lasted 5 minutes.", "5 minutes"},
      {"^ call lasted {value}", "Officials said, call lasted 5 minutes.", "5 minutes"},
      {"^ call lasted {value}", "The call lasted 5 minutes.", "<no match>"},
      // Punctuation is literal.
      {"lasted {value} , officials said", "The call lasted 90 minutes, officials said.", "90 minutes"},
      {"lasted {value} , officials said", "The call lasted 90 minutes officials said.", "<no match>"},
      // Entity slots match marked mentions, as a list.
      {"{participants} spoke for {value}", putin + " and " + trump + " spoke for 90 minutes.", putin + " and " + trump},
      {"{participants} spoke for {value}", "Putin and Trump spoke for 90 minutes.", "<no match>"},
      {"{participants:person} spoke for {value}", putin + ", " + trump + ", and " + putin + " spoke for an hour.",
       putin + ", " + trump + ", and " + putin},
      // 's attaches to the element before it.
      {"{by:actor} 's call lasted {value}", russia + "'s call lasted 5 minutes.", russia},
      {"{by:actor} 's call lasted {value}", russia + " 's call lasted 5 minutes.", "<no match>"},
      // An optional slot may be absent.
      {"call [with {participants}] lasted {value}", "The call lasted 5 minutes.", "<absent>"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern, c.text);
    const auto result = f.Compile(c.pattern);
    INFO((result.ok() ? std::string() : result.status().message()));
    REQUIRE(result.ok());
    if (c.capture == "<absent>") {
      std::vector<re2::StringPiece> pieces(3);
      REQUIRE(result->re->Match(c.text, 0, c.text.size(), RE2::UNANCHORED, pieces.data(), 3));
      CHECK(pieces[1].data() == nullptr);
      CHECK(std::string(pieces[2].data(), pieces[2].size()) == "5 minutes");
    } else {
      CHECK(Capture(*result, c.text) == c.capture);
    }
  }
}

TEST_CASE("CompilePattern types a role slot by its role, and a slot may name its type", "[extract]") {
  const Fixture f;
  const auto result = f.Compile("{participants} spoke ... {by:organisation} for {value:duration}");
  REQUIRE(result.ok());
  REQUIRE(result->slots.size() == 3);
  CHECK(result->slots[0].role == "participants");
  CHECK(result->slots[0].type->name() == "person");
  CHECK_FALSE(result->slots[0].is_value);
  CHECK(result->slots[1].role == "by");
  CHECK(result->slots[1].type->name() == "organisation");
  CHECK(result->slots[2].is_value);
  CHECK(result->slots[2].type->name() == "duration");
  CHECK(result->re->NumberOfCapturingGroups() == 3);
}
