// Tests for extract/template_loader: reading templates and value types from TOML.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/slot_types.h"
#include "extract/template_loader.h"
#include "test_support.h"

namespace {

using crosscheck::Modality;
using crosscheck::Status;
using crosscheck::extract::ClaimTemplate;
using crosscheck::extract::ParseTemplateText;
using crosscheck::extract::QuantitySlotType;
using crosscheck::extract::ReadTemplateFile;
using crosscheck::extract::TemplateFile;
using crosscheck::extract::TemplateTopLevelKeys;

constexpr const char* kTemplate = R"(# a test template
id = "call_duration"
description = "How long a call lasted."
subject = "call"
label = "call between {participants}"
value = "duration"
priority = 10
max_gap = 5
exclude = ["hospital", "game"]

patterns = [
  "call lasted {value}",
  """(spoke|talked) for {value}""",
  """
call with {participants} lasted {value}""",
]

[roles.participants]
type = "person"
min = 2
context = true

[roles.host]
type = "place"
identifies = false

[modality]
hedged = ["probably", "expects"]
negated = "did not"

[[example]]
text = "The call lasted two hours."
value = "120 min"
participants = ["Vladimir Putin", "Donald Trump"]
modality = "hedged"
published = "2025-02-13"

[[example]]
text = "He played for 48 minutes."
match = false
)";

TemplateFile Parse(const std::string& text, const std::string& path = "templates/test.toml") {
  auto file = ParseTemplateText(text, path);
  INFO((file.ok() ? std::string() : file.status().message()));
  REQUIRE(file.ok());
  INFO((file->errors.empty() ? std::string() : file->errors.front()));
  REQUIRE(file->errors.empty());
  return std::move(file).value();
}

// The errors of a file, one per line: a TOML syntax error fails the parse;
// other errors are listed in TemplateFile::errors, in line order.
std::string ParseError(const std::string& text, const std::string& path = "templates/bad.toml") {
  auto file = ParseTemplateText(text, path);
  if (!file.ok()) {
    CHECK(file.status().code() == Status::Code::kInvalidInput);
    return file.status().message();
  }
  REQUIRE_FALSE(file->errors.empty());
  std::string joined;
  for (const std::string& e : file->errors) joined += (joined.empty() ? "" : "\n") + e;
  return joined;
}

// A minimal valid template with `extra` appended (top-level keys first).
std::string Minimal(const std::string& top, const std::string& tables = "") {
  return "id = \"t\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"event\"\npatterns = [\"x happened\"]\n" + top +
         "\n" + tables;
}

}  // namespace

TEST_CASE("ParseTemplateText reads every field of a template", "[extract]") {
  const TemplateFile file = Parse(kTemplate);
  CHECK(file.display_path == "templates/test.toml");
  CHECK(file.contents == kTemplate);
  CHECK(file.types.empty());
  REQUIRE(file.tmpl.has_value());
  const ClaimTemplate& t = *file.tmpl;
  CHECK(t.id == "call_duration");
  CHECK(t.description == "How long a call lasted.");
  CHECK(t.subject_kind == "call");
  CHECK(t.label == "call between {participants}");
  CHECK(t.value_type == "duration");
  CHECK(t.priority == 10);
  CHECK(t.max_gap_words == 5);
  CHECK(t.exclude == std::vector<std::string>{"hospital", "game"});
  CHECK(t.hedged == std::vector<std::string>{"probably", "expects"});
  CHECK(t.negated == std::vector<std::string>{"did not"});
  CHECK(t.file == "templates/test.toml");
  CHECK(t.pos.ToString() == "templates/test.toml:2:6");  // the id's value

  SECTION("patterns, with the position of their first character") {
    REQUIRE(t.patterns.size() == 3);
    CHECK(t.patterns[0].text == "call lasted {value}");
    CHECK(t.patterns[0].pos.ToString() == "templates/test.toml:12:4");
    CHECK(t.patterns[1].text == "(spoke|talked) for {value}");
    CHECK(t.patterns[1].pos.ToString() == "templates/test.toml:13:6");
    // A multi-line string starting with a newline begins on the next line.
    CHECK(t.patterns[2].text == "call with {participants} lasted {value}");
    CHECK(t.patterns[2].pos.ToString() == "templates/test.toml:15:1");
  }
  SECTION("roles") {
    REQUIRE(t.roles.size() == 2);
    const auto* participants = t.FindRole("participants");
    REQUIRE(participants != nullptr);
    CHECK(participants->type == "person");
    CHECK(participants->min == 2);
    CHECK(participants->from_context);
    CHECK(participants->identifies);
    CHECK(participants->pos.ToString() == "templates/test.toml:18:8");
    const auto* host = t.FindRole("host");
    REQUIRE(host != nullptr);
    CHECK(host->type == "place");
    CHECK(host->min == 0);
    CHECK_FALSE(host->from_context);
    CHECK_FALSE(host->identifies);
    CHECK(t.FindRole("value") == nullptr);
  }
  SECTION("examples") {
    REQUIRE(t.examples.size() == 2);
    const auto& first = t.examples[0];
    CHECK(first.text == "The call lasted two hours.");
    CHECK(first.should_match);
    CHECK(first.value == "120 min");
    CHECK(first.participants == std::vector<std::string>{"Donald Trump", "Vladimir Putin"});  // sorted
    REQUIRE(first.modality.has_value());
    CHECK(*first.modality == Modality::kHedged);
    CHECK(first.published == "2025-02-13");
    CHECK(first.pos.ToString() == "templates/test.toml:31:1");
    const auto& second = t.examples[1];
    CHECK_FALSE(second.should_match);
    CHECK(second.value.empty());
    CHECK_FALSE(second.modality.has_value());
  }
}

