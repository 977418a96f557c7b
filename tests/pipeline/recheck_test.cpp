// Re-checking only the subject groups whose inputs changed: a re-run gives
// the stored finding of every other group again, and its report is the one a
// fresh run in a new store writes.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>
#include <string>

#include "crosscheck/pipeline.h"
#include "store/store.h"
#include "test_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

Result<RunSummary> Run(const fs::path& corpus, const fs::path& out, size_t jobs) {
  RunOptions options = TestRunOptions(corpus, out, jobs);
  options.batch_size = 16;
  return RunReport(DefaultEngine(), options, nullptr);
}

const char* const kFirst[] = {"Anna", "Tomas", "Elena", "Marek", "Sofia", "Pavel", "Ines", "Jonas"};
const char* const kLast[] = {"Lindqvist", "Koval", "Moreau", "Halvorsen", "Petrak", "Ducasse", "Albescu", "Nordin"};
const char* const kDurations[] = {"45 minutes", "about 90 minutes", "more than an hour", "two hours"};
const char* const kWords[] = {"harbour", "winter", "ledger", "orchard", "copper", "signal", "meadow", "lantern",
                              "quarry", "violet", "canyon", "thimble", "saddle", "pepper", "glacier", "marble",
                              "tunnel", "falcon", "pillow", "walnut", "basket", "ripple", "cobalt", "feather"};

std::string Person(size_t i) { return std::string(kFirst[i % 8]) + " " + kLast[(i * 3 + 1) % 8]; }

// Words no other article shares, so that no two articles are taken for copies of one story.
std::string Filler(size_t seed) {
  std::string text;
  uint64_t state = seed * 2654435761u + 12345;
  for (int i = 0; i < 60; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    text += std::string(i == 0 ? "" : " ") + kWords[(state >> 33) % 24];
  }
  return text + ".";
}

// Article `i` of `per_subject` about the call between the two leaders of subject `s`.
std::string Article(size_t s, size_t i, const char* duration) {
  return "Prime Minister " + Person(s) + " spoke with President " + Person(s + 4) + " on Tuesday.\n\n" +
         "The call lasted " + duration + ", officials said.\n\n" + Filler(s * 100 + i) + "\n";
}

// Four subjects (calls between two leaders), each reported by three outlets.
void WriteCorpus(TempDir* dir) {
  for (size_t s = 0; s < 4; ++s) {
    for (size_t i = 0; i < 3; ++i) {
      dir->Write("corpus/outlet-" + std::to_string(i) + "/call-" + std::to_string(s) + ".txt",
                 Article(s, i, kDurations[(s + i) % 2 == 0 ? 0 : s % 4]));
    }
  }
}

// Ids of the findings of the latest run that hold a claim of the document at `path`.
std::set<std::string> FindingsOf(const fs::path& db, const std::string& path) {
  SQLite::Database store(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement st(store,
                       "SELECT DISTINCT fc.finding_id FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id "
                       "JOIN document_sources ds ON ds.document_id = c.document_id WHERE ds.path = ?");
  st.bind(1, path);
  std::set<std::string> ids;
  while (st.executeStep()) ids.insert(st.getColumn(0).getString());
  return ids;
}

std::string Json(const fs::path& out) { return ReadFile(out / "report.json"); }

}  // namespace

