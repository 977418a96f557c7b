// Re-runs after templates change: editing, adding or removing one template
// re-extracts unchanged documents with that template only, and the claims and
// report are exactly those of a fresh run with the new templates.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/engine.h"
#include "crosscheck/pipeline.h"
#include "test_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<Engine> LoadEngine(const fs::path& templates, const fs::path& knowledge) {
  EngineOptions options;
  options.template_dirs = {templates};
  options.knowledge_dirs = {knowledge};
  auto engine = Engine::Load(options, nullptr);
  if (!engine.ok()) FAIL(engine.status().message());
  return std::move(engine).value();
}

RunSummary Run(const Engine& engine, const fs::path& corpus, const fs::path& out, size_t jobs = 1) {
  auto summary = RunReport(engine, TestRunOptions(corpus, out, jobs), nullptr);
  if (!summary.ok()) FAIL(summary.status().message());
  return std::move(summary).value();
}

// Every claim of a store, by its stable parts (row ids differ between stores), sorted.
std::vector<std::string> Claims(const fs::path& db) {
  SQLite::Database store(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement st(store,
                       "SELECT d.content_hash, c.template_id, c.pattern, c.match_start, c.match_end, c.value, "
                       "c.modality, ifnull(c.attribution, ''), ifnull(c.event_time, ''), "
                       "(SELECT group_concat(r.role || '=' || e.name, ';') FROM "
                       " (SELECT * FROM claim_roles WHERE claim_id = c.id ORDER BY role, entity_id) r "
                       " JOIN entities e ON e.id = r.entity_id) "
                       "FROM claims c JOIN documents d ON d.id = c.document_id "
                       "ORDER BY 1, 4, 2, 5");
  std::vector<std::string> out;
  while (st.executeStep()) {
    std::string row;
    for (int i = 0; i < st.getColumnCount(); ++i) {
      if (i > 0) row += '|';
      row += st.getColumn(i).getString();
    }
    out.push_back(row);
  }
  return out;
}

size_t Count(const fs::path& db, const std::string& sql) {
  SQLite::Database store(db.string(), SQLite::OPEN_READONLY);
  return static_cast<size_t>(store.execAndGet(sql).getInt64());
}

void Replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = ReadFile(file);
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

// Two templates competing for the same words ("lasted two hours"): the call's
// priority is higher, so the meeting's claim appears only where the call makes none.
constexpr const char* kTypes = R"toml([types.duration]
kind = "quantity"
unit = "min"

[[types.duration.units]]
name = "minute"
factor = 1
aliases = ["minutes", "min"]

[[types.duration.units]]
name = "hour"
factor = 60
aliases = ["hours"]
)toml";

constexpr const char* kCall = R"toml(id = "call_duration"
description = "How long a call lasted."
subject = "call"
value = "duration"
priority = 10
patterns = ["call ... lasted {value}", "lasted {value}"]

[roles.participants]
type = "person"
min = 2
context = true
)toml";

constexpr const char* kMeeting = R"toml(id = "meeting_duration"
description = "How long a meeting lasted."
subject = "meeting"
value = "duration"
priority = 1
patterns = ["lasted {value}", "meeting of {value}"]
)toml";

}  // namespace