TEST_CASE("ParseTemplateText fills defaults for optional keys", "[extract]") {
  const TemplateFile file = Parse(Minimal(""));
  REQUIRE(file.tmpl.has_value());
  const ClaimTemplate& t = *file.tmpl;
  CHECK(t.label == "s of {participants}");
  CHECK(t.priority == 0);
  CHECK(t.max_gap_words == 8);
  CHECK(t.roles.empty());
  CHECK(t.hedged.empty());
  CHECK(t.negated.empty());
  CHECK(t.exclude.empty());
  CHECK(t.examples.empty());
}

TEST_CASE("ParseTemplateText reads value types", "[extract]") {
  const TemplateFile file = Parse(R"(
[types.distance]
kind = "quantity"
description = "How far."
unit = "km"
approximation = 0.2

[[types.distance.units]]
name = "km"
factor = 1
aliases = ["kilometres", "kilometers"]

[[types.distance.units]]
name = "mile"
factor = 1.609
aliases = ["miles"]
article = false

[types.headcount]
kind = "quantity"
unit = ""
unit_required = false

[[types.headcount.counts]]
word = "dozens"
min = 24
max = 144

[[types.headcount.counts]]
word = "hundreds"
min = 200

[types.severity]
kind = "enum"
values = { low = ["minor", "light"], high = ["severe", "major"] }

[types.airport]
kind = "list"
names = ["Heathrow", "JFK"]
case_sensitive = false
)");
  CHECK_FALSE(file.tmpl.has_value());  // types only: no template
  REQUIRE(file.types.size() == 4);
  REQUIRE(file.type_positions.size() == 4);
  std::vector<std::string> names;
  for (const auto& type : file.types) names.push_back(type->name());
  CHECK(names == std::vector<std::string>{"airport", "distance", "headcount", "severity"});

  const auto* distance = dynamic_cast<const QuantitySlotType*>(file.types[1].get());
  REQUIRE(distance != nullptr);
  const auto& spec = distance->spec();
  CHECK(spec.base_unit == "km");
  CHECK(spec.approximation == Approx(0.2));
  CHECK(spec.unit_required);
  REQUIRE(spec.units.size() == 2);
  CHECK(spec.units[0].name == "km");
  CHECK(spec.units[0].aliases == std::vector<std::string>{"kilometres", "kilometers"});
  CHECK(spec.units[0].article);
  CHECK(spec.units[1].factor == Approx(1.609));
  CHECK_FALSE(spec.units[1].article);
  CHECK(file.type_positions[1].line == 2);

  const auto* headcount = dynamic_cast<const QuantitySlotType*>(file.types[2].get());
  REQUIRE(headcount != nullptr);
  CHECK_FALSE(headcount->spec().unit_required);
  REQUIRE(headcount->spec().count_words.size() == 2);
  CHECK(headcount->spec().count_words[0].word == "dozens");
  CHECK(headcount->spec().count_words[0].interval == crosscheck::Interval{24, 144, false, false});
  // Without a maximum a count word is open-ended.
  CHECK(headcount->spec().count_words[1].interval.lo == 200);
  CHECK(headcount->spec().count_words[1].interval.hi == crosscheck::Interval::kInfinity);
  CHECK(headcount->spec().count_words[1].interval.hi_open);

  SECTION("the declared types parse what they match") {
    crosscheck::extract::SlotContext context;
    crosscheck::extract::SlotValue value;
    std::string why;
    REQUIRE(file.types[1]->Parse("5 miles", context, &value, &why));
    CHECK(value.value->interval.lo == Approx(8.045));
    CHECK(value.value->unit == "km");
    value = {};
    REQUIRE(file.types[3]->Parse("Severe", context, &value, &why));
    CHECK(value.value->id == "high");
    CHECK_FALSE(file.types[3]->Parse("moderate", context, &value, &why));
    value = {};
    REQUIRE(file.types[0]->Parse("jfk", context, &value, &why));
    CHECK(value.value->id == "JFK");
  }
}

