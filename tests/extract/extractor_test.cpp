// Tests for extract/extractor: claims with evidence, modality, attribution and roles.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/template_set.h"
#include "pipeline/engine_impl.h"
#include "test_support.h"

namespace {

using crosscheck::Claim;
using crosscheck::Document;
using crosscheck::DocumentSource;
using crosscheck::Modality;
using crosscheck::RoleFiller;
using crosscheck::ValueKind;
using crosscheck::extract::Extraction;
using crosscheck::extract::ExtractOptions;
using crosscheck::extract::Extractor;
using crosscheck::extract::TemplateSet;
using crosscheck::testing::DefaultEngine;

constexpr const char* kTypes = R"toml([types.duration]
kind = "quantity"
unit = "min"

[[types.duration.units]]
name = "minute"
factor = 1
aliases = ["minutes", "min"]

[[types.duration.units]]
name = "hour"
factor = 60
aliases = ["hours"]

[[types.duration.units]]
name = "second"
factor = 0.016666666666666666
aliases = ["seconds"]
article = false
)toml";

constexpr const char* kCall = R"toml(id = "call_duration"
description = "How long a call lasted."
subject = "call"
value = "duration"
priority = 10
max_gap = 4
patterns = [
  "call [(with|between) {participants:person}] ... lasted {value}",
  "lasted {value}",
]

[roles.participants]
type = "person"
min = 2
context = true

[modality]
hedged = ["probably", "expects"]
negated = ["did not", "denied", "not"]
)toml";

// A lower-priority template claiming the same words.
constexpr const char* kMeeting = R"toml(id = "meeting_duration"
description = "How long a meeting lasted."
subject = "meeting"
value = "duration"
priority = 1
patterns = ["lasted {value}"]
)toml";

constexpr const char* kRelease = R"toml(id = "release"
description = "Someone was released."
subject = "release"
value = "event"
patterns = ["{released:person} was (released|freed)"]
exclude = ["hospital"]

[roles.released]
type = "person"
min = 1
)toml";

constexpr const char* kMet = R"toml(id = "meeting_date"
description = "When people met."
subject = "meeting"
value = "date"
patterns = ["met on {value}"]
)toml";

// Templates compiled once over the default knowledge.
const TemplateSet& Templates() {
  static const std::unique_ptr<TemplateSet> set = [] {
    auto loaded = TemplateSet::FromTexts({{"t/types.toml", kTypes},
                                          {"t/call.toml", kCall},
                                          {"t/meeting.toml", kMeeting},
                                          {"t/release.toml", kRelease},
                                          {"t/met.toml", kMet}},
                                         *DefaultEngine().impl().resolver, nullptr);
    if (!loaded.ok()) throw std::runtime_error("test templates failed to compile: " + loaded.status().message());
    return std::move(loaded).value();
  }();
  return *set;
}

const Extractor& TheExtractor() {
  static const Extractor extractor(Templates());
  return extractor;
}

Document Prepare(const std::string& text, const std::string& published = "", bool html = false) {
  return DefaultEngine().Prepare(text, DocumentSource{"doc.txt", "outlet", "", published}, html);
}

Extraction Extract(const Document& doc, const std::string& only = "call_duration", bool near_misses = false) {
  ExtractOptions options;
  options.only_template = only;
  options.near_misses = near_misses;
  return TheExtractor().Extract(doc, options);
}

std::string Slice(const std::string& text, crosscheck::ByteRange range) {
  REQUIRE(range.begin <= range.end);
  REQUIRE(range.end <= text.size());
  return text.substr(range.begin, range.size());
}

std::string Describe(const Claim& c) {
  std::string s = c.template_id + " '" + c.value.display + "' " + std::string(crosscheck::ModalityName(c.modality)) +
                  " [" + c.modality_cue + "] by '" + c.attribution + "' roles:";
  for (const RoleFiller& f : c.roles) {
    s += " " + f.role + "=" + f.entity + "/" + f.via + "@" + std::to_string(f.sentence);
  }
  return s;
}

