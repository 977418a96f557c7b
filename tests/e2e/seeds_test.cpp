// End to end on the five real articles in ../shared/seeds (the acceptance
// corpus). Skipped, with a message, when ../shared is not beside the project.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "e2e_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool HasParticipants(const Json& finding, std::set<std::string> wanted) {
  const auto& p = finding.at("subject").at("participants");
  for (const auto& name : p) wanted.erase(name.get<std::string>());
  return wanted.empty();
}

std::set<std::string> DocumentsOf(const Json& finding) {
  std::set<std::string> docs;
  for (const Json& c : finding.at("claims")) docs.insert(c.at("document").get<std::string>().substr(0, 3));
  return docs;
}

// Runs once per process: the seeds report is shared by the test cases below.
const Json* SeedsReport() {
  static TempDir out;
  static const Json report = [] {
    RunCorpus(SharedDir() / "seeds", out.path());
    return Json::parse(ReadFile(out / "report.json"));
  }();
  static bool validated = [] {
    INFO(SchemaErrors(out / "report.json"));
    CHECK(SchemaErrors(out / "report.json").empty());
    return true;
  }();
  (void)validated;
  return &report;
}

bool SeedsAbsent() {
  if (!SharedDir().empty() && fs::is_directory(SharedDir() / "seeds")) return false;
  WARN("skipped: ../shared/seeds is not present (set CROSSCHECK_SHARED_DIR to run the acceptance tests)");
  return true;
}

}  // namespace

TEST_CASE("seeds: the Trump-Putin call lasted about 1.5 h (001) and over an hour (003), never a conflict", "[e2e][seeds]") {
  if (SeedsAbsent()) return;
  const Json& report = *SeedsReport();
  const auto calls = FindingsOf(report, "call_duration");
  const Json* call = nullptr;
  for (const Json& f : calls) {
    if (HasParticipants(f, {"Donald Trump", "Vladimir Putin"})) call = &f;
  }
  REQUIRE(call != nullptr);
  CHECK(DocumentsOf(*call) == std::set<std::string>{"001", "003"});
  CHECK((call->at("verdict") == "compatible" || call->at("verdict") == "agree"));
  std::set<std::string> values;
  for (const Json& c : call->at("claims")) values.insert(c.at("value").get<std::string>());
  CHECK(values.count("> 60 min") == 1);
  CHECK((values.count("90 min") == 1 || values.count("81-99 min") == 1));
  for (const Json& f : report.at("findings")) {
    if (f.at("kind") == "call_duration") CHECK(f.at("verdict") != "conflict");
  }
}

TEST_CASE("seeds: nothing comes from the sports and film items trailing 003", "[e2e][seeds]") {
  if (SeedsAbsent()) return;
  const Json& report = *SeedsReport();
  const std::string raw = ReadFile(SharedDir() / "seeds" / "003_01c0f07c45637442.txt");
  const size_t trailer = raw.find("LeBron");
  REQUIRE(trailer != std::string::npos);
  size_t from_003 = 0;
  for (const Json& f : report.at("findings")) {
    for (const Json& c : f.at("claims")) {
      if (c.at("document").get<std::string>().rfind("003", 0) != 0) continue;
      ++from_003;
      CHECK(c.at("end").get<size_t>() < trailer);
    }
  }
  CHECK(from_003 >= 2);  // the call and the meeting
}