TEST_CASE("ParseTemplateText reports errors as file:line:column", "[extract]") {
  struct Case {
    const char* name;
    std::string text;
    const char* where;  // line:column
    const char* message;
  };
  const std::vector<Case> cases = {
      {"unknown top-level key with a suggestion", Minimal("pattern = [\"y\"]"), "6:1",
       "unknown key 'pattern'; did you mean 'patterns'?"},
      {"unknown top-level key without a suggestion", Minimal("completely_unrelated = 1"), "6:1",
       "unknown key 'completely_unrelated'; expected one of: id, description"},
      {"unknown role key", Minimal("", "[roles.who]\ntype = \"person\"\nmn = 1\n"), "9:1",
       "unknown key 'mn'; did you mean 'min'?"},
      {"unknown example key", Minimal("", "[[example]]\ntext = \"x\"\npartcipants = [\"A\"]\n"), "9:1",
       "unknown key 'partcipants'; did you mean 'participants'?"},
      {"unknown modality key", Minimal("", "[modality]\nhedge = [\"may\"]\n"), "8:1",
       "unknown key 'hedge'; did you mean 'hedged'?"},
      {"unknown type key", "[types.d]\nkind = \"quantity\"\nunit = \"min\"\nunits_required = false\n[[types.d.units]]\nname = \"m\"\nfactor = 1\n",
       "4:1", "unknown key 'units_required'; did you mean 'unit_required'?"},
      {"priority of the wrong type", Minimal("priority = \"high\""), "6:12", "'priority' must be an integer, not string"},
      {"description of the wrong type", "id = \"t\"\ndescription = 3\nsubject = \"s\"\nvalue = \"event\"\npatterns = [\"x\"]\n",
       "2:15", "'description' must be a string, not integer"},
      {"patterns not an array", "id = \"t\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"event\"\npatterns = \"x\"\n",
       "5:12", "'patterns' must be an array of strings"},
      {"a pattern that is not a string",
       "id = \"t\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"event\"\npatterns = [\"x\", 3]\n", "5:18",
       "every pattern must be a string"},
      {"empty patterns", "id = \"t\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"event\"\npatterns = []\n", "5:12",
       "'patterns' is empty"},
      {"missing patterns", "id = \"t\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"event\"\n", "1:1",
       "missing required key 'patterns'"},
      {"missing description", "id = \"t\"\nsubject = \"s\"\nvalue = \"event\"\npatterns = [\"x\"]\n", "1:1",
       "missing required key 'description'"},
      {"bad id", "id = \"Call-Duration\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"event\"\npatterns = [\"x\"]\n", "1:6",
       "template id 'Call-Duration' must be lower case letters, digits and '_'"},
      {"max_gap out of range", Minimal("max_gap = 50"), "6:11", "'max_gap' must be between 1 and 20 words"},
      {"role that is not a table", Minimal("", "[roles]\nwho = \"person\"\n"), "8:7", "role 'who' must be a table"},
      {"role type of the wrong type", Minimal("", "[roles.who]\ntype = 3\n"), "8:8", "'type' must be a string, not integer"},
      {"role without a type", Minimal("", "[roles.who]\nmin = 1\n"), "7:1", "missing required key 'type'"},
      {"role min out of range", Minimal("", "[roles.who]\ntype = \"person\"\nmin = 11\n"), "9:7",
       "'min' must be between 0 and 10"},
      {"role max out of range", Minimal("", "[roles.who]\ntype = \"person\"\nmax = 0\n"), "9:7",
       "'max' must be between 1 and 10"},
      {"role max below min", Minimal("", "[roles.who]\ntype = \"person\"\nmin = 2\nmax = 1\n"), "10:7",
       "'max' (1) is below 'min' (2)"},
      {"role context not a boolean", Minimal("", "[roles.who]\ntype = \"person\"\ncontext = \"yes\"\n"), "9:11",
       "'context' must be true or false, not string"},
      {"role named value", Minimal("", "[roles.value]\ntype = \"person\"\n"), "7:8", "'value' is reserved for the value slot"},
      {"unknown modality", Minimal("", "[[example]]\ntext = \"x\"\nmodality = \"maybe\"\n"), "9:12",
       "unknown modality 'maybe'; expected asserted, hedged or negated"},
      {"example match not a boolean", Minimal("", "[[example]]\ntext = \"x\"\nmatch = \"no\"\n"), "9:9",
       "'match' must be true or false, not string"},
      {"example without text", Minimal("", "[[example]]\nvalue = \"x\"\n"), "7:1", "missing required key 'text'"},
      {"built-in type redefined", "[types.person]\nkind = \"list\"\nnames = [\"A\"]\n", "1:8",
       "type 'person' is built in and cannot be redefined"},
      {"bad type name", "[types.Dist]\nkind = \"list\"\nnames = [\"A\"]\n", "1:8",
       "type name 'Dist' must be lower case letters, digits and '_'"},
      {"unknown type kind", "[types.d]\nkind = \"range\"\n", "2:8", "unknown type kind 'range'; expected quantity, enum or list"},
      {"quantity without units", "[types.d]\nkind = \"quantity\"\nunit = \"min\"\n", "1:1", "quantity type 'd' has no units"},
      {"quantity without a base unit", "[types.d]\nkind = \"quantity\"\nunit_required = false\n", "1:1",
       "missing required key 'unit'"},
      {"approximation out of range", "[types.d]\nkind = \"quantity\"\nunit = \"\"\nunit_required = false\napproximation = 1.5\n",
       "5:17", "'approximation' must be between 0 and 1"},
      {"unit factor not positive",
       "[types.d]\nkind = \"quantity\"\nunit = \"min\"\n[[types.d.units]]\nname = \"m\"\nfactor = 0\n", "4:1",
       "unit factor must be positive"},
      {"count without min", "[types.d]\nkind = \"quantity\"\nunit = \"\"\nunit_required = false\n[[types.d.counts]]\nword = \"many\"\n",
       "5:1", "missing required key 'min'"},
      {"enum value that is not a list", "[types.e]\nkind = \"enum\"\nvalues = { low = \"minor\" }\n", "3:18",
       "enum value 'low' must list the words that express it"},
      {"enum without values", "[types.e]\nkind = \"enum\"\nvalues = {}\n", "3:10", "enum type 'e' has no values"},
      {"list without names", "[types.l]\nkind = \"list\"\nnames = []\n", "3:9", "list type 'l' has no names"},
      {"type that is not a table", "[types]\nd = 3\n", "2:5", "type 'd' must be a table ([types.d])"},
      {"TOML syntax error", "id = \"t\ndescription = \"d\"\n", "1:", ""},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const std::string message = ParseError(c.text);
      CAPTURE(c.text, message);
      CHECK(message.rfind(std::string("templates/bad.toml:") + c.where, 0) == 0);
      CHECK(message.find(c.message) != std::string::npos);
    }
  }
}

