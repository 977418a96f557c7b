// ReportData: everything a report writer needs, gathered once by the pipeline.
// Writers are pure functions of it, so every format tells the same story.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/document.h"
#include "crosscheck/finding.h"

namespace crosscheck::report {

// What the HTML report's document view says about a document besides its claims.
struct DocumentStats {
  size_t sentences = 0;  // body sentences, boilerplate excluded
  size_t removed = 0;    // boilerplate lines and trailers left out of matching
};

struct ReportData {
  std::string corpus;                         // the corpus folder's name
  std::vector<DocumentSource> documents;      // sorted by path
  std::map<std::string, size_t> claims_per_document;  // by path
  size_t claims = 0;
  size_t subjects = 0;
  size_t skipped_documents = 0;
  std::vector<Finding> findings;              // conflicts first
  std::vector<Diagnostic> diagnostics;        // sorted by path, then line
  std::map<std::string, DocumentStats> document_stats;  // by path; may be empty (then not shown)
  // The subject graph drawn by Graphviz `dot -Tsvg` (see graphviz_renderer.h);
  // empty when dot was missing or failed: report.html then draws its built-in layout.
  std::string graph_svg;

  size_t Count(Verdict verdict) const;
  size_t OutletCount() const;
};

}  // namespace crosscheck::report
