// Tests for util/toml_document: parsing user TOML and reporting every problem
// as `file:line:column: message`, the form editors and CI annotate.
#include "util/toml_document.h"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "test_support.h"

namespace crosscheck::util {
namespace {

using crosscheck::testing::TempDir;

// Parses text that the test knows to be valid TOML.
TomlDocument MustParse(std::string_view text, std::string name = "test.toml") {
  auto doc = TomlDocument::ParseText(text, std::move(name));
  if (!doc.ok()) FAIL("unexpected parse error: " << doc.status().message());
  return std::move(doc).value();
}

}  // namespace

TEST_CASE("TomlDocument parses text and keeps the display path", "[util]") {
  TomlDocument doc = MustParse("title = \"x\"\n[section]\ncount = 3\n", "dir/file.toml");
  CHECK(doc.display_path() == "dir/file.toml");
  CHECK(doc.root()["title"].value<std::string>() == "x");
  CHECK(doc.root()["section"]["count"].value<int64_t>() == 3);
  // Where() is the prefix of every message, so it must name line and column of the node.
  CHECK(doc.Where(doc.root()["section"]["count"].node()->source()) == "dir/file.toml:3:9");
}

TEST_CASE("TomlDocument reports syntax errors as file:line:column", "[util]") {
  struct Case {
    std::string text;
    std::string prefix;  // display path, line and column of the error
  };
  const std::vector<Case> cases = {
      {"a = \n", "bad.toml:1:5: "},                 // the missing value
      {"ok = 1\nb = \"unterminated\n", "bad.toml:2:"},
      {"ok = 1\nok = 2\n", "bad.toml:2:"},          // duplicate key
      {"[t]\nx = 1\n[t]\n", "bad.toml:3:1: "},      // table defined twice
      {"x = 2025-13-01\n", "bad.toml:1:"},          // not a calendar date
      {"x = [1, 2\n", "bad.toml:1:"},              // end of file inside an array
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto doc = TomlDocument::ParseText(c.text, "bad.toml");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Status::Code::kInvalidInput);
    const std::string& message = doc.status().message();
    CHECK(message.rfind(c.prefix, 0) == 0);
    // "bad.toml:L:C: description": a line, a column and a non-empty description.
    size_t first = message.find(':');
    size_t second = message.find(':', first + 1);
    size_t third = message.find(':', second + 1);
    REQUIRE(third != std::string::npos);
    CHECK(std::stoi(message.substr(first + 1, second - first - 1)) >= 1);
    CHECK(std::stoi(message.substr(second + 1, third - second - 1)) >= 1);
    CHECK(message.size() > third + 2);
  }
}

TEST_CASE("TomlDocument::ParseFile reads files and reports unreadable ones", "[util]") {
  TempDir dir;
  SECTION("a readable file") {
    auto path = dir.Write("k.toml", "name = \"value\"\n");
    auto doc = TomlDocument::ParseFile(path, "k.toml");
    REQUIRE(doc.ok());
    CHECK(doc->root()["name"].value<std::string>() == "value");
  }
  SECTION("a syntax error names the display path, not the disk path") {
    auto path = dir.Write("k.toml", "\n\nname = \n");
    auto doc = TomlDocument::ParseFile(path, "shown/k.toml");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().message().rfind("shown/k.toml:3:", 0) == 0);
  }
  SECTION("a missing file is an I/O error") {
    auto doc = TomlDocument::ParseFile(dir / "absent.toml", "absent.toml");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Status::Code::kIoError);
    CHECK(doc.status().message() == "absent.toml: cannot read file");
  }
}

TEST_CASE("TomlErrors::CheckKeys reports unknown keys with a suggestion", "[util]") {
  TomlDocument doc = MustParse("name = 1\nnmae = 2\nzzzzzz = 3\n", "k.toml");
  TomlErrors errors(doc);
  errors.CheckKeys(doc.root(), {"name", "outlet"});
  REQUIRE(errors.messages().size() == 2);
  // A near miss gets "did you mean"; a word far from every key lists them all.
  CHECK_THAT(errors.messages(),
             Catch::Matchers::VectorContains(std::string("k.toml:2:1: unknown key 'nmae'; did you mean 'name'?")));
  CHECK_THAT(errors.messages(), Catch::Matchers::VectorContains(std::string(
                                    "k.toml:3:1: unknown key 'zzzzzz'; expected one of: name, outlet")));
  CHECK_FALSE(errors.ok());
}

