// Tests for knowledge/knowledge_base: loading knowledge folders, and errors as
// file:line:column.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using crosscheck::Status;
using crosscheck::knowledge::DisplayPath;
using crosscheck::knowledge::EntityKind;
using crosscheck::knowledge::KnowledgeBase;
using crosscheck::knowledge::ListTomlFiles;
using crosscheck::knowledge::PlaceKind;
using crosscheck::testing::TempDir;

constexpr const char* kPlaces = R"(# places
[[place]]
name = "Europe"
kind = "continent"

[[place]]
name = "Germany"
kind = "country"
in = "Europe"
aliases = ["Deutschland"]
demonyms = ["German"]

[[place]]
name = "Munich"
kind = "city"
in = "Germany"
)";

constexpr const char* kPeople = R"([[person]]
name = "Olaf Scholz"
aliases = ["Scholz"]
country = "Germany"
roles = ["Chancellor"]

[[organisation]]
name = "Bundestag"
aliases = ["German parliament"]
kind = "parliament"
country = "Germany"
)";

constexpr const char* kWords = R"(offices = ["Chancellor", "Secretary of State"]
modifiers = ["Former"]
given_names = ["Olaf", "Marc"]
drop_lines = ["^Share this"]
end_markers = ["^Related:"]
)";

// Loads and returns the error message; fails the test when loading succeeds.
std::string LoadError(const std::vector<fs::path>& folders) {
  auto loaded = KnowledgeBase::Load(folders);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().code() == Status::Code::kInvalidInput);
  return loaded.status().message();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("KnowledgeBase::Load reads places, people, organisations and word lists", "[knowledge]") {
  TempDir dir;
  dir.Write("places/europe.toml", kPlaces);
  dir.Write("people.toml", kPeople);
  dir.Write("words.toml", kWords);
  dir.Write("notes.txt", "this = is not read");
  auto loaded = KnowledgeBase::Load({dir.path()});
  REQUIRE(loaded.ok());
  const KnowledgeBase& kb = loaded.value();

  const auto& places = kb.places();
  REQUIRE(places.size() == 3);
  const int munich = places.Find("Munich");
  REQUIRE(munich != -1);
  CHECK(places.place(munich).kind == PlaceKind::kCity);
  CHECK(places.IsWithin(munich, places.Find("Deutschland")));
  CHECK(places.IsWithin(munich, places.Find("Europe")));
  CHECK(places.FindByDemonym("German") == places.Find("Germany"));

  const auto& entities = kb.entities();
  REQUIRE(entities.size() == 2);
  const int scholz = entities.Find("Scholz");
  REQUIRE(scholz != -1);
  CHECK(entities.entity(scholz).name == "Olaf Scholz");
  CHECK(entities.entity(scholz).kind == EntityKind::kPerson);
  CHECK(entities.entity(scholz).country == "Germany");
  const int bundestag = entities.Find("German parliament");
  REQUIRE(bundestag != -1);
  CHECK(entities.entity(bundestag).kind == EntityKind::kOrganisation);

  CHECK(kb.offices() == std::vector<std::string>{"Chancellor", "Secretary of State"});
  CHECK(kb.modifiers() == std::vector<std::string>{"Former"});
  CHECK(kb.given_names() == std::vector<std::string>{"Olaf", "Marc"});
  CHECK(kb.IsGivenName("Marc"));
  CHECK_FALSE(kb.IsGivenName("marc"));  // given names are case-sensitive
  CHECK_FALSE(kb.IsGivenName("Olaf Scholz"));
  REQUIRE(kb.drop_lines().size() == 1);
  CHECK(kb.drop_lines()[0].pattern == "^Share this");
  CHECK(kb.drop_lines()[0].where == DisplayPath(dir / "words.toml") + ":4:15");
  REQUIRE(kb.end_markers().size() == 1);
  CHECK(kb.end_markers()[0].pattern == "^Related:");
  CHECK(kb.end_markers()[0].where == DisplayPath(dir / "words.toml") + ":5:16");

  // Only *.toml files, sorted, recursively.
  CHECK(kb.files() == std::vector<std::string>{DisplayPath(dir / "people.toml"), DisplayPath(dir / "places/europe.toml"),
                                               DisplayPath(dir / "words.toml")});
  CHECK(kb.fingerprint().size() == 64);
}

