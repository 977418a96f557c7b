// Tests for extract/template_set: loading, compiling and overriding templates.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extract/entity_resolver.h"
#include "extract/template_set.h"
#include "knowledge/knowledge_base.h"
#include "test_support.h"

namespace {

using crosscheck::Diagnostic;
using crosscheck::extract::CompileCues;
using crosscheck::extract::EntityResolver;
using crosscheck::extract::TemplateSet;
using crosscheck::knowledge::DisplayPath;
using crosscheck::knowledge::KnowledgeBase;
using crosscheck::testing::SourceDir;
using crosscheck::testing::TempDir;

const EntityResolver& Resolver() {
  static const KnowledgeBase kb;
  static const EntityResolver resolver(kb);
  return resolver;
}

constexpr const char* kDuration = R"([types.duration]
kind = "quantity"
unit = "min"

[[types.duration.units]]
name = "minute"
factor = 1
aliases = ["minutes"]

[[types.duration.units]]
name = "hour"
factor = 60
aliases = ["hours"]
)";

// A template file with the given id, patterns (a TOML array body) and extra tables.
std::string Template(const std::string& id, const std::string& patterns = "\"call lasted {value}\"",
                     const std::string& value = "duration", const std::string& tables = "") {
  return "id = \"" + id + "\"\ndescription = \"d\"\nsubject = \"call\"\nvalue = \"" + value + "\"\npatterns = [" +
         patterns + "]\n" + tables;
}

std::string LoadError(const std::vector<std::pair<std::string, std::string>>& texts) {
  auto set = TemplateSet::FromTexts(texts, Resolver(), nullptr);
  REQUIRE_FALSE(set.ok());
  return set.status().message();
}

}  // namespace

TEST_CASE("TemplateSet::FromTexts compiles templates with types from any file", "[extract]") {
  std::vector<Diagnostic> notices;
  auto set = TemplateSet::FromTexts(
      {{"t/call.toml", Template("call_duration", "\"call lasted {value}\", \"call of {value}\"")},
       {"t/types.toml", kDuration},
       {"t/release.toml", Template("release", "\"{who:person} was released\"", "event",
                                   "[roles.who]\ntype = \"person\"\nmin = 1\n[modality]\nnegated = [\"not\"]\n")}},
      Resolver(), &notices);
  INFO((set.ok() ? std::string() : set.status().message()));
  REQUIRE(set.ok());
  CHECK(notices.empty());
  const TemplateSet& s = **set;
  REQUIRE(s.templates().size() == 2);
  CHECK(s.templates()[0].spec.id == "call_duration");
  CHECK(s.templates()[1].spec.id == "release");
  const auto* call = s.Find("call_duration");
  REQUIRE(call != nullptr);
  CHECK(call->patterns.size() == 2);
  CHECK(call->hedged == nullptr);
  CHECK(call->negated == nullptr);
  CHECK(call->exclude == nullptr);
  const auto* release = s.Find("release");
  REQUIRE(release != nullptr);
  CHECK(release->negated != nullptr);
  CHECK(s.Find("missing") == nullptr);
  CHECK(s.types().Find("duration") != nullptr);
  CHECK(s.types().Find("person") != nullptr);
  CHECK(&s.resolver() == &Resolver());
  CHECK(s.fingerprint().size() == 64);
}

TEST_CASE("TemplateSet fingerprint follows every template and type file", "[extract]") {
  const std::vector<std::pair<std::string, std::string>> base = {{"t/call.toml", Template("call")},
                                                                  {"t/types.toml", kDuration}};
  auto a = TemplateSet::FromTexts(base, Resolver(), nullptr);
  auto b = TemplateSet::FromTexts(base, Resolver(), nullptr);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK((*a)->fingerprint() == (*b)->fingerprint());
  auto changed_template = TemplateSet::FromTexts({{"t/call.toml", Template("call", "\"call ran {value}\"")},
                                                  {"t/types.toml", kDuration}},
                                                 Resolver(), nullptr);
  REQUIRE(changed_template.ok());
  CHECK((*changed_template)->fingerprint() != (*a)->fingerprint());
  auto changed_type = TemplateSet::FromTexts(
      {{"t/call.toml", Template("call")}, {"t/types.toml", std::string(kDuration) + "\n[[types.duration.units]]\nname = \"day\"\nfactor = 1440\n"}},
      Resolver(), nullptr);
  REQUIRE(changed_type.ok());
  CHECK((*changed_type)->fingerprint() != (*a)->fingerprint());
}

