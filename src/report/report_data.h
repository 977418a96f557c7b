// ReportData: everything a report writer needs, gathered once by the pipeline.
// Writers are pure functions of it, so every format tells the same story.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/document.h"
#include "crosscheck/finding.h"
#include "check/quote_drift.h"
#include "check/truth_discovery.h"
#include "crosscheck/source_cluster.h"
#include "extract/time_anchor.h"

namespace crosscheck::report {

// What the HTML report's document view says about a document besides its claims.
struct DocumentStats {
  size_t sentences = 0;  // body sentences, boilerplate excluded
  size_t removed = 0;    // boilerplate lines and trailers left out of matching
};

// Independent sources among the documents of one folder of the corpus (in
// ECB+, a folder is one event: how many of its articles are not copies).
struct FolderSources {
  std::string folder;  // relative to the corpus, '/'-separated; "." for its top level
  size_t documents = 0;
  size_t independent_sources = 0;
};

struct ReportData {
  std::string corpus;                         // the corpus folder's name
  std::vector<DocumentSource> documents;      // sorted by path
  std::map<std::string, extract::TimeAnchor> anchors;  // by document path: what relative dates count from
  std::map<std::string, size_t> claims_per_document;  // by path
  size_t claims = 0;
  size_t subjects = 0;
  size_t skipped_documents = 0;
  std::vector<Finding> findings;              // conflicts first
  SourceClusters sources;                     // copies of one story; documents == 0 when not computed
  std::vector<check::QuoteDrift> quote_drift;  // one speaker quoted differently by two documents
  check::TruthDiscovery truth;                // consensus per finding and outlet reliability; empty when not computed
  std::vector<Diagnostic> diagnostics;        // sorted by path, then line
  std::map<std::string, DocumentStats> document_stats;  // by path; may be empty (then not shown)
  // The subject graph drawn by Graphviz `dot -Tsvg` (see graphviz_renderer.h);
  // empty when dot was missing or failed: report.html then draws its built-in layout.
  std::string graph_svg;

  size_t Count(Verdict verdict) const;
  size_t OutletCount() const;
  size_t WeakConflicts() const;
  size_t SelfContradictions() const;  // findings in which some document contradicts itself  // conflicts resting on a hedge or on different attributions
  // Per folder, sorted by folder; copies in another folder count where they are.
  std::vector<FolderSources> SourcesByFolder() const;
};

}  // namespace crosscheck::report