TEST_CASE("seeds: Trump and Putin may meet in Saudi Arabia (001, 003, hedged); Munich is another meeting", "[e2e][seeds]") {
  if (SeedsAbsent()) return;
  const Json& report = *SeedsReport();
  const auto meetings = FindingsOf(report, "meeting_location");
  const Json* saudi = nullptr;
  const Json* munich = nullptr;
  for (const Json& f : meetings) {
    if (HasParticipants(f, {"Donald Trump", "Vladimir Putin"})) saudi = &f;
    if (HasParticipants(f, {"J.D. Vance", "Marco Rubio", "Volodymyr Zelensky"})) munich = &f;
    std::set<std::string> values;
    for (const Json& c : f.at("claims")) values.insert(c.at("value").get<std::string>());
    // Munich and Saudi Arabia are never weighed against each other.
    CHECK(!(values.count("Munich") && values.count("Saudi Arabia")));
  }
  REQUIRE(saudi != nullptr);
  REQUIRE(munich != nullptr);
  CHECK(saudi != munich);
  CHECK(DocumentsOf(*saudi) == std::set<std::string>{"001", "003"});
  for (const Json& c : saudi->at("claims")) {
    CHECK(c.at("value") == "Saudi Arabia");
    CHECK(c.at("modality") == "hedged");
  }
  CHECK(saudi->at("verdict") != "conflict");
  CHECK(DocumentsOf(*munich) == std::set<std::string>{"000", "002"});
  for (const Json& c : munich->at("claims")) CHECK(c.at("value") == "Munich");
}

TEST_CASE("seeds: Putin invited Trump to Moscow, and 001 and 004 agree", "[e2e][seeds]") {
  if (SeedsAbsent()) return;
  const auto invitations = FindingsOf(*SeedsReport(), "invitation");
  REQUIRE(invitations.size() == 1);
  const Json& f = invitations[0];
  CHECK(f.at("verdict") == "agree");
  CHECK(DocumentsOf(f) == std::set<std::string>{"001", "004"});
  CHECK(f.at("subject").at("label") == "invitation from Vladimir Putin to Donald Trump");
  for (const Json& c : f.at("claims")) CHECK(c.at("value") == "Moscow");
}

TEST_CASE("seeds: only 001 names Marc Fogel's release, so it is single source", "[e2e][seeds]") {
  if (SeedsAbsent()) return;
  const auto releases = FindingsOf(*SeedsReport(), "prisoner_release");
  REQUIRE(releases.size() == 1);
  CHECK(releases[0].at("verdict") == "single_source");
  CHECK(releases[0].at("subject").at("participants") == Json::array({"Marc Fogel"}));
  CHECK(DocumentsOf(releases[0]) == std::set<std::string>{"001"});
}

TEST_CASE("seeds: 000 is a rewrite of 002, the only copies, so Munich rests on one source", "[e2e][seeds][sources]") {
  if (SeedsAbsent()) return;
  const Json& report = *SeedsReport();
  REQUIRE(report.at("source_clusters").size() == 1);
  const Json& cluster = report.at("source_clusters")[0];
  std::set<std::string> docs;
  for (const Json& d : cluster.at("documents")) docs.insert(d.get<std::string>().substr(0, 3));
  CHECK(docs == std::set<std::string>{"000", "002"});
  REQUIRE(cluster.at("links").size() == 1);
  const Json& link = cluster.at("links")[0];
  CHECK(link.at("kind") == "rewrite");
  CHECK(link.at("shared_quotes").get<int>() >= 3);  // Trump's and Hegseth's words, verbatim in both
  CHECK(link.at("reason").get<std::string>().find("rewrite") == 0);
  CHECK(report.at("summary").at("independent_sources") == 4);
  for (const Json& f : FindingsOf(report, "meeting_location")) {
    if (DocumentsOf(f) != std::set<std::string>{"000", "002"}) continue;
    CHECK(f.at("outlets") == 2);
    CHECK(f.at("sources") == 1);
    CHECK(f.at("verdict") == "single_source");
  }
}

TEST_CASE("seeds: Trump's 'stop being killed' (003) is 'stop getting killed' in 004", "[e2e][seeds][quotes]") {
  if (SeedsAbsent()) return;
  const Json& report = *SeedsReport();
  const Json* killed = nullptr;
  for (const Json& d : report.at("quote_drift")) {
    if (d.at("a").at("quote").get<std::string>().find("killed") != std::string::npos) killed = &d;
  }
  REQUIRE(killed != nullptr);
  CHECK(killed->at("speaker") == "Trump");
  CHECK(killed->at("a").at("document").get<std::string>().substr(0, 3) == "003");
  CHECK(killed->at("b").at("document").get<std::string>().substr(0, 3) == "004");
  CHECK(killed->at("changes") == Json::array({Json{{"a", "being"}, {"b", "getting"}}}));
  CHECK(killed->at("a").at("marked") == "I just want to see people stop [being] killed.");
  CHECK(killed->at("b").at("marked") == "I just want to see people stop [getting] killed.");
  // Zelenskyy/Zelensky and a comma are not drift; the 'and' 003 adds is.
  for (const Json& d : report.at("quote_drift")) {
    for (const Json& c : d.at("changes")) {
      CHECK(c.at("a").get<std::string>().find("Zelensk") == std::string::npos);
      CHECK(c.at("b").get<std::string>().find("Zelensk") == std::string::npos);
    }
  }
}