TEST_CASE("TemplateSet reports template errors with their position", "[extract]") {
  SECTION("an undefined value type") {
    const std::string message = LoadError({{"t/call.toml", Template("call", "\"call lasted {value}\"", "lenght")}});
    CAPTURE(message);
    CHECK(message.find("value type 'lenght' is not defined") != std::string::npos);
    // The position is that of the `value` key in the template.
    CHECK(message.rfind("t/call.toml:", 0) == 0);
    CHECK(std::isdigit(static_cast<unsigned char>(message[std::string("t/call.toml:").size()])));
  }
  SECTION("a role whose type names no entity") {
    const std::string message =
        LoadError({{"t/types.toml", kDuration},
                   {"t/call.toml", Template("call", "\"call lasted {value}\"", "duration",
                                            "[roles.participants]\ntype = \"duration\"\n")}});
    CHECK(message == "t/call.toml:6:8: role 'participants' has type 'duration'; roles take person, organisation, "
                     "actor or place");
  }
  SECTION("a role of an unknown type") {
    const std::string message =
        LoadError({{"t/types.toml", kDuration},
                   {"t/call.toml", Template("call", "\"call lasted {value}\"", "duration",
                                            "[roles.participants]\ntype = \"persn\"\n")}});
    CHECK(message.rfind("t/call.toml:6:8: role 'participants' has type 'persn'", 0) == 0);
  }
  SECTION("pattern errors of several templates come back together, each at its pattern") {
    const std::string message = LoadError(
        {{"t/types.toml", kDuration},
         {"t/a.toml", Template("a", "\"call lasted {value:duraton}\"")},
         {"t/b.toml", Template("b", "\"fine {value}\",\n  \"... gap {value}\"")}});
    CAPTURE(message);
    // Line 5: patterns = ["call lasted {value:duraton}"]: the type starts at column 33.
    CHECK(message.find("t/a.toml:5:33: unknown slot type 'duraton'; did you mean 'duration'?") != std::string::npos);
    CHECK(message.find("t/b.toml:6:4: a pattern or alternative cannot start with a gap") != std::string::npos);
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);
  }
  SECTION("too many patterns") {
    std::string patterns;
    for (int i = 0; i < 65; ++i) patterns += (i ? ", " : "") + std::string("\"call lasted {value}\"");
    const std::string message = LoadError({{"t/types.toml", kDuration}, {"t/call.toml", Template("call", patterns)}});
    CHECK(message == "t/call.toml:1:6: 65 patterns; the limit is 64 per template");
  }
  SECTION("file errors are all reported") {
    const std::string message =
        LoadError({{"t/a.toml", "id = \"a\"\nbogus = 1\n"}, {"t/b.toml", "[types.d]\nkind = \"nope\"\n"}});
    CHECK(message.find("t/a.toml:2:1: unknown key 'bogus'") != std::string::npos);
    CHECK(message.find("t/b.toml:2:8: unknown type kind 'nope'") != std::string::npos);
  }
}

TEST_CASE("TemplateSet refuses a template id repeated in one folder", "[extract]") {
  SECTION("in memory") {
    const std::string message = LoadError(
        {{"t/types.toml", kDuration}, {"t/a.toml", Template("call")}, {"t/b.toml", Template("call")}});
    CHECK(message == "t/b.toml:1:6: duplicate template id 'call' (also defined at t/a.toml:1:6)");
  }
  SECTION("on disk") {
    TempDir dir;
    dir.Write("types.toml", kDuration);
    const auto a = dir.Write("a.toml", Template("call"));
    const auto b = dir.Write("sub/b.toml", Template("call"));
    auto set = TemplateSet::Load({dir.path()}, Resolver(), nullptr);
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message() == DisplayPath(b) + ":1:6: duplicate template id 'call' (also defined at " +
                                        DisplayPath(a) + ":1:6)");
  }
}