TEST_CASE("KnowledgeBase::Load: later folders add to earlier ones", "[knowledge]") {
  TempDir base;
  TempDir user;
  base.Write("places.toml", kPlaces);
  base.Write("people.toml", kPeople);
  base.Write("words.toml", kWords);
  // The user folder adds an alias to a known person, a city inside a known
  // country, and offices (one already known).
  // Top-level keys come first: after a [[place]] header they would belong to that table.
  user.Write("more.toml", R"(offices = ["Chancellor", "Mayor"]
given_names = ["Olaf", "Friedrich"]

[[person]]
name = "Olaf Scholz"
aliases = ["Chancellor Scholz"]

[[place]]
name = "Berlin"
kind = "city"
in = "Germany"
)");
  auto loaded = KnowledgeBase::Load({base.path(), user.path()});
  REQUIRE(loaded.ok());
  const KnowledgeBase& kb = loaded.value();
  CHECK(kb.entities().size() == 2);
  const int scholz = kb.entities().Find("Chancellor Scholz");
  REQUIRE(scholz != -1);
  CHECK(kb.entities().entity(scholz).name == "Olaf Scholz");
  CHECK(kb.entities().Find("Scholz") == scholz);
  CHECK(kb.places().IsWithin(kb.places().Find("Berlin"), kb.places().Find("Europe")));
  CHECK(kb.offices() == std::vector<std::string>{"Chancellor", "Secretary of State", "Mayor"});
  CHECK(kb.given_names() == std::vector<std::string>{"Olaf", "Marc", "Friedrich"});
  CHECK(kb.files().size() == 4);
}

TEST_CASE("KnowledgeBase fingerprint follows file contents", "[knowledge]") {
  TempDir a;
  a.Write("places.toml", kPlaces);
  auto first = KnowledgeBase::Load({a.path()});
  auto second = KnowledgeBase::Load({a.path()});
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first->fingerprint() == second->fingerprint());

  a.Write("places.toml", std::string(kPlaces) + "\n# a comment changes the file\n");
  auto changed = KnowledgeBase::Load({a.path()});
  REQUIRE(changed.ok());
  CHECK(changed->fingerprint() != first->fingerprint());

  a.Write("people.toml", kPeople);
  auto added = KnowledgeBase::Load({a.path()});
  REQUIRE(added.ok());
  CHECK(added->fingerprint() != changed->fingerprint());
}

TEST_CASE("KnowledgeBase::Load reports errors as file:line:column", "[knowledge]") {
  TempDir dir;
  struct Case {
    const char* name;
    const char* text;
    const char* where;    // line:column
    const char* message;  // expected part of the message
  };
  const std::vector<Case> cases = {
      {"unknown key with a suggestion", "[[place]]\nname = \"X\"\nknd = \"city\"\n", "3:1",
       "unknown key 'knd'; did you mean 'kind'?"},
      {"unknown top-level key", "offices = [\"A\"]\nofices = [\"B\"]\n", "2:1",
       "unknown key 'ofices'; did you mean 'offices'?"},
      {"unknown key far from any other", "[[person]]\nname = \"X\"\nbirthplace_and_date = \"Y\"\n", "3:1",
       "unknown key 'birthplace_and_date'; expected one of: name, aliases, country, roles"},
      {"unknown place kind", "[[place]]\nname = \"X\"\nkind = \"town\"\n", "3:8", "unknown place kind 'town'"},
      {"missing required key", "[[place]]\nname = \"X\"\n", "1:1", "missing required key 'kind'"},
      {"person without a name", "[[person]]\naliases = [\"Y\"]\n", "1:1", "missing required key 'name'"},
      {"wrong type", "[[person]]\nname = 42\n", "2:8", "'name' must be a string, not integer"},
      {"wrong item type", "[[person]]\nname = \"X\"\naliases = [\"Y\", 3]\n", "3:17",
       "every item of 'aliases' must be a string, not integer"},
      {"aliases not a list", "[[person]]\nname = \"X\"\naliases = 3\n", "3:11",
       "'aliases' must be a string or an array of strings, not integer"},
      {"duplicate place id", "[[place]]\nname = \"X\"\nkind = \"city\"\n\n[[place]]\nname = \"X\"\nkind = \"state\"\n",
       "5:1", "duplicate place id 'X'"},
      {"invalid regular expression", "drop_lines = [\"ok\", \"(unclosed\"]\n", "1:21", "invalid regular expression"},
      {"drop_lines not an array", "end_markers = \"^Related\"\n", "1:15",
       "'end_markers' must be an array of regular expressions"},
      {"syntax error", "[[place]]\nname = \"X\nkind = \"city\"\n", "2:", ""},
      {"place as a plain value", "place = 3\n", "1:9", "'place' must be an array of tables"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const fs::path file = dir.Write("bad.toml", c.text);
      const std::string message = LoadError({dir.path()});
      CAPTURE(message);
      const std::string prefix = DisplayPath(file) + ":" + c.where;
      // Errors come in line order, so this one may follow others.
      const std::string expected = std::string(c.message).empty() ? prefix : prefix + ": " + c.message;
      CHECK(message.find(expected) != std::string::npos);
    }
  }
}