TEST_CASE("seeds: every outlet that gives Hegseth a title calls him Secretary of Defense", "[e2e][seeds][titles]") {
  if (SeedsAbsent()) return;
  // All five articles write "Defense Secretary Pete Hegseth"; 000 and 002 are one story, so four sources.
  const std::vector<Json> titles = FindingsOf(*SeedsReport(), "person_title");
  const Json* hegseth = nullptr;
  for (const Json& f : titles) {
    if (f.at("subject").at("participants") == Json::array({"Pete Hegseth"})) hegseth = &f;
  }
  REQUIRE(hegseth != nullptr);
  CHECK(hegseth->at("verdict") == "agree");
  CHECK(DocumentsOf(*hegseth) == std::set<std::string>{"000", "001", "002", "003", "004"});
  CHECK(hegseth->at("sources") == 4);
  for (const Json& c : hegseth->at("claims")) CHECK(c.at("value") == "Secretary of Defense");
  CHECK(hegseth->at("self_contradictions").empty());
}

TEST_CASE("seeds: 001 calls Trump \"Former President\" and later \"President\", and contradicts itself", "[e2e][seeds][titles][self]") {
  if (SeedsAbsent()) return;
  const Json& report = *SeedsReport();
  const std::vector<Json> titles = FindingsOf(report, "person_title");
  const Json* trump = nullptr;
  for (const Json& f : titles) {
    if (f.at("subject").at("participants") == Json::array({"Donald Trump"})) trump = &f;
  }
  REQUIRE(trump != nullptr);
  REQUIRE(trump->at("self_contradictions").size() == 1);
  const Json& self = trump->at("self_contradictions")[0];
  CHECK(self.at("document").get<std::string>().substr(0, 3) == "001");
  CHECK(self.at("reason") == "former President (no longer in office) and President (in office) differ");
  // Every other outlet calls him President: 001's "Former President" is the conflict.
  CHECK(trump->at("verdict") == "conflict");
  std::set<std::string> former;
  for (const Json& c : trump->at("claims")) {
    if (c.at("value") == "former President") former.insert(c.at("document").get<std::string>().substr(0, 3));
  }
  CHECK(former == std::set<std::string>{"001"});
  // The same title twice, or "President" beside "Russian President" or "Ukrainian President", is no contradiction:
  // 001 is the only document flagged, for Trump only.
  size_t flagged = 0;
  for (const Json& f : titles) flagged += f.at("self_contradictions").size();
  CHECK(flagged == 1);
  CHECK(report.at("summary").at("self_contradictions").get<int>() >= 1);
}

TEST_CASE("seeds: every claim keeps its evidence", "[e2e][seeds]") {
  if (SeedsAbsent()) return;
  for (const Json& f : SeedsReport()->at("findings")) {
    CHECK(!f.at("reason").get<std::string>().empty());
    for (const Json& c : f.at("claims")) {
      const std::string raw = ReadFile(SharedDir() / "seeds" / c.at("document").get<std::string>());
      const size_t start = c.at("start");
      const size_t end = c.at("end");
      REQUIRE(start < end);
      REQUIRE(end <= raw.size());
      const size_t sentence_start = c.at("sentence").at("start");
      const size_t sentence_end = c.at("sentence").at("end");
      CHECK(sentence_start <= start);
      CHECK(end <= sentence_end);
      CHECK(!c.at("template").get<std::string>().empty());
    }
  }
}

}  // namespace crosscheck::testing
