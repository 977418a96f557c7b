// The example template sets under examples/, on the real corpora in
// ../shared/corpora. Skipped, with a message, when the corpora are absent.
//
// The ECB+ expectations were checked by reading the articles of each cluster;
// the GVA floors sit slightly under what examples/gva-casualties/README.md
// reports, so that a change that loses accuracy fails here.
#include <catch2/catch.hpp>

#include <limits>
#include <map>
#include <memory>
#include <set>

#include "e2e_support.h"
#include "gva_accuracy.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kQuakeTemplates = "examples/ecbplus-earthquakes/templates";
constexpr const char* kQuakeKnowledge = "examples/ecbplus-earthquakes/knowledge";
constexpr const char* kGvaTemplates = "examples/gva-casualties";

bool CorpusAbsent(const std::string& name) {
  if (!SharedDir().empty() && fs::is_directory(SharedDir() / "corpora" / name)) return false;
  WARN("skipped: ../shared/corpora/" + name + " is not present (set CROSSCHECK_SHARED_DIR to run the example tests)");
  return true;
}

// The defaults plus an example's templates, and its knowledge when it has some.
const Engine& ExampleEngine(const std::string& templates, const std::string& knowledge = "") {
  static std::map<std::string, std::unique_ptr<Engine>> engines;
  auto& engine = engines[templates];
  if (!engine) {
    EngineOptions options;
    options.template_dirs = {SourceDir() / "templates", SourceDir() / templates};
    options.knowledge_dirs = {SourceDir() / "knowledge"};
    if (!knowledge.empty()) options.knowledge_dirs.push_back(SourceDir() / knowledge);
    auto loaded = Engine::Load(options, nullptr);
    INFO((loaded.ok() ? std::string() : loaded.status().message()));
    REQUIRE(loaded.ok());
    engine = std::move(*loaded);
  }
  return *engine;
}

// The report of one ECB+ event cluster ("37/ecbplus"), made once per process.
const Json& EcbCluster(const std::string& cluster) {
  static std::map<std::string, Json> reports;
  static TempDir out;
  auto it = reports.find(cluster);
  if (it != reports.end()) return it->second;
  std::string name = cluster;
  for (char& c : name) c = c == '/' ? '_' : c;
  RunOptions options;
  options.corpus = SharedDir() / "corpora" / "ecbplus" / cluster;
  options.out_dir = out / name;
  auto summary = RunReport(ExampleEngine(kQuakeTemplates, kQuakeKnowledge), options, nullptr);
  INFO((summary.ok() ? std::string() : summary.status().message()));
  REQUIRE(summary.ok());
  return reports[cluster] = Json::parse(ReadFile(summary->report_json));
}

// The finding of `kind` with the most outlets: the cluster's main quake.
const Json& MainFinding(const Json& report, const std::string& kind) {
  const Json* best = nullptr;
  for (const Json& f : report.at("findings")) {
    if (f.at("kind") != kind) continue;
    if (best == nullptr || f.at("outlets").get<int>() > best->at("outlets").get<int>()) best = &f;
  }
  INFO("no finding of " << kind);
  REQUIRE(best != nullptr);
  return *best;
}

std::set<std::string> OutletsSaying(const Json& finding, const std::string& value) {
  std::set<std::string> outlets;
  for (const Json& c : finding.at("claims")) {
    if (c.at("value") == value) outlets.insert(c.at("outlet").get<std::string>());
  }
  return outlets;
}

}  // namespace

TEST_CASE("examples: both template sets lint clean and their examples pass", "[e2e][examples]") {
  const std::string cd = "cd " + SourceDir().string() + " && " + BinaryPath().string();
  for (const std::string& folder :
       {std::string(kQuakeTemplates) + " --knowledge " + kQuakeKnowledge, std::string(kGvaTemplates)}) {
    std::string lint;
    std::string test;
    CHECK(RunCommand(cd + " templates lint " + folder, &lint) == 0);
    CHECK(RunCommand(cd + " templates test " + folder, &test) == 0);
    INFO(lint << "\n" << test);
    CHECK(test.find("; no errors") != std::string::npos);
    CHECK(test.find("no examples to run") == std::string::npos);
  }
}

TEST_CASE("examples: ECB+ Aceh quake of July 2013 (37/ecbplus): every outlet says magnitude 6.1", "[e2e][examples][ecbplus]") {
  if (CorpusAbsent("ecbplus")) return;
  const Json& magnitude = MainFinding(EcbCluster("37/ecbplus"), "quake_magnitude");
  CHECK(magnitude.at("verdict") == "agree");
  CHECK(magnitude.at("outlets").get<int>() >= 12);
  CHECK(OutletsSaying(magnitude, "6.1").size() == static_cast<size_t>(magnitude.at("outlets").get<int>()));
  CHECK(magnitude.at("subject").at("label").get<std::string>().find("Aceh") != std::string::npos);
  // The toll rose during the day: one dead (AP, early), five (AFP), 24 (the disaster agency, next day).
  const Json& deaths = MainFinding(EcbCluster("37/ecbplus"), "quake_deaths");
  CHECK(deaths.at("verdict") == "conflict");
  CHECK(!OutletsSaying(deaths, "24").empty());
  CHECK(!OutletsSaying(deaths, "5").empty());
}

