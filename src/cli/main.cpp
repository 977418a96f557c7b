// crosscheck: checks facts across news sources. main() only parses arguments
// and dispatches; each subcommand lives in its own *_command.cpp.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using crosscheck::cli::ExitCode;
  CLI::App app{"crosscheck: checks facts across news sources and reports where outlets agree or conflict"};
  app.require_subcommand(1);
  app.fallthrough();  // -q and -v may follow the subcommand
  app.set_version_flag("--version", "crosscheck 0.1.0");
  crosscheck::cli::GlobalFlags global;
  app.add_flag("-q,--quiet", global.quiet, "Only print errors");
  app.add_flag("-v,--verbose", global.verbose, "More detail (repeat for even more)");
  int exit_code = static_cast<int>(ExitCode::kOk);
  crosscheck::cli::RegisterReportCommand(app, global, &exit_code);
  crosscheck::cli::RegisterTemplatesCommand(app, global, &exit_code);
  crosscheck::cli::RegisterExplainCommand(app, global, &exit_code);
  crosscheck::cli::RegisterConflictsCommand(app, global, &exit_code);
  crosscheck::cli::RegisterShowCommand(app, global, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  } catch (const std::exception& e) {
    std::cerr << "crosscheck: internal error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kInternal);
  }
  return exit_code;
}