std::string DescribeAll(const Extraction& e) {
  std::string s;
  for (const Claim& c : e.claims) s += Describe(c) + "\n";
  for (const auto& m : e.near_misses) s += "near miss " + m.template_id + ": " + m.reason + "\n";
  return s;
}

// "role=entity/via@sentence" for each filler, in order.
std::vector<std::string> Roles(const Claim& c) {
  std::vector<std::string> out;
  for (const RoleFiller& f : c.roles) out.push_back(f.role + "=" + f.entity + "/" + f.via + "@" + std::to_string(f.sentence));
  return out;
}

}  // namespace

TEST_CASE("Extractor claims carry their evidence as offsets into the original text", "[extract]") {
  const std::string raw =
      "Officials spoke on Tuesday. The call between Donald Trump and Vladimir Putin lasted roughly 90 minutes, "
      "officials said.";
  const Document doc = Prepare(raw);
  const Extraction e = Extract(doc);
  INFO(DescribeAll(e));
  REQUIRE(e.claims.size() == 1);
  const Claim& c = e.claims[0];
  CHECK(c.template_id == "call_duration");
  CHECK(c.subject_kind == "call");
  CHECK(c.pattern == 0);
  CHECK(c.sentence == 1);
  CHECK(c.value.kind == ValueKind::kQuantity);
  CHECK(c.value.type == "duration");
  CHECK(c.value.unit == "min");
  CHECK(c.value.display == "81-99 min");
  CHECK(c.value.text == "roughly 90 minutes");
  CHECK(c.value.interval.lo == Approx(81));
  CHECK(c.value.interval.hi == Approx(99));
  CHECK_FALSE(c.value.interval.lo_open);
  CHECK_FALSE(c.value.interval.hi_open);
  CHECK(Slice(doc.raw, c.value_raw) == "roughly 90 minutes");
  CHECK(c.evidence == "The call between Donald Trump and Vladimir Putin lasted roughly 90 minutes, officials said.");
  CHECK(Slice(c.evidence, c.value_in_evidence) == "roughly 90 minutes");
  CHECK(Slice(doc.raw, c.sentence_raw) == c.evidence);
  CHECK(Slice(doc.raw, c.match_raw) == "call between Donald Trump and Vladimir Putin lasted roughly 90 minutes");
  CHECK(Roles(c) == std::vector<std::string>{"participants=Donald Trump/slot@1", "participants=Vladimir Putin/slot@1"});
  CHECK(c.roles[0].entity_kind == "person");
  CHECK(c.roles[0].mention == "Donald Trump");
  CHECK(c.modality == Modality::kAsserted);
  CHECK(c.modality_cue.empty());
  CHECK(c.attribution == "officials");
}

TEST_CASE("Extractor evidence offsets survive normalisation", "[extract]") {
  SECTION("collapsed spaces and curly quotes") {
    const std::string raw =
        "\xe2\x80\x9cIt went well,\xe2\x80\x9d  he said.   The call with  Donald Trump and Vladimir Putin lasted  "
        "roughly   90 minutes.";
    const Document doc = Prepare(raw);
    const Extraction e = Extract(doc);
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    const Claim& c = e.claims[0];
    CHECK(Slice(doc.raw, c.value_raw) == "roughly   90 minutes");
    CHECK(Slice(c.evidence, c.value_in_evidence) == "roughly 90 minutes");
    CHECK(c.value.display == "81-99 min");
    CHECK(Slice(doc.raw, c.sentence_raw) == "The call with  Donald Trump and Vladimir Putin lasted  roughly   90 minutes.");
  }
  SECTION("HTML markup and entities") {
    const std::string raw =
        "<html><body><p>The call between <b>Donald Trump</b> and Vladimir Putin lasted about&nbsp;90 "
        "minutes.</p></body></html>";
    const Document doc = Prepare(raw, "", true);
    const Extraction e = Extract(doc);
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    const Claim& c = e.claims[0];
    CHECK(c.evidence == "The call between Donald Trump and Vladimir Putin lasted about 90 minutes.");
    CHECK(Slice(c.evidence, c.value_in_evidence) == "about 90 minutes");
    CHECK(Slice(doc.raw, c.value_raw) == "about&nbsp;90 minutes");
  }
}

