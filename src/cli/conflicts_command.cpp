// crosscheck conflicts: the findings of a store, filtered, as a table or JSON.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "crosscheck/inspect.h"

namespace crosscheck::cli {
namespace {

struct ConflictsFlags {
  std::string db = "crosscheck.db";
  std::string kind;
  std::string subject;
  std::string outlet;
  std::string verdict = "conflict";
  std::string format = "table";
  std::string fail_on;
};

int RunConflicts(const ConflictsFlags& flags, const GlobalFlags& global) {
  ConfigureLogging(global.quiet, global.verbose);
  FindingFilter filter;
  filter.kind = flags.kind;
  filter.subject = flags.subject;
  filter.outlet = flags.outlet;
  if (flags.verdict != "any") {
    Verdict v;
    if (!ParseVerdict(flags.verdict, &v)) {
      std::cerr << "crosscheck conflicts: --verdict must be conflict, compatible, agree, single_source or any\n";
      return static_cast<int>(ExitCode::kUsage);
    }
    filter.verdict = v;
  }
  auto findings = LoadStoredFindings(flags.db);
  if (!findings.ok()) {
    std::cerr << findings.status().message() << "\n";
    return ExitFor(findings.status());
  }
  std::vector<const Finding*> shown;
  for (const Finding& f : *findings) {
    if (MatchesFilter(f, filter)) shown.push_back(&f);
  }
  if (flags.format == "json") {
    std::fputs(FindingsToJson(shown).c_str(), stdout);
  } else {
    TablePrinter table({{"VERDICT"}, {"KIND"}, {"SUBJECT", true, 2}, {"OUTLETS"}, {"REASON", true, 3}, {"FINDING", true, 2}});
    for (const Finding* f : shown) {
      std::string verdict(VerdictName(f->verdict));
      if (f->strength != ConflictStrength::kNone) verdict += " (" + std::string(ConflictStrengthName(f->strength)) + ")";
      table.AddRow({verdict, f->template_id, f->subject.label, std::to_string(f->outlets),
                    f->reason, f->id});
    }
    if (shown.empty()) {
      std::fprintf(stdout, "no findings match (of %zu in the store)\n", findings->size());
    } else {
      table.Print(stdout, TerminalWidth(stdout));
    }
  }
  const bool has_conflict = std::any_of(shown.begin(), shown.end(), [](const Finding* f) {
    return f->verdict == Verdict::kConflict;
  });
  return flags.fail_on == "conflict" && has_conflict ? static_cast<int>(ExitCode::kConflicts) : 0;
}

}  // namespace

void RegisterConflictsCommand(CLI::App& app, const GlobalFlags& global, int* exit_code) {
  auto flags = std::make_shared<ConflictsFlags>();
  CLI::App* cmd = app.add_subcommand("conflicts", "List the findings of a store (conflicts by default), filtered");
  cmd->add_option("--db", flags->db, "The store (default: ./crosscheck.db; report writes OUT/crosscheck.db)");
  cmd->add_option("--kind", flags->kind, "Only this claim kind (template id)");
  cmd->add_option("--subject", flags->subject, "Only subjects whose label, id or participant contains this text");
  cmd->add_option("--outlet", flags->outlet, "Only findings with a claim from this outlet");
  cmd->add_option("--verdict", flags->verdict, "conflict (default), compatible, agree, single_source or any")
      ->check(CLI::IsMember({"conflict", "compatible", "agree", "single_source", "any"}));
  cmd->add_option("--format", flags->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--fail-on", flags->fail_on, "conflict: exit 1 when any listed finding is a conflict")
      ->check(CLI::IsMember({"conflict"}));
  cmd->callback([flags, &global, exit_code] { *exit_code = RunConflicts(*flags, global); });
}

}  // namespace crosscheck::cli
