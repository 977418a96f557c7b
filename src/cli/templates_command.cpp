// crosscheck templates list | lint [PATH...] | test [PATH...]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "cli/cli_common.h"
#include "cli/commands.h"

namespace crosscheck::cli {
namespace {

struct TemplatesFlags {
  std::vector<std::string> paths;
  std::string only;
  EngineFlags engine;
};

// Paths on the command line are template folders or files added on top of the defaults.
std::unique_ptr<Engine> Load(const TemplatesFlags& flags, int* exit_code) {
  EngineFlags engine = flags.engine;
  engine.templates.insert(engine.templates.end(), flags.paths.begin(), flags.paths.end());
  return LoadEngine(engine, exit_code);
}

int List(const TemplatesFlags& flags, const GlobalFlags& global) {
  ConfigureLogging(global.quiet, global.verbose);
  int exit_code = 0;
  auto engine = Load(flags, &exit_code);
  if (!engine) return exit_code;
  std::printf("%-20s %-40s %-12s %-10s %8s %8s\n", "ID", "FILE", "KIND", "VALUE", "PATTERNS", "EXAMPLES");
  for (const TemplateInfo& t : engine->Templates()) {
    std::printf("%-20s %-40s %-12s %-10s %8zu %8zu\n", t.id.c_str(), t.file.c_str(), t.subject_kind.c_str(),
                t.value_type.c_str(), t.patterns, t.examples);
  }
  std::printf("\n%-20s %s\n", "TYPE", "WHAT IT MATCHES");
  for (const TypeInfo& t : engine->Types()) std::printf("%-20s %s\n", t.name.c_str(), t.description.c_str());
  return 0;
}

// Whether `file` is `path` or lies below it; both are resolved from the working folder.
bool IsUnder(const std::filesystem::path& file, const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path f = std::filesystem::weakly_canonical(file, ec);
  const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  auto fi = f.begin();
  for (auto pi = p.begin(); pi != p.end(); ++pi, ++fi) {
    if (pi->empty()) continue;  // the empty last element of a path ending in '/'
    if (fi == f.end() || *fi != *pi) return false;
  }
  return true;
}

// The templates whose examples to run: with PATHs, only those loaded from files
// under them (the defaults are loaded too, to resolve types, but not tested).
std::set<std::string> TemplatesUnder(const Engine& engine, const std::vector<std::string>& paths) {
  std::set<std::string> ids;
  for (const TemplateInfo& t : engine.Templates()) {
    for (const std::string& path : paths) {
      if (IsUnder(t.file, path)) ids.insert(t.id);
    }
  }
  return ids;
}

int Test(const TemplatesFlags& flags, const GlobalFlags& global, bool lint) {
  ConfigureLogging(global.quiet, global.verbose);
  int exit_code = 0;
  auto engine = Load(flags, &exit_code);
  if (!engine) return exit_code;  // load errors are already printed as file:line:column
  const std::set<std::string> selected = TemplatesUnder(*engine, flags.paths);
  size_t failed = 0;
  size_t total = 0;
  for (const ExampleResult& r : engine->RunExamples(flags.only)) {
    if (!flags.paths.empty() && selected.count(r.template_id) == 0) continue;
    ++total;
    if (r.passed) continue;
    ++failed;
    if (lint) {
      std::cout << r.where << ": example of '" << r.template_id << "' does not match its template: expected "
                << r.expected << ", got " << r.actual << "\n";
    } else {
      std::cout << "FAIL " << r.where << " (" << r.template_id << ")\n  text:     " << r.text
                << "\n  expected: " << r.expected << "\n  actual:   " << r.actual << "\n";
    }
  }
  if (!lint || global.quiet == 0) {
    std::cerr << (lint ? "templates lint: " : "templates test: ");
    if (total == 0) {
      // "0 of 0 examples pass" read like a failure; say what was checked instead.
      std::cerr << "the templates load without errors, but they have no examples to run "
                   "(add [[example]] entries to test them)\n";
    } else {
      std::cerr << total - failed << " of " << total << " examples pass" << (failed > 0 ? "" : "; no errors") << "\n";
    }
  }
  return failed > 0 ? static_cast<int>(ExitCode::kInvalidInput) : 0;
}

}  // namespace

void RegisterTemplatesCommand(CLI::App& app, const GlobalFlags& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("templates", "List, check and test claim templates");
  cmd->require_subcommand(1);
  auto list = std::make_shared<TemplatesFlags>();
  CLI::App* list_cmd = cmd->add_subcommand("list", "Show each template's id, file, kind and value type");
  AddEngineFlags(list_cmd, &list->engine);
  list_cmd->callback([list, &global, exit_code] { *exit_code = List(*list, global); });

  auto lint = std::make_shared<TemplatesFlags>();
  CLI::App* lint_cmd = cmd->add_subcommand("lint", "Report every template error as file:line:column: message");
  lint_cmd->add_option("paths", lint->paths, "Template files or folders to check with the defaults")
      ->check(CLI::ExistingPath);
  AddEngineFlags(lint_cmd, &lint->engine);
  lint_cmd->callback([lint, &global, exit_code] { *exit_code = Test(*lint, global, true); });

  auto test = std::make_shared<TemplatesFlags>();
  CLI::App* test_cmd = cmd->add_subcommand("test", "Run the examples embedded in templates");
  test_cmd->add_option("paths", test->paths, "Template files or folders to test with the defaults")
      ->check(CLI::ExistingPath);
  test_cmd->add_option("--template", test->only, "Only this template id");
  AddEngineFlags(test_cmd, &test->engine);
  test_cmd->callback([test, &global, exit_code] { *exit_code = Test(*test, global, false); });
}

}  // namespace crosscheck::cli
