// End to end on corpus/sample: the golden report, every verdict, and the
// traps the sample was written to contain (a trailer, a script, a copy).
#include <catch2/catch.hpp>
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <sstream>

#include "e2e_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

fs::path SampleCorpus() { return SourceDir() / "corpus" / "sample"; }

// The first line where two texts differ, for a readable failure.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "texts are equal";
    if (la != lb || more_a != more_b) {
      return "line " + std::to_string(line) + ":\n  golden: " + (more_a ? la : "<end>") + "\n  now:    " + (more_b ? lb : "<end>");
    }
  }
}

const Json& FindingFor(const std::vector<Json>& findings, const std::string& participant) {
  for (const Json& f : findings) {
    const auto& p = f.at("subject").at("participants");
    if (std::find(p.begin(), p.end(), participant) != p.end()) return f;
  }
  FAIL("no finding names " << participant);
  static Json none;
  return none;
}

}  // namespace

TEST_CASE("sample corpus: the report equals the committed golden files", "[e2e][golden]") {
  TempDir out;
  RunCorpus(SampleCorpus(), out.path());
  for (const std::string name : {"report.json", "report.md"}) {
    const std::string golden = ReadFile(SourceDir() / "reports" / "sample" / name);
    const std::string now = ReadFile(out / name);
    INFO("reports/sample/" << name << " differs from a fresh run; if the change is intended, regenerate it with\n"
                           << "  cmake --build build --target update-golden\n"
                           << FirstDifference(golden, now));
    REQUIRE(!golden.empty());
    CHECK(golden == now);
  }
}

TEST_CASE("sample corpus: every verdict, with reasons", "[e2e]") {
  TempDir out;
  RunSummary summary = RunCorpus(SampleCorpus(), out.path());
  CHECK(summary.documents == 5);
  CHECK(summary.skipped == 0);
  const Json report = Json::parse(ReadFile(out / "report.json"));
  CHECK(SchemaErrors(out / "report.json").empty());

  const auto meetings = FindingsOf(report, "meeting_location");
  SECTION("conflict: Geneva against Vienna for the Lindqvist-Koval summit") {
    const Json& f = FindingFor(meetings, "Tomas Koval");
    CHECK(f.at("verdict") == "conflict");
    CHECK(f.at("reason").get<std::string>().find("Geneva and Vienna are different places") != std::string::npos);
  }
  SECTION("compatible: about 90 minutes, 90 minutes and more than an hour") {
    const auto calls = FindingsOf(report, "call_duration");
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].at("verdict") == "compatible");
    CHECK(calls[0].at("reason") == "90 min lies within > 60 min");
    CHECK(calls[0].at("outlets") == 5);
  }
  SECTION("compatible: Stockholm lies in Sweden") {
    const Json& f = FindingFor(meetings, "Maria Berg");
    CHECK(f.at("verdict") == "compatible");
    CHECK(f.at("reason") == "Stockholm lies in Sweden");
  }
  SECTION("agree: Koval invited Lindqvist to Bratislava") {
    const auto invitations = FindingsOf(report, "invitation");
    REQUIRE(invitations.size() == 1);
    CHECK(invitations[0].at("verdict") == "agree");
    // The subject's date is the first day a claim's sentence names ("confirmed on Wednesday").
    CHECK(invitations[0].at("subject").at("label") == "invitation from Tomas Koval to Anna Lindqvist (2026-03-04)");
  }
  SECTION("single source: only Danube Daily reports Erik Holm's release") {
    const auto releases = FindingsOf(report, "prisoner_release");
    REQUIRE(releases.size() == 1);
    CHECK(releases[0].at("verdict") == "single_source");
    CHECK(releases[0].at("subject").at("participants") == Json::array({"Erik Holm"}));
    CHECK(releases[0].at("claims").size() == 1);
    CHECK(releases[0].at("claims")[0].at("outlet") == "Danube Daily");
  }
  SECTION("conflicts come first") {
    CHECK(report.at("findings")[0].at("verdict") == "conflict");
  }
}

TEST_CASE("sample corpus: trailers and scripts yield no claims; offsets point at the value", "[e2e]") {
  TempDir out;
  RunCorpus(SampleCorpus(), out.path());
  const Json report = Json::parse(ReadFile(out / "report.json"));
  const std::string alpine = ReadFile(SampleCorpus() / "alpine-post.txt");
  const size_t trailer = alpine.find("Share this article");
  REQUIRE(trailer != std::string::npos);
  size_t claims = 0;
  for (const Json& f : report.at("findings")) {
    for (const Json& c : f.at("claims")) {
      ++claims;
      const std::string document = c.at("document");
      const std::string raw = ReadFile(SampleCorpus() / document);
      if (document == "alpine-post.txt") CHECK(c.at("start").get<size_t>() < trailer);
      CHECK(c.at("value") != "Oslo");  // only named inside a <script>
      CHECK(c.at("evidence").get<std::string>().find("Petrov") == std::string::npos);
      if (!c.at("value_start").is_null()) {
        const size_t begin = c.at("value_start");
        const size_t end = c.at("value_end");
        REQUIRE(end <= raw.size());
        // The sample is plain ASCII, so the original bytes equal the value as written.
        CHECK(raw.substr(begin, end - begin) == c.at("raw_value").get<std::string>());
        const auto span = c.at("evidence_value");
        const std::string evidence = c.at("evidence");
        CHECK(evidence.substr(span[0], span[1].get<size_t>() - span[0].get<size_t>()) == c.at("raw_value").get<std::string>());
      }
    }
  }
  CHECK(claims == report.at("summary").at("claims"));
}

TEST_CASE("sample corpus: a second run adds no rows and writes the same report", "[e2e][store]") {
  TempDir out;
  RunCorpus(SampleCorpus(), out.path());
  const std::string first = ReadFile(out / "report.json");
  auto count_rows = [&] {
    SQLite::Database db((out / "crosscheck.db").string());
    std::vector<int64_t> counts;
    for (const char* table : {"documents", "document_sources", "document_texts", "removed_spans", "claims", "claim_roles",
                              "entities", "subjects", "findings", "finding_claims"}) {
      counts.push_back(db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64());
    }
    return counts;
  };
  const auto before = count_rows();
  RunSummary second = RunCorpus(SampleCorpus(), out.path());
  CHECK(second.extracted == 0);
  CHECK(second.reused == 5);
  CHECK(count_rows() == before);
  CHECK(ReadFile(out / "report.json") == first);
}

}  // namespace crosscheck::testing
