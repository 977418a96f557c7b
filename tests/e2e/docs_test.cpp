// Every TOML snippet in the documentation works: templates load and their
// examples pass, value types load, knowledge files load. Fragments of a file
// (a lone [roles.x] or [[example]] table, crosscheck.toml) are skipped.
#include <catch2/catch.hpp>

#include <fstream>

#include "e2e_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

struct Snippet {
  std::string file;
  int line = 0;  // of the opening ```toml
  std::string text;
};

std::vector<Snippet> TomlSnippets(const fs::path& markdown) {
  std::vector<Snippet> out;
  std::ifstream in(markdown);
  std::string line;
  int number = 0;
  Snippet* open = nullptr;
  while (std::getline(in, line)) {
    ++number;
    if (open == nullptr && line == "```toml") {
      out.push_back({markdown.filename().string(), number, ""});
      open = &out.back();
    } else if (open != nullptr && line.rfind("```", 0) == 0) {
      open = nullptr;
    } else if (open != nullptr) {
      open->text += line + "\n";
    }
  }
  return out;
}

bool Has(const std::string& text, const std::string& start_of_line) {
  return text.rfind(start_of_line, 0) == 0 || text.find("\n" + start_of_line) != std::string::npos;
}

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("docs: every TOML snippet of the documentation loads, and its examples pass", "[docs]") {
  size_t templates = 0;
  size_t types = 0;
  size_t knowledge = 0;
  for (const char* doc : {"docs/templates.md", "docs/knowledge.md", "README.md"}) {
    for (const Snippet& s : TomlSnippets(SourceDir() / doc)) {
      INFO(s.file << ":" << s.line << "\n" << s.text);
      TempDir dir;
      EngineOptions options;
      options.knowledge_dirs = {SourceDir() / "knowledge"};
      const bool is_knowledge = Has(s.text, "[[place]]") || Has(s.text, "[[person]]") ||
                                Has(s.text, "[[organisation]]") || Has(s.text, "offices") || Has(s.text, "drop_lines");
      const bool is_template = !is_knowledge && Has(s.text, "id = ");
      if (is_knowledge) {
        ++knowledge;
        Write(dir / "k" / "snippet.toml", s.text);
        options.template_dirs = {SourceDir() / "templates"};
        options.knowledge_dirs.push_back(dir / "k");
      } else if (is_template) {
        ++templates;
        Write(dir / "t" / "snippet.toml", s.text);
        options.template_dirs = {SourceDir() / "templates", dir / "t"};
      } else if (Has(s.text, "[types.")) {
        ++types;  // on their own: the defaults already declare `count`
        Write(dir / "t" / "snippet.toml", s.text);
        options.template_dirs = {dir / "t"};
      } else {
        continue;  // a fragment of a file
      }
      auto engine = Engine::Load(options, nullptr);
      INFO((engine.ok() ? std::string() : engine.status().message()));
      REQUIRE(engine.ok());
      if (is_template) {
        for (const ExampleResult& r : (*engine)->RunExamples()) {
          if (s.text.find("\"" + r.template_id + "\"") == std::string::npos) continue;
          INFO(r.text << "\n  expected: " << r.expected << "\n  actual: " << r.actual);
          CHECK(r.passed);
        }
      }
    }
  }
  CHECK(templates >= 2);
  CHECK(types >= 4);
  CHECK(knowledge >= 3);
}

}  // namespace crosscheck::testing