TEST_CASE("Extractor marks hedged and negated claims with their cue", "[extract]") {
  struct Case {
    const char* text;
    Modality modality;
    const char* cue;
  };
  const std::vector<Case> cases = {
      {"The call between Trump and Putin lasted two hours.", Modality::kAsserted, ""},
      {"The call between Trump and Putin probably lasted two hours.", Modality::kHedged, "probably"},
      {"Trump expects that the call with Putin lasted two hours.", Modality::kHedged, "expects"},
      {"Officials denied that the call between Trump and Putin lasted two hours.", Modality::kNegated, "denied"},
      {"The call between Trump and Putin had not lasted two hours.", Modality::kNegated, "not"},
      {"Trump probably denied that the call with Putin lasted two hours.", Modality::kNegated, "denied"},
      {"Trump DID NOT say the call with Putin lasted two hours.", Modality::kNegated, "DID NOT"},
      // A cue more than 12 words before the match is out of scope.
      {"Trump denied it, and then after a long pause and many other words about other matters entirely, "
       "the call with Putin lasted two hours.",
       Modality::kAsserted, ""},
      // Cues are whole words: "Nothing" contains no "not".
      {"Nothing suggests the call between Trump and Putin lasted two hours.", Modality::kAsserted, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Extraction e = Extract(Prepare(c.text));
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].modality == c.modality);
    CHECK(e.claims[0].modality_cue == c.cue);
  }
}

TEST_CASE("Extractor records who the article says made the statement", "[extract]") {
  struct Case {
    const char* text;
    const char* attribution;
  };
  const std::vector<Case> cases = {
      {"The Kremlin confirmed that the call between Trump and Putin lasted two hours.", "Kremlin"},
      {"The call between Trump and Putin lasted two hours, according to the Kremlin.", "Kremlin"},
      {"The call between Trump and Putin lasted two hours, Peskov said.", "Dmitry Peskov"},
      {"The call between Trump and Putin lasted two hours.", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Extraction e = Extract(Prepare(c.text));
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].attribution == c.attribution);
  }
}

TEST_CASE("Extractor fills roles from the slot, the sentence and the sentences before", "[extract]") {
  SECTION("from the slot") {
    const Extraction e = Extract(Prepare("The call between Trump and Putin lasted two hours."));
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(Roles(e.claims[0]) ==
          std::vector<std::string>{"participants=Donald Trump/slot@0", "participants=Vladimir Putin/slot@0"});
  }
  SECTION("from elsewhere in the sentence") {
    const Extraction e = Extract(Prepare("Trump said the call with Putin lasted two hours."));
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(Roles(e.claims[0]) ==
          std::vector<std::string>{"participants=Vladimir Putin/slot@0", "participants=Donald Trump/sentence@0"});
    CHECK(e.claims[0].roles[1].mention == "Trump");
  }
  SECTION("from the sentence before") {
    const Extraction e =
        Extract(Prepare("Donald Trump spoke with Vladimir Putin on Tuesday. The call lasted nearly two hours."));
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    const Claim& c = e.claims[0];
    CHECK(c.sentence == 1);
    CHECK(c.value.display == "[102, 120) min");
    CHECK(Roles(c) ==
          std::vector<std::string>{"participants=Donald Trump/context@0", "participants=Vladimir Putin/context@0"});
  }
  SECTION("from further back only when the people recur in the document") {
    const Extraction e = Extract(Prepare(
        "Donald Trump called Vladimir Putin. Trump and Putin talked at length. The weather was fine. "
        "The call lasted two hours."));
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].sentence == 3);
    CHECK(Roles(e.claims[0]) ==
          std::vector<std::string>{"participants=Donald Trump/context@1", "participants=Vladimir Putin/context@1"});
  }
  SECTION("people named once, two sentences back, are not used") {
    const Extraction e =
        Extract(Prepare("Donald Trump met Joe Biden. The weather was fine. The call lasted two hours."), "call_duration",
                true);
    INFO(DescribeAll(e));
    CHECK(e.claims.empty());
    REQUIRE_FALSE(e.near_misses.empty());
    CHECK(e.near_misses[0].sentence == 2);
    CHECK(e.near_misses[0].template_id == "call_duration");
    CHECK(e.near_misses[0].reason ==
          "role 'participants' needs 2 persons, found 0 (in this sentence and the 3 before it)");
  }
  SECTION("no further back than three sentences") {
    const Extraction e = Extract(Prepare(
        "Donald Trump called Vladimir Putin. Trump and Putin talked. It rained. It snowed. It cleared. "
        "The call lasted two hours."));
    INFO(DescribeAll(e));
    CHECK(e.claims.empty());
  }
  SECTION("too few participants in the sentence alone") {
    const Extraction e = Extract(Prepare("The call with Trump lasted two hours."), "call_duration", true);
    INFO(DescribeAll(e));
    CHECK(e.claims.empty());
    REQUIRE_FALSE(e.near_misses.empty());
    CHECK(e.near_misses[0].reason.rfind("role 'participants' needs 2 persons, found 1", 0) == 0);
  }
}

