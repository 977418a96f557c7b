// The JSON Schemas in schemas/ stay true: the default templates, the example
// template sets and the committed sample report validate, and what the format
// forbids is refused. Uses Debian's python3-jsonschema (installed by
// scripts/install-deps.sh --test).
#include <catch2/catch.hpp>

#include "e2e_support.h"

namespace crosscheck::testing {
namespace {

int ValidateTemplates(const std::string& paths, std::string* output) {
  return RunCommand("/usr/bin/python3 " + (SourceDir() / "tests/e2e/validate_templates.py").string() + " " +
                        (SourceDir() / "schemas/template.schema.json").string() + " " + paths,
                    output);
}

}  // namespace

TEST_CASE("schemas: the default and example templates follow template.schema.json", "[schemas]") {
  std::string output;
  // examples/ecbplus-earthquakes/knowledge holds knowledge files, not templates.
  const int code = ValidateTemplates((SourceDir() / "templates").string() + " " +
                                         (SourceDir() / "examples/ecbplus-earthquakes/templates").string() + " " +
                                         (SourceDir() / "examples/gva-casualties").string(),
                                     &output);
  INFO(output);
  CHECK(code == 0);
  CHECK(output.find("all valid") != std::string::npos);
}

TEST_CASE("schemas: template.schema.json refuses unknown keys, bad ids and bad types", "[schemas]") {
  TempDir dir;
  const std::string good =
      "id = \"x\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"count\"\npatterns = [\"{value} dead\"]\n";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"unknown_key.toml", good + "patern = [\"x\"]\n"},
      {"bad_id.toml", "id = \"Bad-Id\"\ndescription = \"d\"\nsubject = \"s\"\nvalue = \"count\"\npatterns = [\"a\"]\n"},
      {"role_type.toml", good + "[roles.who]\ntype = \"duration\"\n"},
      {"missing.toml", "id = \"x\"\npatterns = [\"a\"]\n"},
      {"builtin_type.toml", "[types.person]\nkind = \"list\"\nnames = [\"a\"]\n"},
      {"type_kind.toml", "[types.t]\nkind = \"quantity\"\n"},
  };
  for (const auto& [name, text] : bad) {
    CAPTURE(name);
    dir.Write(name, text);
    std::string output;
    CHECK(ValidateTemplates((dir / name).string(), &output) != 0);
  }
  dir.Write("good.toml", good);
  std::string output;
  CHECK(ValidateTemplates((dir / "good.toml").string(), &output) == 0);
}

TEST_CASE("schemas: the committed sample report follows report.schema.json", "[schemas]") {
  const std::string errors = SchemaErrors(SourceDir() / "reports" / "sample" / "report.json");
  INFO(errors);
  CHECK(errors.empty());
}

}  // namespace crosscheck::testing