TEST_CASE("TemplateSet: a later folder overrides a template id, with a notice", "[extract]") {
  TempDir defaults;
  TempDir user;
  defaults.Write("types.toml", kDuration);
  const auto original = defaults.Write("call.toml", Template("call", "\"call lasted {value}\""));
  defaults.Write("other.toml", Template("other", "\"meeting lasted {value}\""));
  const auto replacement = user.Write("my_call.toml", Template("call", "\"call ran {value}\", \"call took {value}\""));
  std::vector<Diagnostic> notices;
  auto set = TemplateSet::Load({defaults.path(), user.path()}, Resolver(), &notices);
  INFO((set.ok() ? std::string() : set.status().message()));
  REQUIRE(set.ok());
  REQUIRE((*set)->templates().size() == 2);
  const auto* call = (*set)->Find("call");
  REQUIRE(call != nullptr);
  CHECK(call->spec.file == DisplayPath(replacement));
  REQUIRE(call->patterns.size() == 2);
  CHECK(call->patterns[0].source == "call ran {value}");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].severity == Diagnostic::Severity::kNotice);
  CHECK(notices[0].path == DisplayPath(replacement));
  CHECK(notices[0].line == 1);
  CHECK(notices[0].message == "template 'call' overrides the one from " + DisplayPath(original));
}

TEST_CASE("TemplateSet: a user template overrides a default template", "[extract]") {
  TempDir user;
  const auto mine = user.Write("call_duration.toml",
                               Template("call_duration", "\"phone call lasted {value}\"", "duration",
                                        "[roles.participants]\ntype = \"person\"\nmin = 2\ncontext = true\n"));
  std::vector<Diagnostic> notices;
  auto set = TemplateSet::Load({SourceDir() / "templates", user.path()}, Resolver(), &notices);
  INFO((set.ok() ? std::string() : set.status().message()));
  REQUIRE(set.ok());
  const auto* call = (*set)->Find("call_duration");
  REQUIRE(call != nullptr);
  CHECK(call->spec.file == DisplayPath(mine));
  REQUIRE(call->patterns.size() == 1);
  CHECK(call->spec.examples.empty());
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].severity == Diagnostic::Severity::kNotice);
  CHECK(notices[0].message.find("template 'call_duration' overrides the one from ") == 0);
  CHECK(notices[0].message.find("call_duration.toml") != std::string::npos);
  CHECK(notices[0].ToString().rfind(DisplayPath(mine) + ":1: template 'call_duration' overrides", 0) == 0);
  // The other defaults are still there, in their original order.
  std::vector<std::string> ids;
  for (const auto& t : (*set)->templates()) ids.push_back(t.spec.id);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"call_date", "call_duration", "invitation", "meeting_date", "meeting_location",
                                        "person_title", "prisoner_release", "war_age", "war_start"});
}

TEST_CASE("TemplateSet: a type declared again replaces the earlier one, with a notice", "[extract]") {
  std::vector<Diagnostic> notices;
  auto set = TemplateSet::FromTexts({{"t/a.toml", kDuration},
                                     {"t/b.toml", std::string(kDuration)},
                                     {"t/call.toml", Template("call")}},
                                    Resolver(), &notices);
  REQUIRE(set.ok());
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].path == "t/b.toml");
  CHECK(notices[0].line == 1);
  CHECK(notices[0].message == "type 'duration' replaces the one defined at t/a.toml:1:1");
}

TEST_CASE("TemplateSet::Load reports missing folders", "[extract]") {
  TempDir dir;
  auto set = TemplateSet::Load({dir / "nope"}, Resolver(), nullptr);
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message() == DisplayPath(dir / "nope") + ": template folder does not exist");
}

