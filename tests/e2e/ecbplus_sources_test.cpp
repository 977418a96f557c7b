// End to end on ECB+ (../shared/corpora/ecbplus), where many articles of an
// event are copies of one wire story. The expected clusters were checked by
// reading the articles:
//
//   1/ecbplus (Lindsay Lohan enters rehab, May 2013), 21 articles:
//     1_2 (CBS), 1_5 (Inquirer) and 1_21 (Yahoo) are the AP story "Lawyer:
//     Lindsay Lohan checks into rehab facility"; 1_6 (E! Online) and 1_17
//     (Today) open with the same sentence ("Early Friday morning, around
//     1:30 a.m., the 26-year-old actress checked into Betty Ford Center in
//     Rancho Mirage, Calif."). The others are written independently (several
//     cite AP or TMZ in their own words): 18 independent sources.
//   26/ecbplus (Vincent Gigante dies in prison, December 2005), 11 articles:
//     26_2 (USA Today), 26_3 (NBC), 26_8 (Democratic Underground), 26_9 (Sun
//     Journal) and 26_11 (Deseret News) are versions of the AP obituary ("the
//     powerful Mafioso who avoided jail for decades by wandering the streets in
//     a ratty bathrobe"); UPI, the New York Times, the BBC, the New York Sun,
//     Reuters (via redorbit) and a Q&A site are separate: 7 independent sources.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "e2e_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

fs::path Ecbplus() {
  if (SharedDir().empty() || !fs::is_directory(SharedDir() / "corpora" / "ecbplus")) return {};
  return SharedDir() / "corpora" / "ecbplus";
}

std::set<std::set<std::string>> Clusters(const Json& report) {
  std::set<std::set<std::string>> clusters;
  for (const Json& c : report.at("source_clusters")) {
    std::set<std::string> docs;
    for (const Json& d : c.at("documents")) {
      const std::string path = d.get<std::string>();
      docs.insert(path.substr(path.rfind('/') + 1, path.find("ecbplus.txt") - path.rfind('/') - 1));
    }
    clusters.insert(docs);
  }
  return clusters;
}

Json RunFolder(const fs::path& folder, const TempDir& out) {
  RunCorpus(folder, out.path());
  INFO(SchemaErrors(out / "report.json"));
  CHECK(SchemaErrors(out / "report.json").empty());
  return Json::parse(ReadFile(out / "report.json"));
}

}  // namespace

TEST_CASE("ecbplus: the Lohan rehab articles are 18 independent sources among 21", "[e2e][ecbplus][sources]") {
  if (Ecbplus().empty()) {
    WARN("skipped: ../shared/corpora/ecbplus is not present");
    return;
  }
  TempDir out;
  const Json report = RunFolder(Ecbplus() / "1" / "ecbplus", out);
  CHECK(report.at("summary").at("documents") == 21);
  CHECK(report.at("summary").at("independent_sources") == 18);
  CHECK(Clusters(report) == std::set<std::set<std::string>>{{"1_2", "1_5", "1_21"}, {"1_6", "1_17"}});
  for (const Json& c : report.at("source_clusters")) {
    for (const Json& link : c.at("links")) CHECK(!link.at("reason").get<std::string>().empty());
  }
  const std::string md = ReadFile(out / "report.md");
  CHECK(md.find("## Copies") != std::string::npos);
  CHECK(md.find("21 documents, 18 independent sources") != std::string::npos);
}

TEST_CASE("ecbplus: five versions of the AP Gigante obituary are one source; 7 independent sources among 11",
          "[e2e][ecbplus][sources]") {
  if (Ecbplus().empty()) {
    WARN("skipped: ../shared/corpora/ecbplus is not present");
    return;
  }
  TempDir out;
  const Json report = RunFolder(Ecbplus() / "26" / "ecbplus", out);
  CHECK(report.at("summary").at("documents") == 11);
  CHECK(report.at("summary").at("independent_sources") == 7);
  CHECK(Clusters(report) == std::set<std::set<std::string>>{{"26_2", "26_3", "26_8", "26_9", "26_11"}});
}

TEST_CASE("ecbplus: independent sources are counted per event folder", "[e2e][ecbplus][sources]") {
  if (Ecbplus().empty()) {
    WARN("skipped: ../shared/corpora/ecbplus is not present");
    return;
  }
  // Topic 1 holds both events (ecb: Tara Reid, ecbplus: Lindsay Lohan); copies never cross events.
  TempDir out;
  const Json report = RunFolder(Ecbplus() / "1", out);
  std::map<std::string, std::pair<int, int>> folders;
  for (const Json& f : report.at("sources_by_folder")) {
    folders[f.at("folder").get<std::string>()] = {f.at("documents").get<int>(), f.at("independent_sources").get<int>()};
  }
  REQUIRE(folders.count("ecbplus") == 1);
  CHECK(folders["ecbplus"] == std::pair<int, int>{21, 18});
  REQUIRE(folders.count("ecb") == 1);
  for (const Json& c : report.at("source_clusters")) {
    const std::string first = c.at("documents")[0].get<std::string>();
    for (const Json& d : c.at("documents")) {
      CHECK(d.get<std::string>().substr(0, d.get<std::string>().rfind('/')) == first.substr(0, first.rfind('/')));
    }
  }
  CHECK(ReadFile(out / "report.md").find("| ecbplus | 21 | 18 |") != std::string::npos);
}

}  // namespace crosscheck::testing
