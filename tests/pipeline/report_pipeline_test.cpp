// RunReport: the pipeline as a library call, on small corpora written by the tests.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "crosscheck/pipeline.h"
#include "test_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kCallA =
    "Prime Minister Anna Lindqvist spoke with President Tomas Koval on Tuesday.\n\n"
    "The call lasted 45 minutes, officials said.\n";
constexpr const char* kCallB = "Tomas Koval held a two-hour phone call with Anna Lindqvist on Tuesday.\n";

Result<RunSummary> Run(const fs::path& corpus, const fs::path& out) {
  RunOptions options;
  options.corpus = corpus;
  options.out_dir = out;
  return RunReport(DefaultEngine(), options, nullptr);
}

Json Report(const fs::path& out) { return Json::parse(ReadFile(out / "report.json")); }

}  // namespace

TEST_CASE("pipeline: two outlets with disjoint durations conflict", "[pipeline]") {
  TempDir dir;
  dir.Write("corpus/a.txt", kCallA);
  dir.Write("corpus/b.txt", kCallB);
  auto summary = Run(dir / "corpus", dir / "out");
  REQUIRE(summary.ok());
  CHECK(summary->documents == 2);
  CHECK(summary->claims == 5);  // the two durations, b.txt's "phone call ... on Tuesday" (call_date), a.txt's titles
  CHECK(summary->verdicts[Verdict::kConflict] == 1);
  const Json report = Report(dir / "out");
  REQUIRE(report.at("findings").size() == 4);  // the call's duration, its date, and each person's title
  size_t titles = 0;
  for (const Json& finding : report.at("findings")) titles += finding.at("kind") == "person_title" ? 1 : 0;
  CHECK(titles == 2);
  const Json& f = report.at("findings")[0];
  CHECK(f.at("kind") == "call_duration");
  CHECK(f.at("verdict") == "conflict");
  CHECK(f.at("reason").get<std::string>().find("45 min and 120 min do not overlap") != std::string::npos);
  // Without a manifest the outlet is the file's stem.
  CHECK(report.at("documents")[0].at("outlet") == "a");
}

TEST_CASE("pipeline: the manifest names outlets and anchors relative dates", "[pipeline]") {
  TempDir dir;
  dir.Write("corpus/a.txt", kCallA);
  dir.Write("corpus/b.txt", kCallB);
  dir.Write("corpus/outlets.toml",
            "[[document]]\npath = \"a.txt\"\noutlet = \"Outlet A\"\npublished = 2026-03-04\n"
            "[[document]]\npath = \"*.txt\"\noutlet = \"Outlet B\"\nurl = \"https://b.example/\"\n");
  auto summary = Run(dir / "corpus", dir / "out");
  REQUIRE(summary.ok());
  CHECK(summary->documents == 2);  // the manifest is not an article
  const Json report = Report(dir / "out");
  CHECK(report.at("documents")[0].at("outlet") == "Outlet A");
  CHECK(report.at("documents")[0].at("published") == "2026-03-04");
  CHECK(report.at("documents")[1].at("outlet") == "Outlet B");
  CHECK(report.at("documents")[1].at("url") == "https://b.example/");
}

TEST_CASE("pipeline: a bad manifest stops the run with file:line:column", "[pipeline]") {
  TempDir dir;
  dir.Write("corpus/a.txt", kCallA);
  dir.Write("corpus/outlets.toml", "[[document]]\npath = \"a.txt\"\noutlet = \"A\"\npublishd = 2026-03-04\n");
  auto summary = Run(dir / "corpus", dir / "out");
  REQUIRE(!summary.ok());
  CHECK(summary.status().code() == Status::Code::kInvalidInput);
  CHECK(summary.status().message().find("outlets.toml:4:1: unknown key 'publishd'; did you mean 'published'?") !=
        std::string::npos);
  CHECK(!fs::exists(dir / "out" / "crosscheck.db"));  // nothing was stored
}

TEST_CASE("pipeline: an edited document is extracted again, the others are reused", "[pipeline][store]") {
  TempDir dir;
  dir.Write("corpus/a.txt", kCallA);
  dir.Write("corpus/b.txt", kCallB);
  REQUIRE(Run(dir / "corpus", dir / "out").ok());
  dir.Write("corpus/b.txt", "Tomas Koval held a 45-minute phone call with Anna Lindqvist on Tuesday.\n");
  auto second = Run(dir / "corpus", dir / "out");
  REQUIRE(second.ok());
  CHECK(second->extracted == 1);
  CHECK(second->reused == 1);
  CHECK(second->claims == 5);  // the old content's claims are not reported (a.txt adds two titles)
  const Json report = Report(dir / "out");
  CHECK(report.at("findings")[0].at("kind") == "call_duration");
  CHECK(report.at("findings")[0].at("verdict") == "agree");
}

