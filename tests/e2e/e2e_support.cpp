#include "e2e_support.h"

#include <catch2/catch.hpp>

namespace crosscheck::testing {

RunSummary RunCorpus(const std::filesystem::path& corpus, const std::filesystem::path& out) {
  RunOptions options;
  options.corpus = corpus;
  options.out_dir = out;
  auto summary = RunReport(DefaultEngine(), options, nullptr);
  INFO((summary.ok() ? std::string() : summary.status().message()));
  REQUIRE(summary.ok());
  return *summary;
}

std::vector<nlohmann::json> FindingsOf(const nlohmann::json& report, const std::string& kind) {
  std::vector<nlohmann::json> out;
  for (const auto& f : report.at("findings")) {
    if (f.at("kind") == kind) out.push_back(f);
  }
  return out;
}

std::string SchemaErrors(const std::filesystem::path& report) {
  const std::string command = "/usr/bin/python3 " + (SourceDir() / "tests/e2e/validate_report.py").string() + " " +
                              (SourceDir() / "schemas/report.schema.json").string() + " " + report.string();
  std::string output;
  const int code = RunCommand(command, &output);
  return code == 0 ? std::string() : output;
}

}  // namespace crosscheck::testing
