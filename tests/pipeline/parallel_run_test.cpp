// RunReport with several extraction threads, and incremental re-runs: the
// report never depends on --jobs, and a re-run extracts only what changed.
#include <catch2/catch.hpp>

#include <string>

#include "crosscheck/pipeline.h"
#include "test_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

Result<RunSummary> Run(const fs::path& corpus, const fs::path& out, size_t jobs, size_t batch_size = 64) {
  RunOptions options;
  options.corpus = corpus;
  options.out_dir = out;
  options.jobs = jobs;
  options.batch_size = batch_size;
  options.graphviz_dot = "";  // the built-in layout: no dependency on Graphviz timing
  return RunReport(DefaultEngine(), options, nullptr);
}

// A corpus of `n` short articles about calls and meetings, with exact copies
// (syndicated stories) and an empty page among them.
void WriteCorpus(TempDir* dir, size_t n) {
  static const char* const kDurations[] = {"45 minutes", "about 90 minutes", "more than an hour", "two hours"};
  static const char* const kCities[] = {"Vienna", "Geneva", "Stockholm", "Munich"};
  for (size_t i = 0; i < n; ++i) {
    const std::string text =
        "Prime Minister Anna Lindqvist spoke with President Tomas Koval on Tuesday.\n\n"
        "The call lasted " + std::string(kDurations[i % 4]) + ", officials said.\n\n"
        "Lindqvist and Koval will meet in " + kCities[(i / 4) % 4] + " next month, diplomats said.\n";
    dir->Write("corpus/outlet-" + std::to_string(i % 5) + "/article-" + std::to_string(i) + ".txt", text);
  }
  dir->Write("corpus/empty-page.html", "<html><script>var x = 1;</script><nav>Home</nav></html>");
}

void RequireSameReports(const fs::path& a, const fs::path& b) {
  for (const char* name : {"report.json", "report.md", "report.html"}) {
    INFO(name);
    CHECK(ReadFile(a / name) == ReadFile(b / name));
  }
}

}  // namespace

TEST_CASE("pipeline: the report is the same with 1 and 4 extraction threads", "[pipeline][jobs]") {
  TempDir dir;
  WriteCorpus(&dir, 40);
  auto one = Run(dir / "corpus", dir / "one", 1, 8);
  auto four = Run(dir / "corpus", dir / "four", 4, 8);
  REQUIRE(one.ok());
  REQUIRE(four.ok());
  CHECK(one->jobs == 1);
  CHECK(four->jobs == 4);
  CHECK(one->documents == 41);
  CHECK(one->skipped == 1);  // the page of scripts and navigation
  // 16 distinct articles: the other 24 are copies, reused whatever the thread count.
  CHECK(one->extracted == 16);
  CHECK(one->reused == 24);
  CHECK(four->extracted == one->extracted);
  CHECK(four->reused == one->reused);
  CHECK(four->claims == one->claims);
  // A call, a meeting and two titles (Prime Minister, President) per distinct article: copies are reported once.
  CHECK(one->claims == 64);
  RequireSameReports(dir / "one", dir / "four");
}

TEST_CASE("pipeline: sample corpus and seeds reports are the same with --jobs 1 and 4", "[pipeline][jobs]") {
  TempDir dir;
  std::vector<fs::path> corpora = {SourceDir() / "corpus" / "sample"};
  if (!SharedDir().empty() && fs::is_directory(SharedDir() / "seeds")) {
    corpora.push_back(SharedDir() / "seeds");
  } else {
    WARN("../shared/seeds is not present: only the sample corpus is compared");
  }
  for (const fs::path& corpus : corpora) {
    INFO(corpus.generic_string());
    const std::string name = corpus.filename().string();
    REQUIRE(Run(corpus, dir / (name + "-1"), 1).ok());
    REQUIRE(Run(corpus, dir / (name + "-4"), 4).ok());
    RequireSameReports(dir / (name + "-1"), dir / (name + "-4"));
  }
}

TEST_CASE("pipeline: a re-run extracts only new and changed documents", "[pipeline][incremental]") {
  TempDir dir;
  WriteCorpus(&dir, 100);
  // Make every article distinct, so each one is extracted once.
  for (size_t i = 0; i < 100; ++i) {
    const fs::path path = dir / "corpus" / ("outlet-" + std::to_string(i % 5)) / ("article-" + std::to_string(i) + ".txt");
    dir.Write(fs::relative(path, dir.path()).generic_string(), ReadFile(path) + "Story " + std::to_string(i) + ".\n");
  }
  auto first = Run(dir / "corpus", dir / "out", 2);
  REQUIRE(first.ok());
  CHECK(first->extracted == 100);
  const std::string report = ReadFile(dir / "out" / "report.json");

  SECTION("unchanged: nothing is extracted and the report is the same") {
    auto again = Run(dir / "corpus", dir / "out", 2);
    REQUIRE(again.ok());
    CHECK(again->extracted == 0);
    CHECK(again->reused == 100);
    CHECK(again->claims == first->claims);
    CHECK(ReadFile(dir / "out" / "report.json") == report);
  }
  SECTION("one changed and one new document: only those two are extracted") {
    dir.Write("corpus/outlet-3/article-3.txt",
              "Tomas Koval held a 20-minute phone call with Anna Lindqvist on Tuesday.\n");
    dir.Write("corpus/outlet-0/article-new.txt",
              "Anna Lindqvist and Tomas Koval spoke by phone for three hours on Tuesday.\n");
    auto again = Run(dir / "corpus", dir / "out", 2);
    REQUIRE(again.ok());
    CHECK(again->extracted == 2);
    CHECK(again->reused == 99);
    CHECK(again->documents == 102);
    CHECK(ReadFile(dir / "out" / "report.json") != report);
  }
}

}  // namespace crosscheck::testing
