#include "cli/cli_common.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <toml++/toml.h>

#include <iostream>

namespace crosscheck::cli {
namespace fs = std::filesystem;

int ExitFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return static_cast<int>(ExitCode::kOk);
    case Status::Code::kInvalidInput: return static_cast<int>(ExitCode::kInvalidInput);
    case Status::Code::kIoError:
    case Status::Code::kStoreError:
    case Status::Code::kStoreCorrupt: return static_cast<int>(ExitCode::kIoError);
    case Status::Code::kInternal: return static_cast<int>(ExitCode::kInternal);
  }
  return static_cast<int>(ExitCode::kInternal);
}

void AddEngineFlags(CLI::App* command, EngineFlags* flags) {
  command->add_option("--templates", flags->templates, "Folder of extra claim templates (repeatable); same id overrides")
      ->check(CLI::ExistingPath);
  command->add_option("--knowledge", flags->knowledge, "Folder of extra knowledge files (repeatable)")
      ->check(CLI::ExistingPath);
  command->add_flag("--no-default-templates", flags->no_defaults, "Use only the templates given with --templates");
}

namespace {

// crosscheck.toml in the working folder may name template and knowledge folders:
//   templates = ["my-templates"]
//   knowledge = ["my-knowledge"]
Status ReadProjectFile(std::vector<fs::path>* templates, std::vector<fs::path>* knowledge) {
  const fs::path path = "crosscheck.toml";
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Status::Ok();
  try {
    toml::table root = toml::parse_file(path.string());
    for (auto&& [key, node] : root) {
      const std::string name(key.str());
      if (name != "templates" && name != "knowledge") {
        return Status::InvalidInput("crosscheck.toml:" + std::to_string(key.source().begin.line) + ":" +
                                    std::to_string(key.source().begin.column) + ": unknown key '" + name +
                                    "'; expected templates or knowledge");
      }
      auto* list = name == "templates" ? templates : knowledge;
      auto add = [&](const toml::node& item) -> Status {
        auto text = item.value<std::string>();
        if (!item.is_string() || !text) {
          return Status::InvalidInput("crosscheck.toml:" + std::to_string(item.source().begin.line) + ":" +
                                      std::to_string(item.source().begin.column) + ": '" + name +
                                      "' must be a folder path or a list of them");
        }
        list->push_back(*text);
        return Status::Ok();
      };
      if (const toml::array* array = node.as_array()) {
        for (const toml::node& item : *array) {
          Status s = add(item);
          if (!s.ok()) return s;
        }
      } else {
        Status s = add(node);
        if (!s.ok()) return s;
      }
    }
  } catch (const toml::parse_error& e) {
    return Status::InvalidInput("crosscheck.toml:" + std::to_string(e.source().begin.line) + ":" +
                                std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Engine> LoadEngine(const EngineFlags& flags, int* exit_code) {
  EngineOptions options;
  const fs::path data = DefaultDataDir();
  if (!flags.no_defaults) options.template_dirs.push_back(data / "templates");
  options.knowledge_dirs.push_back(data / "knowledge");
  Status project = ReadProjectFile(&options.template_dirs, &options.knowledge_dirs);
  if (!project.ok()) {
    std::cerr << project.message() << "\n";
    *exit_code = ExitFor(project);
    return nullptr;
  }
  for (const std::string& t : flags.templates) options.template_dirs.emplace_back(t);
  for (const std::string& k : flags.knowledge) options.knowledge_dirs.emplace_back(k);
  std::vector<Diagnostic> notices;
  auto engine = Engine::Load(options, &notices);
  for (const Diagnostic& n : notices) spdlog::info("{}", n.ToString());
  if (!engine.ok()) {
    std::cerr << engine.status().message() << "\n";
    *exit_code = ExitFor(engine.status());
    return nullptr;
  }
  return std::move(engine).value();
}

void ConfigureLogging(int quiet, int verbose) {
  auto logger = spdlog::stderr_color_mt("crosscheck");
  logger->set_pattern("%^%l%$: %v");
  spdlog::set_default_logger(logger);
  if (quiet > 0) {
    spdlog::set_level(spdlog::level::err);
  } else if (verbose > 1) {
    spdlog::set_level(spdlog::level::trace);
  } else if (verbose == 1) {
    spdlog::set_level(spdlog::level::debug);
  } else {
    spdlog::set_level(spdlog::level::info);
  }
}

}  // namespace crosscheck::cli