TEST_CASE("Extractor fills a role from a bare surname of someone named earlier", "[extract]") {
  const Extraction e = Extract(
      Prepare("Anna Lindqvist called Erik Sandberg on Monday. Lindqvist said the call with Sandberg lasted two hours."));
  INFO(DescribeAll(e));
  REQUIRE(e.claims.size() == 1);
  const Claim& c = e.claims[0];
  CHECK(c.sentence == 1);
  CHECK(Roles(c) ==
        std::vector<std::string>{"participants=Erik Sandberg/slot@1", "participants=Anna Lindqvist/sentence@1"});
  CHECK(c.roles[0].mention == "Sandberg");
  CHECK(c.attribution == "Anna Lindqvist");
}

TEST_CASE("Extractor dates the event by the first single day its sentence names", "[extract]") {
  struct Case {
    const char* text;
    const char* published;
    const char* time;
  };
  const std::vector<Case> cases = {
      // 2025-02-13 is a Thursday: the nearest Tuesday is two days before.
      {"The call between Trump and Putin lasted two hours on Tuesday.", "2025-02-13", "2025-02-11"},
      {"On February 12, 2025, the call between Trump and Putin lasted two hours.", "", "2025-02-12"},
      {"Yesterday the call between Trump and Putin lasted two hours.", "2025-02-13", "2025-02-12"},
      // Not anchored, or not a single day: no time.
      {"The call between Trump and Putin lasted two hours on Tuesday.", "", ""},
      {"In February 2025 the call between Trump and Putin lasted two hours.", "2025-02-13", ""},
      {"The call between Trump and Putin lasted two hours.", "2025-02-13", ""},
      // The month-long span is skipped; the day after it is used.
      {"In February 2025 the call between Trump and Putin lasted two hours on Feb. 12.", "2025-03-01", "2025-02-12"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text, c.published);
    const Extraction e = Extract(Prepare(c.text, c.published));
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].time == c.time);
  }
}

TEST_CASE("Extractor keeps one claim per value: the same template once, the higher priority across templates",
          "[extract]") {
  const Document doc = Prepare("The call between Trump and Putin lasted two hours.");
  SECTION("two patterns of one template matching the same value give one claim") {
    const Extraction e = Extract(doc);
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].pattern == 0);
  }
  SECTION("across templates the higher priority wins") {
    const Extraction e = Extract(doc, "");
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].template_id == "call_duration");
  }
  SECTION("alone, the lower-priority template claims the words") {
    const Extraction e = Extract(doc, "meeting_duration");
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].template_id == "meeting_duration");
    CHECK(e.claims[0].subject_kind == "meeting");
    CHECK(e.claims[0].roles.empty());
  }
  SECTION("separate values give separate claims") {
    // Three sentences apart, so that the call's participants (named once) are not the meeting's.
    const Extraction e = Extract(
        Prepare("The call between Trump and Putin lasted two hours. It rained. It snowed. The meeting lasted ten "
                "minutes."),
        "");
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 2);
    CHECK(e.claims[0].template_id == "call_duration");
    CHECK(e.claims[0].sentence == 0);
    CHECK(e.claims[1].template_id == "meeting_duration");
    CHECK(e.claims[1].sentence == 3);
    CHECK(e.claims[1].value.display == "10 min");
  }
}

