// What every subcommand shares: exit codes, the engine's folders from flags
// and crosscheck.toml, and logging set-up. spdlog is configured only here; the
// library reports through RunObserver and Status values.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/engine.h"
#include "crosscheck/status.h"

namespace crosscheck::cli {

// Exit codes, documented in the README.
enum class ExitCode : int {
  kOk = 0,             // the command did what was asked
  kConflicts = 1,      // --fail-on matched: conflicts were found
  kUsage = 2,          // bad arguments
  kInvalidInput = 3,   // bad templates, knowledge, manifest or (with --strict) corpus file
  kIoError = 4,        // a file, folder or the store could not be used
  kInternal = 5,       // a bug in crosscheck
};

int ExitFor(const Status& status);

// Flags shared by commands that load templates and knowledge.
struct EngineFlags {
  std::vector<std::string> templates;  // --templates DIR (repeatable)
  std::vector<std::string> knowledge;  // --knowledge DIR (repeatable)
  bool no_defaults = false;            // --no-default-templates
};

void AddEngineFlags(CLI::App* command, EngineFlags* flags);

// Builds the engine: default folders, then crosscheck.toml's, then the flags'.
// Prints notices and errors; returns null on failure with `exit_code` set.
std::unique_ptr<Engine> LoadEngine(const EngineFlags& flags, int* exit_code);

// Log level from -q / -v counts.
void ConfigureLogging(int quiet, int verbose);

}  // namespace crosscheck::cli