TEST_CASE("KnowledgeBase::Load reads how titles read as offices", "[knowledge][titles]") {
  TempDir base;
  TempDir user;
  base.Write("titles.toml", R"(offices = ["President"]
honorifics = ["Mr."]
former = ["former"]
office_modifiers = ["Acting"]

[[office]]
name = "Secretary of Defense"
aliases = ["Defense Secretary"]
)");
  // A user's file adds a name to a default office, and an office of its own.
  user.Write("mine.toml", R"([[office]]
name = "Secretary of Defense"
aliases = ["War Secretary"]

[[office]]
name = "Harbour Master"
)");
  auto loaded = KnowledgeBase::Load({base.path(), user.path()});
  REQUIRE(loaded.ok());
  const KnowledgeBase& kb = loaded.value();
  CHECK(kb.honorifics() == std::vector<std::string>{"Mr."});
  CHECK(kb.former() == std::vector<std::string>{"former"});
  CHECK(kb.office_modifiers() == std::vector<std::string>{"Acting"});
  REQUIRE(kb.office_names().size() == 2);
  CHECK(kb.office_names()[0].name == "Secretary of Defense");
  CHECK(kb.office_names()[0].aliases == std::vector<std::string>{"Defense Secretary", "War Secretary"});
  CHECK(kb.office_names()[1].name == "Harbour Master");
  // Every name of an office is an office before a name.
  CHECK(kb.offices() == std::vector<std::string>{"President", "Secretary of Defense", "Defense Secretary",
                                                 "War Secretary", "Harbour Master"});
  SECTION("errors name the file, line and column") {
    user.Write("bad.toml", "[[office]]\naliases = [\"X\"]\n\n[[office]]\nname = \"Y\"\nrank = 3\n");
    const std::string message = LoadError({base.path(), user.path()});
    CHECK(message.find(DisplayPath(user / "bad.toml") + ":1:1: missing required key 'name'") != std::string::npos);
    CHECK(message.find(DisplayPath(user / "bad.toml") + ":6:1: unknown key 'rank'") != std::string::npos);
  }
}

TEST_CASE("KnowledgeBase::Load collects the errors of every file and folder", "[knowledge]") {
  TempDir dir;
  const fs::path a = dir.Write("a.toml", "[[place]]\nname = \"X\"\nkind = \"village\"\n");
  const fs::path b = dir.Write("sub/b.toml", "[[person]]\nnmae = \"Y\"\n");
  dir.Write("c.toml", "[[place]]\nname = \"Z\"\nkind = \"city\"\nin = \"Atlantis\"\n");
  const fs::path missing = dir / "does-not-exist";
  const std::string message = LoadError({dir.path(), missing});
  CAPTURE(message);
  const std::vector<std::string> lines = Lines(message);
  auto has = [&](const std::string& prefix, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
      return line.rfind(prefix, 0) == 0 && line.find(part) != std::string::npos;
    });
  };
  CHECK(has(DisplayPath(a) + ":3:8: ", "unknown place kind 'village'"));
  CHECK(has(DisplayPath(b) + ":2:1: ", "unknown key 'nmae'; did you mean 'name'?"));
  CHECK(has(DisplayPath(b) + ":1:1: ", "missing required key 'name'"));
  CHECK(has(DisplayPath(missing) + ": ", "knowledge folder does not exist"));
  CHECK(has("knowledge: ", "place 'Atlantis' is named in an 'in' key but never defined"));
  CHECK(lines.size() == 5);
}

