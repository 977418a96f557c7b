// The report pipeline: corpus folder in, consistency report out.
//
//   ingest -> extract -> store -> link -> check -> report
//
// RunReport() reads every article of the corpus, extracts claims with the
// engine's templates (reusing stored extractions whose content, templates and
// knowledge did not change; after templates were edited, added or removed,
// re-extracting unchanged articles with those templates only), keeps everything in the SQLite store, links claims into
// subjects, gives each subject a verdict, and writes report.json,
// report.md and report.html. Start reading here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/engine.h"
#include "crosscheck/finding.h"
#include "crosscheck/status.h"

namespace crosscheck {

struct RunOptions {
  std::filesystem::path corpus;    // folder of articles (searched recursively)
  std::filesystem::path out_dir;   // where report.json, report.md and report.html go; created if missing
  std::filesystem::path db;        // the store; default: out_dir / "crosscheck.db"
  std::filesystem::path manifest;  // outlets manifest; default: corpus/outlets.toml when present
  bool strict = false;             // a skipped file fails the run. Default: skip, warn, go on
  size_t batch_size = 256;         // documents per store transaction
  // Extraction threads; 0: one per core. The report is the same whatever the number.
  size_t jobs = 0;
  // Larger files are skipped unread (ingest::kMaxArticleBytes: articles are never that big).
  uint64_t max_file_bytes = 64ull << 20;
  // Graphviz `dot`, run (without a shell) to draw the subject graph in
  // report.html; looked up on PATH. Empty, missing or failing: report.html
  // draws its built-in layout instead. Default: "dot".
  std::string graphviz_dot = "dot";
};

// Where a run's time went, stage by stage, for --stats and bench/run.sh.
struct StageStats {
  std::string name;          // ingest, extract, store, link, check, report
  double seconds = 0;        // busy time; for ingest and extract summed over the threads
  uint64_t peak_rss_kib = 0; // the process's peak resident memory when the stage ended
};

struct RunSummary {
  size_t documents = 0;            // articles in the corpus
  size_t extracted = 0;            // read and extracted in full by this run: new or changed content,
                                   // or a changed extractor or knowledge base
  size_t reextracted = 0;          // unchanged content re-extracted in part, after templates were
                                   // changed, added or removed: see `templates_rerun`
  std::vector<std::string> templates_rerun;  // the changed or added templates those were re-extracted
                                             // with, sorted (removed ones only lose their claims)
  size_t sentences_rematched = 0;  // sentences of those matched again, with every template
  size_t reused = 0;               // unchanged since a previous run: claims reused from the store
  size_t skipped = 0;              // files not read, each with a warning saying why: unreadable,
                                   // too large, binary, empty, a link loop, a folder that cannot be listed
  size_t claims = 0;
  size_t subjects = 0;
  size_t subject_groups = 0;       // a claim kind about a subject: the unit a verdict is given to
  size_t subjects_checked = 0;     // subject groups this run checked: those whose inputs changed since the
                                   // last completed run (0 when it kept the report); the others reuse
                                   // their stored findings
  bool report_kept = false;        // the corpus, store and build were unchanged since the last
                                   // report and its files were intact: they were kept, not rewritten
  size_t findings = 0;
  std::map<Verdict, size_t> verdicts;
  uint64_t bytes = 0;              // bytes of article text read
  double seconds = 0;
  size_t jobs = 1;                 // extraction threads used
  std::vector<StageStats> stages;  // in pipeline order
  std::filesystem::path report_json;
  std::filesystem::path report_md;
  std::filesystem::path report_html;
  std::filesystem::path db;
  std::vector<Diagnostic> diagnostics;
};

// Receives progress; all methods are optional. Called from the run's thread.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void OnStage(std::string_view /*stage*/) {}
  virtual void OnDocument(size_t /*done*/, size_t /*total*/, uint64_t /*bytes*/) {}
  virtual void OnDiagnostic(const Diagnostic& /*diagnostic*/) {}
};

// Runs the whole pipeline. Returns a summary when the run completed, whatever
// the verdicts; an error Status when it could not run (bad corpus folder,
// unwritable output, store refused, or a skipped file under `strict`).
Result<RunSummary> RunReport(const Engine& engine, const RunOptions& options, RunObserver* observer);

}  // namespace crosscheck
