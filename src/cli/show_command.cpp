// crosscheck show SUBJECT-or-CLAIM-ID: the claims about a subject side by side.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <memory>
#include <set>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "crosscheck/inspect.h"

namespace crosscheck::cli {
namespace {

struct ShowFlags {
  std::string what;
  std::string db = "crosscheck.db";
  std::string format = "table";
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The sentence with the value marked: bold on a terminal, »value« elsewhere.
std::string MarkedEvidence(const Claim& c, bool terminal) {
  const std::string& e = c.evidence;
  if (c.value_in_evidence.empty() || c.value_in_evidence.end > e.size()) return e;
  const std::string open = terminal ? "\033[1;4m" : "\u00bb";
  const std::string close = terminal ? "\033[0m" : "\u00ab";
  return e.substr(0, c.value_in_evidence.begin) + open +
         e.substr(c.value_in_evidence.begin, c.value_in_evidence.size()) + close + e.substr(c.value_in_evidence.end);
}

void PrintFinding(const Finding& f, bool terminal) {
  const int width = TerminalWidth(stdout);
  std::fputs(Wrap(f.subject.label + " — " + f.template_id, width, "").c_str(), stdout);
  std::string verdict(VerdictName(f.verdict));
  if (f.strength != ConflictStrength::kNone) verdict += " (" + std::string(ConflictStrengthName(f.strength)) + ")";
  std::fputs(Wrap("Verdict: " + verdict + " — " + f.reason, width, "").c_str(), stdout);
  std::fputs(Wrap("Finding " + f.id + "; " + std::to_string(f.claims.size()) + " claims from " +
                      std::to_string(f.outlets) + " outlets" +
                      (f.sources < f.outlets ? " (" + std::to_string(f.sources) + " independent sources)" : ""),
                  width, "")
                 .c_str(),
             stdout);
  for (const SelfContradiction& c : f.self_contradictions) {
    std::fputs(Wrap("Contradicts itself: " + c.document + " (" + c.outlet + "): " + c.reason, width, "  ").c_str(), stdout);
  }
  std::printf("\n");
  TablePrinter table({{"OUTLET", true, 1}, {"VALUE"}, {"MODALITY"}, {"ATTRIBUTED TO", true, 1}, {"WHERE", true, 1}});
  for (const SourcedClaim& sc : f.claims) {
    const Claim& c = sc.claim;
    std::string modality(ModalityName(c.modality));
    if (!c.modality_cue.empty()) modality += " (" + c.modality_cue + ")";
    table.AddRow({sc.source.outlet, c.value.display, modality, c.attribution.empty() ? "-" : c.attribution,
                  sc.source.path + ":" + std::to_string(c.match_raw.begin)});
  }
  table.Print(stdout, width);
  std::printf("\n");
  for (const SourcedClaim& sc : f.claims) {
    std::fputs(Wrap(sc.source.outlet + ":", width, "  ").c_str(), stdout);
    std::fputs(Wrap(MarkedEvidence(sc.claim, terminal), width, "      ").c_str(), stdout);
  }
  std::printf("\n");
}

void PrintClaim(const SourcedClaim& sc, const Finding& f, bool terminal) {
  const Claim& c = sc.claim;
  std::printf("Claim %s (%s, pattern %u)\n", StableClaimId(sc).c_str(), c.template_id.c_str(), c.pattern);
  std::printf("  document:    %s (%s)\n", sc.source.path.c_str(), sc.source.outlet.c_str());
  std::printf("  value:       %s from \"%s\"\n", c.value.display.c_str(), c.value.text.c_str());
  std::printf("  modality:    %s%s\n", std::string(ModalityName(c.modality)).c_str(),
              c.modality_cue.empty() ? "" : (" (cue \"" + c.modality_cue + "\")").c_str());
  std::printf("  attribution: %s\n", c.attribution.empty() ? "-" : c.attribution.c_str());
  std::printf("  bytes:       match %u-%u, sentence %u-%u\n", c.match_raw.begin, c.match_raw.end, c.sentence_raw.begin,
              c.sentence_raw.end);
  for (const RoleFiller& r : c.roles) {
    std::printf("  %s: %s (%s, via %s)\n", r.role.c_str(), r.entity.c_str(), r.entity_kind.c_str(), r.via.c_str());
  }
  std::printf("  sentence:\n%s", Wrap(MarkedEvidence(c, terminal), TerminalWidth(stdout), "    ").c_str());
  std::printf("  finding:     %s (%s)\n", f.id.c_str(), std::string(VerdictName(f.verdict)).c_str());
}

int RunShow(const ShowFlags& flags, const GlobalFlags& global) {
  ConfigureLogging(global.quiet, global.verbose);
  auto findings = LoadStoredFindings(flags.db);
  if (!findings.ok()) {
    std::cerr << findings.status().message() << "\n";
    return ExitFor(findings.status());
  }
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  // A claim id first: it is the most specific.
  for (const Finding& f : *findings) {
    for (const SourcedClaim& c : f.claims) {
      if (StableClaimId(c) != flags.what) continue;
      if (flags.format == "json") {
        Finding one = f;
        one.claims = {c};
        std::fputs(FindingsToJson({&one}).c_str(), stdout);
      } else {
        PrintClaim(c, f, terminal);
      }
      return 0;
    }
  }
  // A finding id or subject id, else a part of a subject's label.
  std::vector<const Finding*> chosen;
  for (const Finding& f : *findings) {
    if (f.id == flags.what || f.subject.id == flags.what) chosen.push_back(&f);
  }
  if (chosen.empty()) {
    std::set<std::string> subjects;
    const std::string needle = Lower(flags.what);
    for (const Finding& f : *findings) {
      if (Lower(f.subject.label).find(needle) != std::string::npos ||
          Lower(f.subject.id).find(needle) != std::string::npos) {
        subjects.insert(f.subject.id);
      }
    }
    if (subjects.size() > 1) {
      std::cerr << "crosscheck show: '" << flags.what << "' matches " << subjects.size()
                << " subjects; give one of their ids:\n";
      for (const std::string& s : subjects) std::cerr << "  " << s << "\n";
      return static_cast<int>(ExitCode::kUsage);
    }
    for (const Finding& f : *findings) {
      if (subjects.count(f.subject.id) > 0) chosen.push_back(&f);
    }
  }
  if (chosen.empty()) {
    std::cerr << "crosscheck show: no subject, finding or claim matches '" << flags.what
              << "' (crosscheck conflicts --verdict any lists them)\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  if (flags.format == "json") {
    std::fputs(FindingsToJson(chosen).c_str(), stdout);
    return 0;
  }
  for (const Finding* f : chosen) PrintFinding(*f, terminal);
  return 0;
}

}  // namespace

void RegisterShowCommand(CLI::App& app, const GlobalFlags& global, int* exit_code) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* cmd = app.add_subcommand("show", "Show the claims about a subject side by side, or one claim");
  cmd->add_option("what", flags->what, "A subject id, finding id, claim id, or part of a subject's label")->required();
  cmd->add_option("--db", flags->db, "The store (default: ./crosscheck.db)");
  cmd->add_option("--format", flags->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([flags, &global, exit_code] { *exit_code = RunShow(*flags, global); });
}

}  // namespace crosscheck::cli