TEST_CASE("Extractor event claims and exclusion cues", "[extract]") {
  SECTION("an event has no value slot") {
    const std::string raw = "Marc Fogel was released on Tuesday.";
    const Document doc = Prepare(raw);
    const Extraction e = Extract(doc, "release");
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    const Claim& c = e.claims[0];
    CHECK(c.value.kind == ValueKind::kEvent);
    CHECK(c.value.type == "event");
    CHECK(c.value.id == "happened");
    CHECK(c.value.display == "happened");
    CHECK(c.value.text == "Marc Fogel was released");
    CHECK(c.value_raw.empty());
    CHECK(Slice(raw, c.match_raw) == "Marc Fogel was released");
    CHECK(Roles(c) == std::vector<std::string>{"released=Marc Fogel/slot@0"});
  }
  SECTION("an exclusion cue near the match drops it") {
    const Extraction e = Extract(Prepare("Marc Fogel was released from the hospital on Tuesday."), "release", true);
    INFO(DescribeAll(e));
    CHECK(e.claims.empty());
    REQUIRE(e.near_misses.size() == 1);
    CHECK(e.near_misses[0].reason == "excluded by the cue 'hospital' near the match");
  }
  SECTION("an exclusion cue far after the match does not") {
    const Extraction e =
        Extract(Prepare("Marc Fogel was released on Tuesday and flew home to see his family before visiting a hospital."),
                "release");
    INFO(DescribeAll(e));
    CHECK(e.claims.size() == 1);
  }
}

TEST_CASE("Extractor resolves dates against the publication date", "[extract]") {
  SECTION("anchored") {
    const Extraction e = Extract(Prepare("They met on Wednesday.", "2025-02-13"), "meeting_date");
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].value.kind == ValueKind::kDate);
    CHECK(e.claims[0].value.display == "Wednesday (2025-02-12)");
    CHECK(e.claims[0].value.id == "Wednesday (2025-02-12)");
    CHECK(e.claims[0].value.interval == crosscheck::Interval::Point(20131));
  }
  SECTION("unanchored") {
    const Extraction e = Extract(Prepare("They met on Wednesday."), "meeting_date");
    INFO(DescribeAll(e));
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].value.display == "Wednesday (unresolved)");
    CHECK(e.claims[0].value.id == "Wednesday");  // what an unresolved date can still be compared by
  }
}

TEST_CASE("Extractor near misses explain a slot that does not parse", "[extract]") {
  const Extraction e = Extract(Prepare("The call between Trump and Putin lasted a second time."), "call_duration", true);
  INFO(DescribeAll(e));
  CHECK(e.claims.empty());
  REQUIRE_FALSE(e.near_misses.empty());
  CHECK(e.near_misses[0].reason.rfind("slot {value:duration}: ", 0) == 0);
  CHECK(e.near_misses[0].reason.find("ordinal") != std::string::npos);
  // Without the option no near misses are collected.
  CHECK(Extract(Prepare("The call between Trump and Putin lasted a second time.")).near_misses.empty());
}

TEST_CASE("Extractor is deterministic", "[extract]") {
  const Document doc = Prepare(
      "Donald Trump spoke with Vladimir Putin. The call lasted nearly two hours. Marc Fogel was released. "
      "The meeting lasted ten minutes.");
  const Extraction a = TheExtractor().Extract(doc);
  const Extraction b = TheExtractor().Extract(doc);
  CHECK(DescribeAll(a) == DescribeAll(b));
  CHECK(a.claims.size() == 3);
}