TEST_CASE("recheck: a re-run checks only the subject groups whose inputs changed", "[pipeline][incremental]") {
  TempDir dir;
  WriteCorpus(&dir);
  const fs::path db = dir / "out" / "crosscheck.db";
  auto first = Run(dir / "corpus", dir / "out", 1);
  REQUIRE(first.ok());
  // Two claim kinds per subject (the call and its duration), at least.
  REQUIRE(first->subject_groups >= 8);
  CHECK(first->subjects_checked == first->subject_groups);
  const std::string report = Json(dir / "out");
  CHECK(report.find("\"copies:") == std::string::npos);  // no article is a copy of another

  SECTION("unchanged corpus, report files deleted: no group is checked and the report is the same") {
    for (const char* name : {"report.json", "report.md", "report.html"}) fs::remove(dir / "out" / name);
    auto again = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(again.ok());
    CHECK_FALSE(again->report_kept);
    CHECK(again->extracted == 0);
    CHECK(again->subject_groups == first->subject_groups);
    CHECK(again->subjects_checked == 0);
    CHECK(again->findings == first->findings);
    CHECK(again->verdicts == first->verdicts);
    CHECK(Json(dir / "out") == report);
  }

  SECTION("one changed document: only the groups of its old and new claims are checked") {
    const std::string path = "outlet-1/call-2.txt";
    const std::set<std::string> before = FindingsOf(db, path);
    REQUIRE_FALSE(before.empty());
    // Now about subject 0's call, with a conflicting duration.
    dir.Write("corpus/" + path, Article(0, 7, "three hours"));
    auto again = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(again.ok());
    CHECK(again->extracted == 1);
    std::set<std::string> affected = before;
    for (const std::string& id : FindingsOf(db, path)) affected.insert(id);
    REQUIRE(affected.size() > before.size());
    CHECK(again->subjects_checked == affected.size());
    CHECK(again->subjects_checked < again->subject_groups);
    // The same report as a fresh run in a new store.
    auto fresh = Run(dir / "corpus", dir / "fresh", 1);
    REQUIRE(fresh.ok());
    CHECK(fresh->subjects_checked == fresh->subject_groups);
    CHECK(again->verdicts == fresh->verdicts);
    RequireSameReports(dir / "out", dir / "fresh");
  }

  SECTION("a document that becomes a copy of another: the other's groups are checked too") {
    // call-1.txt of outlet 2 becomes outlet 0's call-3.txt byte for byte: its
    // claims are given once, under the first path, so only the source clusters
    // say that the two outlets now publish one story.
    const std::string copy = "outlet-2/call-1.txt";
    const std::string original = "outlet-0/call-3.txt";
    REQUIRE(original < copy);
    std::set<std::string> affected = FindingsOf(db, copy);
    for (const std::string& id : FindingsOf(db, original)) affected.insert(id);
    dir.Write("corpus/" + copy, ReadFile(dir / "corpus" / original));
    auto again = Run(dir / "corpus", dir / "out", 1);
    REQUIRE(again.ok());
    CHECK(again->subjects_checked == affected.size());
    CHECK(again->subjects_checked < again->subject_groups);
    auto fresh = Run(dir / "corpus", dir / "fresh", 1);
    REQUIRE(fresh.ok());
    RequireSameReports(dir / "out", dir / "fresh");
    CHECK(Json(dir / "out").find("\"copies:") != std::string::npos);
  }
}

TEST_CASE("recheck: re-runs with --jobs 1 and 2 check the same groups and write the same report",
          "[pipeline][incremental][jobs]") {
  TempDir dir;
  WriteCorpus(&dir);
  std::vector<RunSummary> runs[2];
  for (size_t jobs : {1, 2}) {
    const fs::path out = dir / ("out-" + std::to_string(jobs));
    auto first = Run(dir / "corpus", out, jobs);
    REQUIRE(first.ok());
    runs[jobs - 1].push_back(*first);
  }
  dir.Write("corpus/outlet-0/call-1.txt", Article(1, 9, "ten minutes"));
  for (size_t jobs : {1, 2}) {
    auto again = Run(dir / "corpus", dir / ("out-" + std::to_string(jobs)), jobs);
    REQUIRE(again.ok());
    runs[jobs - 1].push_back(*again);
  }
  for (size_t k = 0; k < 2; ++k) {
    CHECK(runs[0][k].subjects_checked == runs[1][k].subjects_checked);
    CHECK(runs[0][k].verdicts == runs[1][k].verdicts);
  }
  CHECK(runs[0][1].subjects_checked > 0);
  CHECK(runs[0][1].subjects_checked < runs[0][1].subject_groups);
  RequireSameReports(dir / "out-1", dir / "out-2");
}

}  // namespace crosscheck::testing