TEST_CASE("TomlErrors typed getters accept the right type and report the rest", "[util]") {
  TomlDocument doc = MustParse(
      "s = \"text\"\n"
      "i = 42\n"
      "f = 2.5\n"
      "b = true\n"
      "list = [\"a\", \"b\"]\n"
      "mixed = [\"a\", 1]\n"
      "[t]\n"
      "x = 1\n"
      "[[many]]\n"
      "y = 1\n"
      "[[many]]\n"
      "y = 2\n",
      "g.toml");
  const toml::table& root = doc.root();

  SECTION("values of the right type are returned without messages") {
    TomlErrors errors(doc);
    CHECK(errors.String(root, "s", true) == std::optional<std::string>("text"));
    CHECK(errors.Integer(root, "i", true) == std::optional<int64_t>(42));
    CHECK(errors.Number(root, "f", true) == std::optional<double>(2.5));
    CHECK(errors.Number(root, "i", true) == std::optional<double>(42.0));  // integers are numbers
    CHECK(errors.Boolean(root, "b", true) == std::optional<bool>(true));
    CHECK(errors.Strings(root, "s", true) == std::vector<std::string>{"text"});
    CHECK(errors.Strings(root, "list", true) == std::vector<std::string>{"a", "b"});
    CHECK(errors.Table(root, "t", true) != nullptr);
    CHECK(errors.Tables(root, "many", true).size() == 2);
    CHECK(errors.Tables(root, "t", true).size() == 1);  // a single table counts as one
    CHECK(errors.ok());
    CHECK(errors.ToStatus().ok());
  }

  SECTION("missing optional keys are silent, missing required keys are reported") {
    TomlErrors errors(doc);
    CHECK_FALSE(errors.String(root, "absent", false).has_value());
    CHECK(errors.Strings(root, "absent", false).empty());
    CHECK(errors.Table(root, "absent", false) == nullptr);
    CHECK(errors.ok());
    CHECK_FALSE(errors.Integer(root, "absent", true).has_value());
    REQUIRE(errors.messages().size() == 1);
    CHECK(errors.messages()[0].find(": missing required key 'absent'") != std::string::npos);
    CHECK(errors.messages()[0].rfind("g.toml:", 0) == 0);
  }

  SECTION("values of the wrong type name the key, the expected and the actual type") {
    struct Case {
      std::function<void(TomlErrors&)> get;
      std::string message;
    };
    const std::vector<Case> cases = {
        {[&](TomlErrors& e) { e.String(root, "i", true); }, "g.toml:2:5: 'i' must be a string, not integer"},
        {[&](TomlErrors& e) { e.Integer(root, "f", true); }, "g.toml:3:5: 'f' must be an integer, not float"},
        {[&](TomlErrors& e) { e.Number(root, "s", true); }, "g.toml:1:5: 's' must be a number, not string"},
        {[&](TomlErrors& e) { e.Boolean(root, "i", true); }, "g.toml:2:5: 'i' must be true or false, not integer"},
        {[&](TomlErrors& e) { e.Table(root, "list", true); }, "g.toml:5:8: 'list' must be a table, not array"},
        {[&](TomlErrors& e) { e.Strings(root, "b", true); },
         "g.toml:4:5: 'b' must be a string or an array of strings, not boolean"},
        {[&](TomlErrors& e) { e.Strings(root, "mixed", true); },
         "g.toml:6:15: every item of 'mixed' must be a string, not integer"},
        {[&](TomlErrors& e) { e.Tables(root, "s", true); },
         "g.toml:1:5: 's' must be an array of tables ([[s]]), not string"},
        {[&](TomlErrors& e) { e.Tables(root, "list", true); },
         "g.toml:5:9: every item of 'list' must be a table, not string"},
    };
    for (size_t i = 0; i < cases.size(); ++i) {
      CAPTURE(i);
      TomlErrors errors(doc);
      cases[i].get(errors);
      REQUIRE_FALSE(errors.ok());
      CHECK(errors.messages()[0] == cases[i].message);
    }
  }

  SECTION("ToStatus joins every message, one per line, in line order") {
    TomlErrors errors(doc);
    errors.String(root, "i", true);
    errors.Boolean(root, "s", true);
    Status status = errors.ToStatus();
    CHECK(status.code() == Status::Code::kInvalidInput);
    CHECK(status.message() ==
          "g.toml:1:5: 's' must be true or false, not string\ng.toml:2:5: 'i' must be a string, not integer");
  }
}

TEST_CASE("ClosestWord suggests only plausible typos", "[util]") {
  const std::vector<std::string> keys = {"path", "outlet", "published", "url"};
  struct Case {
    std::string word;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"pth", "path"},           // one deletion
      {"paht", "path"},          // a transposition costs two edits, still near
      {"outlett", "outlet"},
      {"publshed", "published"},
      {"pubilshed", "published"},
      {"URL", ""},               // case matters: three substitutions are too many for a short word
      {"title", ""},
      {"x", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.word);
    CHECK(ClosestWord(c.word, keys) == c.expected);
  }
  CHECK(ClosestWord("path", {}) == "");
}

TEST_CASE("TomlTypeName names every node type", "[util]") {
  TomlDocument doc = MustParse(
      "s = \"x\"\ni = 1\nf = 1.5\nb = false\na = []\nt = {}\nd = 2025-02-12\ntm = 10:30:00\ndt = 2025-02-12T10:30:00Z\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"s", "string"}, {"i", "integer"}, {"f", "float"}, {"b", "boolean"}, {"a", "array"},
      {"t", "table"},  {"d", "date"},    {"tm", "time"}, {"dt", "date-time"}};
  for (const auto& [key, name] : cases) {
    CAPTURE(key);
    CHECK(TomlTypeName(*doc.root().get(key)) == name);
  }
}

}  // namespace crosscheck::util