TEST_CASE("ParseTemplateText collects every error of a file", "[extract]") {
  const std::string message = ParseError(
      "id = \"t\"\ndescripton = \"d\"\nsubject = \"s\"\nvalue = \"event\"\npatterns = [\"x\"]\npriority = \"high\"\n"
      "[roles.who]\ntyp = \"person\"\n");
  CAPTURE(message);
  CHECK(message.find("templates/bad.toml:2:1: unknown key 'descripton'; did you mean 'description'?") !=
        std::string::npos);
  CHECK(message.find("templates/bad.toml:6:12: 'priority' must be an integer") != std::string::npos);
  CHECK(message.find("templates/bad.toml:8:1: unknown key 'typ'; did you mean 'type'?") != std::string::npos);
  CHECK(message.find("missing required key 'description'") != std::string::npos);
  CHECK(std::count(message.begin(), message.end(), '\n') >= 3);
}

TEST_CASE("ReadTemplateFile reads a file and names it by its display path", "[extract]") {
  crosscheck::testing::TempDir dir;
  const auto path = dir.Write("call.toml", kTemplate);
  auto file = ReadTemplateFile(path, "my/call.toml");
  REQUIRE(file.ok());
  REQUIRE(file->tmpl.has_value());
  CHECK(file->tmpl->file == "my/call.toml");
  CHECK(file->tmpl->patterns[0].pos.ToString() == "my/call.toml:12:4");

  auto missing = ReadTemplateFile(dir / "missing.toml", "my/missing.toml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kIoError);
  CHECK(missing.status().message().rfind("my/missing.toml: ", 0) == 0);
}

TEST_CASE("TemplateTopLevelKeys lists the keys a template file may use", "[extract]") {
  const auto& keys = TemplateTopLevelKeys();
  for (const char* key : {"id", "description", "subject", "label", "value", "priority", "max_gap", "patterns", "roles",
                          "modality", "example", "types", "exclude", "dated"}) {
    CAPTURE(key);
    CHECK(std::count(keys.begin(), keys.end(), key) == 1);
  }
  CHECK(keys.size() == 14);
}
