// Reading findings back from a store, for `crosscheck conflicts` and
// `crosscheck show`: the same findings, subjects and claims as the run's
// report.json, filtered.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "crosscheck/status.h"

namespace crosscheck {

struct FindingFilter {
  std::string kind;     // template id, exact; "" for any
  std::string subject;  // case-insensitive part of the subject's label, id or a participant; "" for any
  std::string outlet;   // an outlet with a claim in the finding, any case; "" for any
  std::optional<Verdict> verdict;
};

// The findings of the store's latest run, conflicts first. IoError when there
// is no store at `db`; StoreCorrupt when it is not a crosscheck store.
Result<std::vector<Finding>> LoadStoredFindings(const std::filesystem::path& db);

bool MatchesFilter(const Finding& finding, const FindingFilter& filter);

// Findings as a JSON array, each as in report.json's "findings".
std::string FindingsToJson(const std::vector<const Finding*>& findings);

}  // namespace crosscheck