TEST_CASE("The default engine extracts a call with its value, participants and source", "[extract]") {
  const auto& engine = DefaultEngine();
  const std::string raw =
      "The Kremlin confirmed that the call between Donald Trump and Vladimir Putin lasted approximately one and a "
      "half hours.";
  const Document doc = engine.Prepare(raw, DocumentSource{"a.txt", "a", "", "2025-02-13"}, false);
  const auto result = engine.Extract(doc);
  std::vector<const Claim*> calls;
  for (const Claim& c : result.claims) {
    if (c.template_id == "call_duration") calls.push_back(&c);
  }
  REQUIRE(calls.size() == 1);
  const Claim& c = *calls[0];
  CHECK(c.value.display == "81-99 min");
  CHECK(Slice(raw, c.value_raw) == "approximately one and a half hours");
  CHECK(c.attribution == "Kremlin");
  CHECK(c.modality == Modality::kAsserted);
  std::vector<std::string> people;
  for (const RoleFiller& f : c.roles) people.push_back(f.entity);
  CHECK(people == std::vector<std::string>{"Donald Trump", "Vladimir Putin"});

  SECTION("and a meeting place in the gazetteer") {
    const Document meeting = engine.Prepare("Vance will travel to Munich to meet Zelenskyy.",
                                            DocumentSource{"b.txt", "b", "", ""}, false);
    const auto found = engine.Extract(meeting, false, "meeting_location");
    REQUIRE(found.claims.size() == 1);
    CHECK(found.claims[0].value.kind == ValueKind::kPlace);
    CHECK(found.claims[0].value.id == "Munich");
    CHECK(found.claims[0].value.display == "Munich");
  }
}

TEST_CASE("Extractor records where each template built a claim, and a focus matches only those sentences again",
          "[extract][incremental]") {
  // Sentence 0: both duration templates claim "two hours" (the call wins); 1: nothing; 2: Fogel's release.
  const Document doc = Prepare("The call between Trump and Putin lasted two hours. It rained all day. "
                               "Marc Fogel was released on Tuesday.");
  const Extraction full = Extract(doc, "");
  INFO(DescribeAll(full));
  const TemplateSet& set = Templates();
  auto sentences_of = [&](const Extraction& e, const std::string& id) {
    return e.candidate_sentences.at(static_cast<size_t>(set.IndexOf(id)));
  };
  REQUIRE(full.claims.size() == 2);
  CHECK(sentences_of(full, "call_duration") == std::vector<uint32_t>{0});
  // The meeting's claim lost to the call's, but it was built: a change to either template can change sentence 0.
  CHECK(sentences_of(full, "meeting_duration") == std::vector<uint32_t>{0});
  CHECK(sentences_of(full, "release") == std::vector<uint32_t>{2});
  CHECK(sentences_of(full, "meeting_date").empty());
  CHECK(full.matched.empty());

  SECTION("focused on one template: only its sentences are matched, with every template") {
    const auto focus = TheExtractor().Focus({"meeting_duration"});
    ExtractOptions options;
    options.focus = focus.get();
    const Extraction e = TheExtractor().Extract(doc, options);
    INFO(DescribeAll(e));
    CHECK(e.matched == std::vector<uint32_t>{0});
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].template_id == "call_duration");  // as in the full extraction: priority still decides
    CHECK(sentences_of(e, "meeting_duration") == std::vector<uint32_t>{0});
    CHECK(sentences_of(e, "release").empty());
  }
  SECTION("sentences where changed or removed templates built claims before are matched too") {
    const auto focus = TheExtractor().Focus({"meeting_date", "no_such_template"});
    const std::vector<uint32_t> rerun = {2};
    ExtractOptions options;
    options.focus = focus.get();
    options.rerun_sentences = &rerun;
    const Extraction e = TheExtractor().Extract(doc, options);
    INFO(DescribeAll(e));
    CHECK(e.matched == std::vector<uint32_t>{2});
    REQUIRE(e.claims.size() == 1);
    CHECK(e.claims[0].template_id == "release");
  }
}