TEST_CASE("examples: ECB+ Qeshm quake of November 2005 (20/ecbplus): 5.9 (Tehran) against 6.1 (USGS), ten dead", "[e2e][examples][ecbplus]") {
  if (CorpusAbsent("ecbplus")) return;
  const Json& report = EcbCluster("20/ecbplus");
  const Json& magnitude = MainFinding(report, "quake_magnitude");
  CHECK(magnitude.at("verdict") == "conflict");
  CHECK(!OutletsSaying(magnitude, "5.9").empty());
  CHECK(!OutletsSaying(magnitude, "6.1").empty());
  const Json& deaths = MainFinding(report, "quake_deaths");
  CHECK(OutletsSaying(deaths, "10").size() >= 6);
}

TEST_CASE("examples: ECB+ Qeshm island quake (20/ecb): five injured, but two per ISNA", "[e2e][examples][ecbplus]") {
  if (CorpusAbsent("ecbplus")) return;
  const Json& report = EcbCluster("20/ecb");
  const Json& injuries = MainFinding(report, "quake_injuries");
  CHECK(injuries.at("verdict") == "conflict");
  CHECK(OutletsSaying(injuries, "5").size() >= 2);
  CHECK(!OutletsSaying(injuries, "2").empty());
  const Json& magnitude = MainFinding(report, "quake_magnitude");
  CHECK(OutletsSaying(magnitude, "5.6").size() >= 4);
}

TEST_CASE("examples: ECB+ Geysers quake in Northern California (38/ecbplus): magnitude 4.6, agreed", "[e2e][examples][ecbplus]") {
  if (CorpusAbsent("ecbplus")) return;
  const Json& magnitude = MainFinding(EcbCluster("38/ecbplus"), "quake_magnitude");
  CHECK(magnitude.at("verdict") == "agree");
  CHECK(OutletsSaying(magnitude, "4.6").size() >= 8);  // places from examples/ecbplus-earthquakes/knowledge
}

TEST_CASE("examples: ECB+ Geysers quake (38/ecb): the USGS revised 4.4 to 4.2, and outlets differ", "[e2e][examples][ecbplus]") {
  if (CorpusAbsent("ecbplus")) return;
  const Json& magnitude = MainFinding(EcbCluster("38/ecb"), "quake_magnitude");
  CHECK(magnitude.at("verdict") == "conflict");
  CHECK(OutletsSaying(magnitude, "4.4").size() >= 2);
  CHECK(OutletsSaying(magnitude, "4.2").size() >= 2);
  CHECK(OutletsSaying(magnitude, "2").empty());  // "Earlier this morning, ... a preliminary magnitude of 2.0": another quake
}

TEST_CASE("examples: the outlets' agreed value is each outlet's toll, then what every toll admits", "[examples][gva]") {
  using examples::AgreedValue;
  using examples::FindingClaimInterval;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const FindingClaimInterval four{"a", 4, 4, false, false, false};
  CHECK(AgreedValue("agree", {four, {"b", 4, 4, false, false, false}}) == 4);
  CHECK(AgreedValue("compatible", {four, {"b", 3, kInf, false, false, false}}) == 4);   // "at least 3"
  CHECK(AgreedValue("agree", {{"a", 2, kInf, false, false, false}}) == std::nullopt);   // "at least 2" fixes nothing
  CHECK(AgreedValue("conflict", {four, {"b", 5, 5, false, false, false}}) == std::nullopt);
  CHECK(AgreedValue("single_source", {four, {"a", 2, 2, false, false, false}}) == 4);  // a part beside the toll
  CHECK(AgreedValue("compatible", {{"a", 2, 5, false, false, false}, {"b", 3, 3, false, false, false}}) == 3);
  CHECK(AgreedValue("agree", {{"a", 4, 4, false, false, true}}) == std::nullopt);       // only a denial
  CHECK(AgreedValue("compatible", {{"a", 3, 4, true, false, false}}) == 4);             // (3, 4]
}

TEST_CASE("examples: GVA killed and injured counts match the archive's records", "[e2e][examples][gva]") {
  if (CorpusAbsent("gva_semeval2018_task5")) return;
  const examples::GvaAccuracy r =
      examples::MeasureGvaAccuracy(ExampleEngine(kGvaTemplates), SharedDir() / "corpora" / "gva_semeval2018_task5");
  INFO("killed: " << r.killed.exact << " of " << r.killed.incidents << ", injured: " << r.injured.exact << " of "
                  << r.injured.incidents << " (" << r.seconds << " s)");
  CHECK(r.errors.empty());
  CHECK(r.failed_runs == 0);
  CHECK(r.incidents >= 590);
  // Floors slightly under the measured figures in examples/gva-casualties/README.md.
  CHECK(r.killed.accuracy() >= 0.38);
  CHECK(r.injured.accuracy() >= 0.25);
  CHECK(r.killed.covered_accuracy() >= 0.84);
  CHECK(r.injured.covered_accuracy() >= 0.74);
}

}  // namespace crosscheck::testing
