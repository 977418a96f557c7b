// Helpers for end-to-end tests that run the whole pipeline.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "crosscheck/pipeline.h"
#include "test_support.h"

namespace crosscheck::testing {

// Runs the report for `corpus` into `out` with the default engine; fails the test on error.
RunSummary RunCorpus(const std::filesystem::path& corpus, const std::filesystem::path& out);

// Findings of one kind in a parsed report.json.
std::vector<nlohmann::json> FindingsOf(const nlohmann::json& report, const std::string& kind);

// Validates a report.json against schemas/report.schema.json with Debian's python3-jsonschema;
// returns the validator's output, empty on success.
std::string SchemaErrors(const std::filesystem::path& report);

}  // namespace crosscheck::testing