TEST_CASE("pipeline: editing, adding or removing a template re-extracts with that template only, as a fresh run would",
          "[pipeline][incremental]") {
  TempDir dir;
  fs::copy(SourceDir() / "templates", dir / "templates", fs::copy_options::recursive);
  fs::copy(SourceDir() / "knowledge", dir / "knowledge", fs::copy_options::recursive);
  fs::copy(SourceDir() / "corpus" / "sample", dir / "corpus", fs::copy_options::recursive);
  // The sample corpus, plus articles whose words two default templates compete for.
  dir.Write("corpus/extra/a.txt",
            "Anna Lindqvist spoke with Tomas Koval on Tuesday. The call lasted 90 minutes, officials said.\n\n"
            "Lindqvist and Koval will meet in Vienna in April, diplomats said.\n");
  dir.Write("corpus/extra/b.txt",
            "President Tomas Koval held a 45-minute phone call with Prime Minister Anna Lindqvist.\n\n"
            "Koval invited Lindqvist to Vienna.\n");
  const auto first_engine = LoadEngine(dir / "templates", dir / "knowledge");
  const RunSummary first = Run(*first_engine, dir / "corpus", dir / "out");
  REQUIRE(first.extracted > 0);
  const size_t documents = first.extracted;
  const std::string report_before = ReadFile(dir / "out" / "report.json");

  // After the change: the re-run in the old store, and a fresh run in a new one.
  auto rerun_and_compare = [&](size_t jobs) {
    const auto engine = LoadEngine(dir / "templates", dir / "knowledge");
    const RunSummary again = Run(*engine, dir / "corpus", dir / "out", jobs);
    const RunSummary fresh = Run(*engine, dir / "corpus", dir / "fresh", jobs);
    CHECK(fresh.extracted == documents);
    CHECK(again.claims == fresh.claims);
    CHECK(again.findings == fresh.findings);
    CHECK(Claims(dir / "out" / "crosscheck.db") == Claims(dir / "fresh" / "crosscheck.db"));
    RequireSameReports(dir / "out", dir / "fresh");
    return again;
  };

  SECTION("unchanged: nothing is extracted") {
    const auto engine = LoadEngine(dir / "templates", dir / "knowledge");
    const RunSummary again = Run(*engine, dir / "corpus", dir / "out");
    CHECK(again.extracted == 0);
    CHECK(again.reextracted == 0);
    CHECK(again.templates_rerun.empty());
    CHECK(again.reused == documents);
    CHECK(again.report_kept);
  }
  SECTION("an edited template: every document re-extracted with it alone") {
    // call_duration loses its "{value} call" pattern: "a 45-minute phone call" is no longer its claim.
    Replace(dir / "templates" / "call_duration.toml", "  \"{value} [phone|telephone|video|long] (call|conversation|chat)\",\n",
            "");
    const RunSummary again = rerun_and_compare(1);
    CHECK(again.extracted == 0);
    CHECK(again.reextracted == documents);
    CHECK(again.templates_rerun == std::vector<std::string>{"call_duration"});
    CHECK(again.sentences_rematched > 0);
    CHECK(again.claims < first.claims);
    CHECK(ReadFile(dir / "out" / "report.json") != report_before);
  }
  SECTION("an edited priority changes which template keeps contested words, with two threads") {
    Replace(dir / "templates" / "call_duration.toml", "priority = 10", "priority = 0");
    const RunSummary again = rerun_and_compare(2);
    CHECK(again.extracted == 0);
    CHECK(again.reextracted == documents);
    CHECK(again.templates_rerun == std::vector<std::string>{"call_duration"});
  }
  SECTION("an added template: its claims are added, the others kept") {
    std::string text = ReadFile(dir / "templates" / "call_duration.toml");
    text.replace(text.find("id = \"call_duration\""), 20, "id = \"call_length\"");
    dir.Write("templates/call_length.toml", text);
    const RunSummary again = rerun_and_compare(1);
    CHECK(again.extracted == 0);
    CHECK(again.reextracted == documents);
    CHECK(again.templates_rerun == std::vector<std::string>{"call_length"});
    CHECK(Count(dir / "out" / "crosscheck.db", "SELECT count(*) FROM claims WHERE template_id = 'call_length'") > 0);
  }
  SECTION("a removed template: its claims and findings are gone") {
    REQUIRE(Count(dir / "out" / "crosscheck.db", "SELECT count(*) FROM claims WHERE template_id = 'meeting_location'") > 0);
    fs::remove(dir / "templates" / "meeting_location.toml");
    const RunSummary again = rerun_and_compare(1);
    CHECK(again.extracted == 0);
    CHECK(again.reextracted == documents);
    CHECK(again.templates_rerun.empty());
    CHECK(Count(dir / "out" / "crosscheck.db", "SELECT count(*) FROM claims WHERE template_id = 'meeting_location'") == 0);
    CHECK(Count(dir / "out" / "crosscheck.db", "SELECT count(*) FROM findings WHERE template_id = 'meeting_location'") == 0);
    CHECK(ReadFile(dir / "out" / "report.json").find("meeting_location") == std::string::npos);
  }
  SECTION("changed knowledge: every document is extracted again in full") {
    std::ofstream(dir / "knowledge" / "people.toml", std::ios::app) << "\n# an edit\n";
    const RunSummary again = rerun_and_compare(1);
    CHECK(again.extracted == documents);
    CHECK(again.reextracted == 0);
    CHECK(again.templates_rerun.empty());
  }
}