TEST_CASE("TemplateSet::Load reads the default templates", "[extract]") {
  std::vector<Diagnostic> notices;
  auto set = TemplateSet::Load({SourceDir() / "templates"}, Resolver(), &notices);
  INFO((set.ok() ? std::string() : set.status().message()));
  REQUIRE(set.ok());
  CHECK(notices.empty());
  for (const char* id : {"call_duration", "meeting_location", "invitation", "prisoner_release"}) {
    CAPTURE(id);
    const auto* t = (*set)->Find(id);
    REQUIRE(t != nullptr);
    CHECK(t->patterns.size() == t->spec.patterns.size());
    CHECK_FALSE(t->patterns.empty());
    CHECK(t->hedged != nullptr);
    CHECK(t->negated != nullptr);
  }
  CHECK((*set)->types().Find("duration") != nullptr);
  CHECK((*set)->types().Find("count") != nullptr);
  CHECK((*set)->Find("prisoner_release")->exclude != nullptr);
}

TEST_CASE("CompileCues finds whole cue words and phrases, in any case", "[extract]") {
  CHECK(CompileCues({}) == nullptr);
  const auto cues = CompileCues({"did not", "no", "U.S.", "ruled out"});
  REQUIRE(cues != nullptr);
  const std::vector<std::pair<const char*, const char*>> hits = {
      {"He did not call.", "did not"},   {"He DID NOT call.", "DID NOT"},   {"There was no call.", "no"},
      {"She ruled  out a call.", "ruled  out"}, {"the U.S. side", "U.S."},
  };
  for (const auto& [text, cue] : hits) {
    CAPTURE(text);
    re2::StringPiece match;
    REQUIRE(RE2::PartialMatch(text, "(" + cues->pattern() + ")", &match));
    CHECK(std::string(match.data(), match.size()) == cue);
  }
  for (const char* text : {"Nothing happened.", "He didnot call.", "A notable call.", "It is now known."}) {
    CAPTURE(text);
    CHECK_FALSE(RE2::PartialMatch(text, *cues));
  }
}

TEST_CASE("Each template's fingerprint changes with its own file and the types it uses, and nothing else",
          "[extract][incremental]") {
  const std::string release =
      Template("release", "\"{who:person} was released\"", "event", "[roles.who]\ntype = \"person\"\nmin = 1\n");
  auto load = [&](const std::string& call, const std::string& types, const std::string& other_types) {
    auto set = TemplateSet::FromTexts({{"t/call.toml", call},
                                       {"t/types.toml", types},
                                       {"t/other.toml", other_types},
                                       {"t/release.toml", release}},
                                      Resolver(), nullptr);
    INFO((set.ok() ? std::string() : set.status().message()));
    REQUIRE(set.ok());
    return std::make_pair((*set)->Find("call_duration")->fingerprint, (*set)->Find("release")->fingerprint);
  };
  const std::string count = "[types.count]\nkind = \"quantity\"\nunit = \"people\"\nunit_required = false\n";
  const auto base = load(Template("call_duration"), kDuration, count);
  CHECK(base.first.size() == 64);
  CHECK(base.first != base.second);
  SECTION("the same files give the same fingerprints") { CHECK(load(Template("call_duration"), kDuration, count) == base); }
  SECTION("an edited template changes its own fingerprint only") {
    const auto edited = load(Template("call_duration", "\"call lasted for {value}\""), kDuration, count);
    CHECK(edited.first != base.first);
    CHECK(edited.second == base.second);
  }
  SECTION("an edited type changes the fingerprints of the templates that use it") {
    const auto edited = load(Template("call_duration"), std::string(kDuration) + "\n[[types.duration.units]]\nname = \"day\"\nfactor = 1440\naliases = [\"days\"]\n", count);
    CHECK(edited.first != base.first);
    CHECK(edited.second == base.second);  // release uses person, a built-in type
  }
  SECTION("a type no template uses changes no template's fingerprint") {
    const auto edited = load(Template("call_duration"), kDuration, count + "# edited\n");
    CHECK(edited == base);
  }
}
