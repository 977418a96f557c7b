// crosscheck report CORPUS --out DIR: the consistency report for a corpus.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "crosscheck/pipeline.h"

namespace crosscheck::cli {
namespace {

struct ReportFlags {
  std::string corpus;
  std::string out;
  std::string db;
  std::string manifest;
  bool strict = false;
  size_t jobs = 0;
  bool stats = false;
  EngineFlags engine;
};

// Progress on stderr, redrawn in place, only when stderr is a terminal: a bar
// while documents are read and extracted, then the stage being run. Redrawn at
// most every 100 ms, so a corpus of small files is not slowed by the terminal.
class ProgressPrinter : public RunObserver {
 public:
  explicit ProgressPrinter(bool enabled) : enabled_(enabled), started_(Clock::now()) {}
  ~ProgressPrinter() override { Clear(); }
  // Removes what is drawn, before the closing summary.
  void Finish() { Clear(); }
  void OnStage(std::string_view stage) override {
    Clear();
    spdlog::debug("stage: {}", stage);
    if (!enabled_ || stage == "extract") return;
    std::fprintf(stderr, "%s...", std::string(stage).c_str());
    drawn_ = true;
  }
  void OnDocument(size_t done, size_t total, uint64_t bytes) override {
    if (!enabled_ || total == 0) return;
    const auto now = Clock::now();
    if (done < total && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int kWidth = 30;
    const double fraction = static_cast<double>(done) / static_cast<double>(total);
    const int filled = static_cast<int>(fraction * kWidth);
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::fprintf(stderr, "\r\033[K[%.*s%*s] %3d%% %zu/%zu documents, %.1f MB (%.1f MB/s)", filled,
                 "##############################", kWidth - filled, "", static_cast<int>(fraction * 100), done, total,
                 mb, seconds > 0 ? mb / seconds : 0.0);
    std::fflush(stderr);
    drawn_ = true;
  }
  void OnDiagnostic(const Diagnostic& d) override {
    Clear();
    if (d.severity == Diagnostic::Severity::kNotice) {
      spdlog::info("{}", d.ToString());
    } else {
      spdlog::warn("{}", d.ToString());
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point started_;
  Clock::time_point last_draw_{};
};

// One line per stage: busy seconds (summed over threads for ingest and
// extract), throughput and the process's peak resident memory at its end.
void PrintStats(const RunSummary& s) {
  const double mb = static_cast<double>(s.bytes) / 1e6;
  std::fprintf(stderr, "crosscheck: stats: jobs %zu, %.2f MB, %zu documents, %zu claims, wall %.3f s, %.2f MB/s\n", s.jobs,
               mb, s.documents, s.claims, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0);
  for (const StageStats& stage : s.stages) {
    const double rate = stage.seconds > 0 ? 1.0 / stage.seconds : 0.0;
    std::fprintf(stderr,
                 "crosscheck: stats: stage %-8s %9.3f s  %9.2f MB/s  %10.0f docs/s  %11.0f claims/s  peak RSS %6.1f MiB\n",
                 stage.name.c_str(), stage.seconds, mb * rate, static_cast<double>(s.documents) * rate,
                 static_cast<double>(s.claims) * rate, static_cast<double>(stage.peak_rss_kib) / 1024.0);
  }
  std::fprintf(stderr, "crosscheck: stats: %zu subjects; %zu of %zu subject groups checked; report %s\n", s.subjects,
               s.subjects_checked, s.subject_groups,
               s.report_kept ? "kept (corpus, store and build unchanged)" : "written");
}

int RunReportCommand(const ReportFlags& flags, const GlobalFlags& global) {
  ConfigureLogging(global.quiet, global.verbose);
  int exit_code = 0;
  std::unique_ptr<Engine> engine = LoadEngine(flags.engine, &exit_code);
  if (!engine) return exit_code;
  RunOptions options;
  options.corpus = flags.corpus;
  options.out_dir = flags.out;
  options.db = flags.db;
  options.manifest = flags.manifest;
  options.strict = flags.strict;
  options.jobs = flags.jobs;
  ProgressPrinter progress(global.quiet == 0 && isatty(STDERR_FILENO) != 0);
  auto summary = RunReport(*engine, options, &progress);
  progress.Finish();
  if (!summary.ok()) {
    spdlog::error("{}", summary.status().message());
    return ExitFor(summary.status());
  }
  const RunSummary& s = *summary;
  auto count = [&](Verdict v) {
    auto it = s.verdicts.find(v);
    return it == s.verdicts.end() ? size_t{0} : it->second;
  };
  const double mb = static_cast<double>(s.bytes) / 1e6;
  if (global.quiet == 0) {
    std::fprintf(stderr,
                 "crosscheck: %zu documents (%zu extracted, %zu unchanged, %zu skipped), %zu claims, %zu subjects: "
                 "%zu conflict, %zu compatible, %zu agree, %zu single source; %.2f MB in %.2f s (%.1f MB/s)\n",
                 s.documents, s.extracted, s.reused, s.skipped, s.claims, s.subjects, count(Verdict::kConflict),
                 count(Verdict::kCompatible), count(Verdict::kAgree), count(Verdict::kSingleSource), mb, s.seconds,
                 s.seconds > 0 ? mb / s.seconds : 0.0);
    if (flags.stats) PrintStats(s);
    std::fprintf(stderr, "crosscheck: wrote %s, %s, %s and %s\n", s.report_json.generic_string().c_str(),
                 s.report_md.generic_string().c_str(), s.report_html.generic_string().c_str(),
                 s.db.generic_string().c_str());
  }
  return 0;
}

}  // namespace

void RegisterReportCommand(CLI::App& app, const GlobalFlags& global, int* exit_code) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* cmd = app.add_subcommand("report", "Extract claims from a corpus, check them across outlets, write the report");
  cmd->add_option("corpus", flags->corpus, "Folder of articles (.txt, .html), searched recursively")->required();
  cmd->add_option("--out,-o", flags->out, "Output folder for report.json, report.md, report.html and the store")->required();
  cmd->add_option("--db", flags->db, "SQLite store path (default: OUT/crosscheck.db)");
  cmd->add_option("--manifest", flags->manifest, "Outlets manifest (default: CORPUS/outlets.toml when present)");
  cmd->add_flag("--strict", flags->strict, "Fail when any corpus file has to be skipped");
  cmd->add_option("--jobs,-j", flags->jobs, "Extraction threads (default: one per core); the report is the same")
      ->check(CLI::Range(size_t{1}, size_t{256}));
  cmd->add_flag("--stats", flags->stats, "Print where the time went, stage by stage, on stderr");
  AddEngineFlags(cmd, &flags->engine);
  cmd->callback([flags, &global, exit_code] { *exit_code = RunReportCommand(*flags, global); });
}

}  // namespace crosscheck::cli
