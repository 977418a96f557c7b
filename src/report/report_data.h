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

struct ReportData {
  std::string corpus;                         // the corpus folder's name
  std::vector<DocumentSource> documents;      // sorted by path
  std::map<std::string, size_t> claims_per_document;  // by path
  size_t claims = 0;
  size_t subjects = 0;
  size_t skipped_documents = 0;
  std::vector<Finding> findings;              // conflicts first
  std::vector<Diagnostic> diagnostics;        // sorted by path, then line

  size_t Count(Verdict verdict) const;
  size_t OutletCount() const;
};

}  // namespace crosscheck::report