TEST_CASE("pipeline: a template edit that frees contested words gives the lower-priority template's claims, as a fresh run",
          "[pipeline][incremental]") {
  TempDir dir;
  dir.Write("templates/types.toml", kTypes);
  dir.Write("templates/call.toml", kCall);
  dir.Write("templates/meeting.toml", kMeeting);
  fs::copy(SourceDir() / "knowledge", dir / "knowledge", fs::copy_options::recursive);
  dir.Write("corpus/a.txt",
            "Donald Trump spoke with Vladimir Putin on Wednesday. The call lasted two hours.\n\n"
            "Later the summit lasted three hours, with a meeting of 40 minutes at the end.\n");
  dir.Write("corpus/b.txt", "Trump and Putin held a call. It lasted 90 minutes.\n\nNothing else happened.\n");
  dir.Write("corpus/c.txt", "A quiet day. The weather was fine.\n");
  const auto engine = LoadEngine(dir / "templates", dir / "knowledge");
  const RunSummary first = Run(*engine, dir / "corpus", dir / "out");
  REQUIRE(first.extracted == 3);
  const std::string meetings = "SELECT count(*) FROM claims WHERE template_id = 'meeting_duration'";
  const size_t meetings_before = Count(dir / "out" / "crosscheck.db", meetings);
  REQUIRE(Count(dir / "out" / "crosscheck.db", "SELECT count(*) FROM claims WHERE template_id = 'call_duration'") > 0);
  bool more_meetings = true;  // whether the edit gives the meeting template more claims, or fewer

  SECTION("the higher-priority template no longer matches those words") {
    Replace(dir / "templates" / "call.toml", "patterns = [\"call ... lasted {value}\", \"lasted {value}\"]",
            "patterns = [\"call of {value}\"]");
  }
  SECTION("the higher-priority template drops below the other") {
    Replace(dir / "templates" / "call.toml", "priority = 10", "priority = 0");
  }
  SECTION("the lower-priority template is removed") {
    fs::remove(dir / "templates" / "meeting.toml");
    more_meetings = false;
  }
  SECTION("the lower-priority template is raised above the other") {
    Replace(dir / "templates" / "meeting.toml", "priority = 1", "priority = 20");
  }
  const auto edited = LoadEngine(dir / "templates", dir / "knowledge");
  const RunSummary again = Run(*edited, dir / "corpus", dir / "out");
  const RunSummary fresh = Run(*edited, dir / "corpus", dir / "fresh");
  CHECK(again.extracted == 0);
  // The document without any claim of either template is not matched again, but its records are updated.
  CHECK(again.reextracted == 3);
  CHECK(again.sentences_rematched > 0);
  CHECK(again.sentences_rematched <= 3);  // of 8: only where either template built a claim
  CHECK(Claims(dir / "out" / "crosscheck.db") == Claims(dir / "fresh" / "crosscheck.db"));
  CHECK(again.claims == fresh.claims);
  // The edit did change who keeps the contested words.
  const size_t meetings_after = Count(dir / "out" / "crosscheck.db", meetings);
  CHECK((more_meetings ? meetings_after > meetings_before : meetings_after < meetings_before));
  RequireSameReports(dir / "out", dir / "fresh");
}

}  // namespace crosscheck::testing