TEST_CASE("KnowledgeBase::Load reports a containment cycle", "[knowledge]") {
  TempDir dir;
  dir.Write("cycle.toml", "[[place]]\nname = \"A\"\nkind = \"region\"\nin = \"B\"\n\n"
                          "[[place]]\nname = \"B\"\nkind = \"region\"\nin = \"A\"\n");
  const std::string message = LoadError({dir.path()});
  CHECK(message.find("containment cycle") != std::string::npos);
}

TEST_CASE("KnowledgeBase offices and given names can be added in memory without duplicates", "[knowledge]") {
  KnowledgeBase kb;
  kb.AddOffices({"President", "Senator"});
  kb.AddOffices({"Senator", "Governor"});
  CHECK(kb.offices() == std::vector<std::string>{"President", "Senator", "Governor"});
  kb.AddGivenNames({"Marc", "Ken"});
  kb.AddGivenNames({"Ken", "Sherie"});
  CHECK(kb.given_names() == std::vector<std::string>{"Marc", "Ken", "Sherie"});
  CHECK(kb.IsGivenName("Sherie"));
  CHECK_FALSE(kb.IsGivenName("Fogel"));
  kb.mutable_entities().Add({"Marc Fogel", EntityKind::kPerson, {"Fogel"}, ""});
  CHECK(kb.entities().Find("Fogel") == 0);
}

TEST_CASE("ListTomlFiles lists *.toml below a folder, sorted by path; a file lists itself", "[knowledge]") {
  TempDir dir;
  dir.Write("b.toml", "");
  dir.Write("a/z.toml", "");
  dir.Write("a/readme.md", "");
  dir.Write("c.toml.bak", "");
  dir.Write("a.toml", "");
  const std::vector<fs::path> files = ListTomlFiles(dir.path());
  // Paths sort by component: the folder "a" before the file "a.toml".
  CHECK(files == std::vector<fs::path>{dir / "a/z.toml", dir / "a.toml", dir / "b.toml"});
  CHECK(ListTomlFiles(dir / "b.toml") == std::vector<fs::path>{dir / "b.toml"});
  CHECK(ListTomlFiles(dir / "missing").empty());
}

TEST_CASE("DisplayPath is relative below the working folder, unchanged elsewhere", "[knowledge]") {
  const fs::path cwd = fs::current_path();
  CHECK(DisplayPath(cwd / "templates" / "call.toml") == "templates/call.toml");
  CHECK(DisplayPath("templates/call.toml") == "templates/call.toml");
  if (cwd != cwd.root_path()) {
    const fs::path outside = cwd.root_path() / "crosscheck-elsewhere-for-test" / "x.toml";
    CHECK(DisplayPath(outside) == outside.generic_string());
  }
}

TEST_CASE("The default knowledge folder loads without errors", "[knowledge]") {
  auto loaded = KnowledgeBase::Load({crosscheck::testing::SourceDir() / "knowledge"});
  INFO((loaded.ok() ? std::string() : loaded.status().message()));
  REQUIRE(loaded.ok());
  const KnowledgeBase& kb = loaded.value();
  CHECK(kb.places().size() > 500);
  CHECK(kb.entities().size() > 200);
  CHECK(kb.IsGivenName("Marc"));
  const auto& offices = kb.offices();
  CHECK(std::find(offices.begin(), offices.end(), "Secretary of State") != offices.end());
  CHECK_FALSE(kb.drop_lines().empty());
  for (const auto& p : kb.drop_lines()) {
    CAPTURE(p.pattern);
    CHECK(p.where.find("boilerplate.toml:") != std::string::npos);
  }
}
