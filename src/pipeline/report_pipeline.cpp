#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>

#include "check/consistency_checker.h"
#include "check/value_comparator.h"
#include "crosscheck/pipeline.h"
#include "ingest/corpus_scanner.h"
#include "ingest/outlet_manifest.h"
#include "link/subject_linker.h"
#include "pipeline/engine_impl.h"
#include "report/json_report_writer.h"
#include "report/markdown_report_writer.h"
#include "report/report_data.h"
#include "store/store.h"
#include "util/content_hash.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

// Writes a file whole or not at all: a crash mid-write leaves the previous report.
Status WriteFileAtomically(const fs::path& path, const std::string& contents) {
  const fs::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(path.generic_string() + ": cannot write (is the output folder writable?)");
    out << contents;
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return Status::IoError(path.generic_string() + ": write failed (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) return Status::IoError(path.generic_string() + ": cannot replace: " + ec.message());
  return Status::Ok();
}

std::map<std::string, link::TemplateRules> RulesOf(const extract::TemplateSet& templates) {
  std::map<std::string, link::TemplateRules> rules;
  for (const auto& t : templates.templates()) {
    link::TemplateRules r;
    r.subject_kind = t.spec.subject_kind;
    r.label = t.spec.label;
    for (const auto& role : t.spec.roles) {
      if (!role.identifies) r.non_identifying_roles.insert(role.name);
    }
    rules[t.spec.id] = r;
  }
  return rules;
}

class Run {
 public:
  Run(const Engine& engine, const RunOptions& options, RunObserver* observer)
      : engine_(engine), impl_(engine.impl()), options_(options), observer_(observer) {}

  Result<RunSummary> Execute() {
    const auto started = std::chrono::steady_clock::now();
    Status status = Prepare();
    if (!status.ok()) return status;
    auto run = store_->BeginRun(options_.corpus.generic_string(), engine_.templates_fingerprint(),
                                engine_.knowledge_fingerprint());
    if (!run.ok()) return run.status();
    run_ = *run;
    status = Ingest();
    if (status.ok()) status = CheckAndReport();
    store::RunCounts counts{summary_.documents, summary_.extracted, summary_.skipped, summary_.claims, summary_.findings};
    Status recorded = store_->AddDiagnostics(run_, summary_.diagnostics);
    Status finished = store_->FinishRun(run_, status.ok(), counts);
    if (!status.ok()) return status;
    if (!recorded.ok()) return recorded;
    if (!finished.ok()) return finished;
    summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary_;
  }

 private:
  void Diagnose(Diagnostic d) {
    if (observer_ != nullptr) observer_->OnDiagnostic(d);
    summary_.diagnostics.push_back(std::move(d));
  }

  Status Prepare() {
    auto listing = ingest::ScanCorpus(options_.corpus);
    if (!listing.ok()) return listing.status();
    listing_ = std::move(listing).value();
    for (Diagnostic& d : listing_.problems) Diagnose(std::move(d));
    fs::path manifest = options_.manifest;
    std::error_code ec;
    if (manifest.empty() && fs::is_regular_file(options_.corpus / ingest::OutletManifest::kDefaultFileName, ec)) {
      manifest = options_.corpus / ingest::OutletManifest::kDefaultFileName;
    }
    if (!manifest.empty()) {
      auto loaded = ingest::OutletManifest::Load(manifest);
      if (!loaded.ok()) return loaded.status();
      manifest_ = std::move(loaded).value();
    }
    fs::create_directories(options_.out_dir, ec);
    if (ec || !fs::is_directory(options_.out_dir, ec)) {
      return Status::IoError(options_.out_dir.generic_string() + ": cannot create the output folder" +
                             (ec ? ": " + ec.message() : ""));
    }
    summary_.db = options_.db.empty() ? options_.out_dir / "crosscheck.db" : options_.db;
    if (summary_.db.has_parent_path()) fs::create_directories(summary_.db.parent_path(), ec);
    auto store = store::Store::Open(summary_.db);
    if (!store.ok()) return store.status();
    store_ = std::move(store).value();
    return Status::Ok();
  }

  Status Flush(std::vector<Document>* documents, std::vector<std::vector<Claim>>* claims, std::vector<bool>* extracted) {
    std::vector<store::DocumentWrite> batch;
    for (size_t i = 0; i < documents->size(); ++i) {
      batch.push_back({&(*documents)[i], (*extracted)[i] ? &(*claims)[i] : nullptr, engine_.fingerprint()});
    }
    Status status = store_->WriteBatch(run_, batch);
    documents->clear();
    claims->clear();
    extracted->clear();
    return status;
  }

  Status Ingest() {
    if (observer_ != nullptr) observer_->OnStage("extract");
    summary_.documents = listing_.files.size();
    std::vector<Document> documents;
    std::vector<std::vector<Claim>> claims;
    std::vector<bool> extracted;
    size_t done = 0;
    for (const ingest::CorpusFile& file : listing_.files) {
      DocumentSource source = manifest_.Describe(file.relative);
      auto bytes = ingest::ReadFileBytes(file.path);
      ++done;
      if (!bytes.ok()) {
        ++summary_.skipped;
        Diagnose({Diagnostic::Severity::kWarning, file.relative, 0, "skipped: " + bytes.status().message()});
        if (options_.strict) return Status::InvalidInput(file.relative + ": " + bytes.status().message() + " (--strict)");
        continue;
      }
      summary_.bytes += bytes->size();
      const std::string hash = util::Sha256Hex(*bytes);
      auto stored = store_->FindDocument(hash);
      if (!stored.ok()) return stored.status();
      if (stored->has_value() && (*stored)->extracted_with == engine_.fingerprint()) {
        // Unchanged content, same templates and knowledge: the stored claims stand.
        Document doc;
        doc.source = std::move(source);
        doc.content_hash = hash;
        documents.push_back(std::move(doc));
        claims.emplace_back();
        extracted.push_back(false);
        ++summary_.reused;
      } else {
        Document doc = impl_.loader->FromBytes(std::move(bytes).value(), std::move(source), file.html);
        for (const Diagnostic& d : doc.diagnostics) Diagnose(d);
        claims.push_back(impl_.extractor->Extract(doc).claims);
        documents.push_back(std::move(doc));
        extracted.push_back(true);
        ++summary_.extracted;
      }
      if (observer_ != nullptr) observer_->OnDocument(done, listing_.files.size(), summary_.bytes);
      if (documents.size() >= options_.batch_size) {
        Status status = Flush(&documents, &claims, &extracted);
        if (!status.ok()) return status;
      }
    }
    return Flush(&documents, &claims, &extracted);
  }

  Status CheckAndReport() {
    if (observer_ != nullptr) observer_->OnStage("link");
    auto claims = store_->LoadClaims(run_);
    if (!claims.ok()) return claims.status();
    summary_.claims = claims->size();
    link::LinkResult linked = link::LinkSubjects(*claims, RulesOf(*impl_.templates), &impl_.knowledge.places());
    if (observer_ != nullptr) observer_->OnStage("check");
    check::ValueComparator comparator(impl_.knowledge.places());
    check::ConsistencyChecker checker(comparator);
    std::vector<Finding> findings = checker.CheckAll(linked, *claims);
    summary_.subjects = linked.subjects;
    summary_.findings = findings.size();
    for (const Finding& f : findings) ++summary_.verdicts[f.verdict];
    Status status = store_->ReplaceFindings(run_, findings);
    if (!status.ok()) return status;

    if (observer_ != nullptr) observer_->OnStage("report");
    report::ReportData data;
    data.corpus = fs::absolute(options_.corpus).lexically_normal().filename().string();
    if (data.corpus.empty()) data.corpus = fs::absolute(options_.corpus).lexically_normal().parent_path().filename().string();
    auto sources = store_->LoadSources(run_);
    if (!sources.ok()) return sources.status();
    data.documents = std::move(sources).value();
    for (const SourcedClaim& c : *claims) ++data.claims_per_document[c.source.path];
    data.claims = claims->size();
    data.subjects = linked.subjects;
    data.skipped_documents = summary_.skipped;
    data.findings = std::move(findings);
    data.diagnostics = summary_.diagnostics;
    std::stable_sort(data.diagnostics.begin(), data.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.path != b.path ? a.path < b.path : a.line < b.line;
    });
    std::ostringstream json;
    report::WriteJsonReport(data, json);
    std::ostringstream markdown;
    report::WriteMarkdownReport(data, markdown);
    summary_.report_json = options_.out_dir / "report.json";
    summary_.report_md = options_.out_dir / "report.md";
    status = WriteFileAtomically(summary_.report_json, json.str());
    if (!status.ok()) return status;
    return WriteFileAtomically(summary_.report_md, markdown.str());
  }

  const Engine& engine_;
  const Engine::Impl& impl_;
  const RunOptions& options_;
  RunObserver* observer_;
  ingest::CorpusListing listing_;
  ingest::OutletManifest manifest_;
  std::unique_ptr<store::Store> store_;
  int64_t run_ = 0;
  RunSummary summary_;
};

}  // namespace

Result<RunSummary> RunReport(const Engine& engine, const RunOptions& options, RunObserver* observer) {
  return Run(engine, options, observer).Execute();
}

}  // namespace crosscheck
