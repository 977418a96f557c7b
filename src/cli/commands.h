// The subcommands. Each registers itself on the app and, when chosen, runs
// and stores its exit code. One file per command.
#pragma once

#include <CLI/CLI.hpp>

namespace crosscheck::cli {

struct GlobalFlags {
  int quiet = 0;
  int verbose = 0;
};

void RegisterReportCommand(CLI::App& app, const GlobalFlags& global, int* exit_code);
void RegisterTemplatesCommand(CLI::App& app, const GlobalFlags& global, int* exit_code);
void RegisterExplainCommand(CLI::App& app, const GlobalFlags& global, int* exit_code);
void RegisterConflictsCommand(CLI::App& app, const GlobalFlags& global, int* exit_code);
void RegisterShowCommand(CLI::App& app, const GlobalFlags& global, int* exit_code);

}  // namespace crosscheck::cli