TEST_CASE("pipeline: run errors name what could not be used", "[pipeline]") {
  TempDir dir;
  dir.Write("corpus/a.txt", kCallA);
  SECTION("a missing corpus") {
    auto summary = Run(dir / "nowhere", dir / "out");
    REQUIRE(!summary.ok());
    CHECK(summary.status().code() == Status::Code::kIoError);
    CHECK(summary.status().message().find("nowhere") != std::string::npos);
  }
  SECTION("an output folder that is a file") {
    dir.Write("blocker", "x");
    auto summary = Run(dir / "corpus", dir / "blocker" / "out");
    REQUIRE(!summary.ok());
    CHECK(summary.status().code() == Status::Code::kIoError);
  }
  SECTION("a store that is not a crosscheck store") {
    dir.Write("out/crosscheck.db", "this is not SQLite at all, just text long enough to look like a header....");
    auto summary = Run(dir / "corpus", dir / "out");
    REQUIRE(!summary.ok());
    CHECK(summary.status().message().find("crosscheck.db") != std::string::npos);
  }
}

TEST_CASE("pipeline: an empty corpus still writes a valid, empty report", "[pipeline]") {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  auto summary = Run(dir / "corpus", dir / "out");
  REQUIRE(summary.ok());
  CHECK(summary->documents == 0);
  const Json report = Report(dir / "out");
  CHECK(report.at("findings").empty());
  CHECK(report.at("summary").at("documents") == 0);
}

}  // namespace crosscheck::testing

namespace crosscheck::testing {

// Collects what the run tells its observer.
class NoticeCollector : public RunObserver {
 public:
  void OnDiagnostic(const Diagnostic& d) override { notices.push_back(d.ToString()); }
  bool Said(const std::string& part) const {
    for (const std::string& n : notices) {
      if (n.find(part) != std::string::npos) return true;
    }
    return false;
  }
  std::vector<std::string> notices;
};

// A run on dir/corpus into dir/out whose Graphviz dot does not exist.
RunOptions MissingDotOptions(const TempDir& dir) {
  RunOptions options;
  options.corpus = dir / "corpus";
  options.out_dir = dir / "out";
  options.graphviz_dot = (dir / "no-such-dot").string();
  return options;
}

TEST_CASE("pipeline: report.html draws the built-in graph when Graphviz is missing, and says so", "[pipeline][graphviz]") {
  TempDir dir;
  dir.Write("corpus/a.txt", kCallA);
  dir.Write("corpus/b.txt", kCallB);
  RunOptions options = MissingDotOptions(dir);
  NoticeCollector observer;
  auto summary = RunReport(DefaultEngine(), options, &observer);
  REQUIRE(summary.ok());
  const std::string html = ReadFile(dir / "out" / "report.html");
  CHECK(html.find("class=\"graph-built-in\"") != std::string::npos);
  CHECK(html.find("built-in layout (Graphviz dot was not available)") != std::string::npos);
  CHECK(observer.Said("no-such-dot"));

  if (fs::exists("/usr/bin/dot")) {  // with Graphviz, its drawing is embedded instead
    options.graphviz_dot = "/usr/bin/dot";
    REQUIRE(RunReport(DefaultEngine(), options, nullptr).ok());
    const std::string drawn = ReadFile(dir / "out" / "report.html");
    CHECK(drawn.find("<img src=\"data:image/svg+xml;base64,") != std::string::npos);
    CHECK(drawn.find("drawn by Graphviz dot") != std::string::npos);
  } else {
    WARN("Graphviz dot is not installed; only the fallback was tested");
  }
}

TEST_CASE("pipeline: with more claims than Graphviz is given, report.html draws the built-in graph and says why",
          "[pipeline][graphviz]") {
  TempDir dir;
  // Every claim is a vertex of the subject graph: past 3,000 of them the graph
  // is not kept (nor the fields it would need of each claim), and dot is not run.
  for (int d = 0; d < 40; ++d) {
    std::string text;
    for (int i = 1; i <= 45; ++i) {
      text += "Tomas Koval held a " + std::to_string(i + d) + "-minute phone call with Anna Lindqvist on Tuesday.\n\n";
    }
    dir.Write("corpus/d" + std::to_string(d) + ".txt", text);
  }
  NoticeCollector observer;
  auto summary = RunReport(DefaultEngine(), MissingDotOptions(dir), &observer);
  REQUIRE(summary.ok());
  REQUIRE(summary->claims > 3000);
  const std::string html = ReadFile(dir / "out" / "report.html");
  CHECK(html.find("class=\"graph-built-in\"") != std::string::npos);
  CHECK(observer.Said("too large for Graphviz"));
  CHECK_FALSE(observer.Said("no-such-dot"));  // dot was never run
}

}  // namespace crosscheck::testing
