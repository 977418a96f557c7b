// crosscheck explain FILE [--template ID]: what each sentence matched, and what almost did.
#include <iostream>
#include <memory>

#include "cli/cli_common.h"
#include "cli/commands.h"

namespace crosscheck::cli {
namespace {

struct ExplainFlags {
  std::string file;
  std::string only;
  std::string published;
  EngineFlags engine;
};

int Explain(const ExplainFlags& flags, const GlobalFlags& global) {
  ConfigureLogging(global.quiet, global.verbose);
  int exit_code = 0;
  auto engine = LoadEngine(flags.engine, &exit_code);
  if (!engine) return exit_code;
  DocumentSource source{flags.file, std::filesystem::path(flags.file).stem().string(), "", flags.published};
  auto doc = engine->PrepareFile(flags.file, source);
  if (!doc.ok()) {
    std::cerr << doc.status().message() << "\n";
    return ExitFor(doc.status());
  }
  ExtractionResult result = engine->Extract(*doc, true, flags.only);
  std::cout << flags.file << ": " << doc->sentences.size() << " sentences, " << result.claims.size() << " claims\n";
  for (const RemovedSpan& r : doc->removed) {
    std::cout << "  removed bytes " << r.raw.begin << "-" << r.raw.end << ": " << r.reason << "\n";
  }
  for (const Diagnostic& d : doc->diagnostics) std::cout << "  " << d.ToString() << "\n";
  for (const Sentence& s : doc->sentences) {
    bool any = false;
    for (const Claim& c : result.claims) any = any || c.sentence == s.index;
    for (const NearMissInfo& m : result.near_misses) any = any || m.sentence == s.index;
    if (!any && global.verbose == 0) continue;
    std::cout << "\n[" << s.index << "] bytes " << s.raw.begin << "-" << s.raw.end << ": " << doc->SentenceText(s) << "\n";
    std::string names;
    for (const MentionInfo& m : result.mentions) {
      if (m.sentence != s.index) continue;
      names += (names.empty() ? "" : "; ") + m.text;
      if (m.canonical != m.text) names += " = " + m.canonical;
      names += " (" + m.kind + (m.known ? "" : ", not in the knowledge base") + ")";
    }
    std::cout << "  names: " << (names.empty() ? "none recognised" : names) << "\n";
    for (const Claim& c : result.claims) {
      if (c.sentence != s.index) continue;
      std::cout << "  MATCH " << c.template_id << " (pattern " << c.pattern << "): value " << c.value.display
                << " from \"" << c.value.text << "\"\n";
      std::cout << "    modality: " << ModalityName(c.modality)
                << (c.modality_cue.empty() ? "" : " (cue \"" + c.modality_cue + "\")") << "\n";
      if (!c.attribution.empty()) std::cout << "    attributed to: " << c.attribution << "\n";
      for (const RoleFiller& f : c.roles) {
        std::cout << "    " << f.role << ": " << f.entity << " (" << f.entity_kind << ", \"" << f.mention << "\", "
                  << (f.via == "slot" ? "from the pattern's slot"
                      : f.via == "sentence" ? "named elsewhere in this sentence"
                                            : "from sentence " + std::to_string(f.sentence))
                  << ")\n";
      }
    }
    for (const NearMissInfo& m : result.near_misses) {
      if (m.sentence != s.index) continue;
      std::cout << "  NEAR MISS " << m.template_id << " (pattern " << m.pattern << "): " << m.reason << "\n";
    }
  }
  return 0;
}

}  // namespace

void RegisterExplainCommand(CLI::App& app, const GlobalFlags& global, int* exit_code) {
  auto flags = std::make_shared<ExplainFlags>();
  CLI::App* cmd = app.add_subcommand("explain", "Show what each sentence of an article matched, and why not");
  cmd->add_option("file", flags->file, "An article file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--template", flags->only, "Only this template id");
  cmd->add_option("--published", flags->published, "Publication date (YYYY-MM-DD) for relative dates");
  AddEngineFlags(cmd, &flags->engine);
  cmd->callback([flags, &global, exit_code] { *exit_code = Explain(*flags, global); });
}

}  // namespace crosscheck::cli
