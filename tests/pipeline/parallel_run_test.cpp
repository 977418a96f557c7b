// RunReport with several extraction threads, and incremental re-runs: the
// report never depends on --jobs, and a re-run extracts only what changed.
#include <catch2/catch.hpp>

#include <string>

#include "crosscheck/pipeline.h"
#include "store/store.h"
#include "test_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

Result<RunSummary> Run(const fs::path& corpus, const fs::path& out, size_t jobs, size_t batch_size = 64) {
  RunOptions options = TestRunOptions(corpus, out, jobs);
  options.batch_size = batch_size;
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
  // A call, a meeting, its date and two titles (Prime Minister, President) per distinct article: copies are
  // reported once.
  CHECK(one->claims == 80);
  RequireSameReports(dir / "one", dir / "four");
}

TEST_CASE("pipeline: the report is the same with 1, 2 and 3 threads after extraction too", "[pipeline][jobs]") {
  // --jobs also splits linking, checking and writing the report; a generated
  // corpus and the sample one, each run more than once, for orders that vary.
  TempDir dir;
  WriteCorpus(&dir, 60);
  std::vector<fs::path> corpora = {dir / "corpus", SourceDir() / "corpus" / "sample"};
  for (const fs::path& corpus : corpora) {
    INFO(corpus.generic_string());
    const fs::path base = dir / ("one-" + corpus.filename().string());
    REQUIRE(Run(corpus, base, 1).ok());
    for (size_t jobs : {2, 3, 2}) {
      const fs::path out = dir / ("out-" + corpus.filename().string() + "-" + std::to_string(jobs));
      fs::remove_all(out);  // a fresh store: every stage runs, nothing is reused
      auto run = Run(corpus, out, jobs);
      REQUIRE(run.ok());
      CHECK(run->jobs == jobs);
      RequireSameReports(base, out);
    }
  }
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
  CHECK_FALSE(first->report_kept);
  CHECK(first->subjects > 0);
  CHECK(first->subject_groups >= first->subjects);
  CHECK(first->subjects_checked == first->subject_groups);
  const std::string report = ReadFile(dir / "out" / "report.json");

  SECTION("unchanged: nothing is extracted or checked, and the report files are kept") {
    auto again = Run(dir / "corpus", dir / "out", 2);
    REQUIRE(again.ok());
    CHECK(again->extracted == 0);
    CHECK(again->reused == 100);
    CHECK(again->report_kept);
    CHECK(again->subjects_checked == 0);
    CHECK(again->claims == first->claims);
    CHECK(again->subjects == first->subjects);
    CHECK(again->findings == first->findings);
    CHECK(again->verdicts == first->verdicts);
    CHECK(ReadFile(dir / "out" / "report.json") == report);
    // The store's findings are the kept run's, for `crosscheck show` and `conflicts`.
    auto store = store::Store::OpenForReading(dir / "out" / "crosscheck.db");
    REQUIRE(store.ok());
    auto findings = (*store)->LoadFindings();
    REQUIRE(findings.ok());
    CHECK(findings->size() == first->findings);
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
    CHECK_FALSE(again->report_kept);
    // Only the groups the two documents' claims are in, or whose copies changed (tests/pipeline/recheck_test.cpp).
    CHECK(again->subjects_checked > 0);
    CHECK(again->subjects_checked <= again->subject_groups);
    CHECK(ReadFile(dir / "out" / "report.json") != report);
  }
}

TEST_CASE("pipeline: a report is kept only while its files and everything it was made from are unchanged",
          "[pipeline][incremental]") {
  TempDir dir;
  WriteCorpus(&dir, 20);
  auto first = Run(dir / "corpus", dir / "out", 1);
  REQUIRE(first.ok());
  CHECK_FALSE(first->report_kept);
  const std::string json = ReadFile(dir / "out" / "report.json");
  const std::string markdown = ReadFile(dir / "out" / "report.md");
  const std::string html = ReadFile(dir / "out" / "report.html");

  SECTION("an edited report file is written again") {
    dir.Write("out/report.md", markdown + "edited\n");
    auto again = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(again.ok());
    CHECK_FALSE(again->report_kept);
    CHECK(again->subjects_checked == 0);  // the corpus is unchanged: every stored finding stands
    CHECK(ReadFile(dir / "out" / "report.md") == markdown);
    // And once written again, the next run keeps it.
    auto third = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(third.ok());
    CHECK(third->report_kept);
  }
  SECTION("a missing report file is written again") {
    fs::remove(dir / "out" / "report.html");
    auto again = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(again.ok());
    CHECK_FALSE(again->report_kept);
    CHECK(ReadFile(dir / "out" / "report.html") == html);
  }
  SECTION("another output folder on the same store gets its own report") {
    RunOptions options;
    options.corpus = dir / "corpus";
    options.out_dir = dir / "elsewhere";
    options.db = dir / "out" / "crosscheck.db";
    options.jobs = 1;
    options.graphviz_dot = "";
    auto again = RunReport(DefaultEngine(), options, nullptr);
    REQUIRE(again.ok());
    CHECK_FALSE(again->report_kept);
    CHECK(again->extracted == 0);
    CHECK(ReadFile(dir / "elsewhere" / "report.json") == json);
  }
  SECTION("a changed outlet manifest makes a new report") {
    dir.Write("corpus/outlets.toml", "[[document]]\npath = \"outlet-1/*\"\noutlet = \"Renamed Daily\"\n");
    auto again = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(again.ok());
    CHECK_FALSE(again->report_kept);
    CHECK(again->extracted == 0);
    CHECK(ReadFile(dir / "out" / "report.json") != json);
  }
  SECTION("a run on another corpus with the same store in between makes a new report") {
    // That run's findings replace this corpus's in the store.
    dir.Write("other/a.txt", "Anna Lindqvist and Tomas Koval spoke by phone for three hours on Tuesday.\n");
    RunOptions options;
    options.corpus = dir / "other";
    options.out_dir = dir / "other-out";
    options.db = dir / "out" / "crosscheck.db";
    options.graphviz_dot = "";
    REQUIRE(RunReport(DefaultEngine(), options, nullptr).ok());
    auto again = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(again.ok());
    CHECK_FALSE(again->report_kept);
    CHECK(ReadFile(dir / "out" / "report.json") == json);
  }
}

}  // namespace crosscheck::testing
