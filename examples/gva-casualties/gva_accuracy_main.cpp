// gva_accuracy: how often the outlets' agreed casualty counts equal the Gun
// Violence Archive's record.
//
//   gva_accuracy [CORPUS] [--list]
//
// CORPUS defaults to ../shared/corpora/gva_semeval2018_task5 next to the
// source tree. --list also prints every incident whose agreed value differs
// from the record or is missing. Exit code 0 when it ran, 1 when the corpus or
// the templates could not be used.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "crosscheck/engine.h"
#include "gva_accuracy.h"

namespace {

namespace fs = std::filesystem;
using crosscheck::examples::GvaAccuracy;
using crosscheck::examples::KindAccuracy;

void PrintRow(const KindAccuracy& k) {
  std::printf("%-8s %9zu %9zu %8zu %6.1f%% %8zu %7zu %9.1f%% %12.1f%%\n", k.kind.c_str(), k.incidents, k.with_finding,
              k.covered, 100.0 * k.coverage(), k.covered_single, k.exact, 100.0 * k.accuracy(),
              100.0 * k.covered_accuracy());
}

std::string Show(const std::optional<long>& v) { return v ? std::to_string(*v) : "-"; }

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus = fs::path(CROSSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora" / "gva_semeval2018_task5";
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--list") == 0) {
      list = true;
    } else if (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0) {
      std::printf("usage: gva_accuracy [CORPUS] [--list]\n");
      return 0;
    } else {
      corpus = argv[i];
    }
  }
  std::error_code ec;
  if (!fs::is_directory(corpus, ec)) {
    std::fprintf(stderr, "gva_accuracy: %s: no such corpus folder\n", corpus.string().c_str());
    return 1;
  }
  const fs::path source = CROSSCHECK_SOURCE_DIR;
  crosscheck::EngineOptions options;
  options.template_dirs = {source / "templates", source / "examples" / "gva-casualties"};
  options.knowledge_dirs = {source / "knowledge"};
  auto engine = crosscheck::Engine::Load(options, nullptr);
  if (!engine.ok()) {
    std::fprintf(stderr, "gva_accuracy: %s\n", engine.status().message().c_str());
    return 1;
  }
  const GvaAccuracy r = crosscheck::examples::MeasureGvaAccuracy(**engine, corpus);
  for (const std::string& e : r.errors) std::fprintf(stderr, "gva_accuracy: %s\n", e.c_str());
  if (list) {
    std::printf("%-8s %6s %6s %-14s %6s %6s %-14s\n", "incident", "killed", "agreed", "verdict", "injur.", "agreed",
                "verdict");
    for (const auto& o : r.outcomes) {
      const bool killed_ok = o.killed && *o.killed == o.gva_killed;
      const bool injured_ok = o.injured && *o.injured == o.gva_injured;
      if (killed_ok && injured_ok) continue;
      std::printf("%-8s %6d %6s %-14s %6d %6s %-14s\n", o.incident_id.c_str(), o.gva_killed, Show(o.killed).c_str(),
                  o.killed_verdict.c_str(), o.gva_injured, Show(o.injured).c_str(), o.injured_verdict.c_str());
    }
    std::printf("\n");
  }
  std::printf("GVA corpus: %s\n", fs::weakly_canonical(corpus, ec).string().c_str());
  std::printf("%zu incidents with a GVA record (%zu without one, not measured), %zu articles, %.1f s\n\n", r.incidents,
              r.without_record, r.documents, r.seconds);
  std::printf("%-8s %9s %9s %8s %7s %8s %7s %10s %13s\n", "kind", "values", "findings", "covered", "cov.",
              "1-outlet", "exact", "acc.(all)", "acc.(covered)");
  PrintRow(r.killed);
  PrintRow(r.injured);
  PrintRow(r.Overall());
  return r.failed_runs == 0 ? 0 : 1;
}
