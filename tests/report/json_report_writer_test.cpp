// Tests for report/json_report_writer: report.json parses, has every field a
// reader needs, is byte-stable, and carries article text exactly.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "report/json_report_writer.h"
#include "report/report_data.h"

namespace {

using crosscheck::DocumentSource;
using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::Modality;
using crosscheck::RoleFiller;
using crosscheck::SourcedClaim;
using crosscheck::ValueKind;
using crosscheck::Verdict;
using crosscheck::report::ReportData;
using Json = nlohmann::json;

SourcedClaim MakeClaim(const std::string& path, const std::string& outlet, const std::string& evidence,
                       const std::string& value_text, const std::string& display, Interval interval) {
  SourcedClaim sc;
  sc.id = 1;
  sc.document_hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  sc.source.path = path;
  sc.source.outlet = outlet;
  crosscheck::Claim& c = sc.claim;
  c.template_id = "call_duration";
  c.subject_kind = "call";
  c.pattern = 1;
  c.value.kind = ValueKind::kQuantity;
  c.value.type = "duration";
  c.value.unit = "min";
  c.value.interval = interval;
  c.value.text = value_text;
  c.value.display = display;
  c.evidence = evidence;
  c.sentence = 2;
  c.sentence_raw = {100, static_cast<uint32_t>(100 + evidence.size())};
  const size_t at = evidence.find(value_text);
  REQUIRE(at != std::string::npos);
  c.value_in_evidence = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + value_text.size())};
  c.value_raw = {100 + c.value_in_evidence.begin, 100 + c.value_in_evidence.end};
  c.match_raw = {100, c.value_raw.end};
  c.roles = {RoleFiller{"participants", "Donald Trump", "person", "Trump", "slot", 2},
             RoleFiller{"participants", "Vladimir Putin", "person", "Putin", "context", 1}};
  return sc;
}

ReportData MakeData() {
  ReportData data;
  data.corpus = "sample";
  data.documents = {DocumentSource{"bbc/call.txt", "BBC", "https://bbc.example/call", "2025-03-18"},
                    DocumentSource{"cnn/call.html", "CNN", "", ""}};
  data.claims_per_document = {1, 1};  // by document
  data.claims = 2;
  data.subjects = 1;

  Finding f;
  f.template_id = "call_duration";
  f.subject.id = "call:donald-trump+vladimir-putin";
  f.subject.kind = "call";
  f.subject.label = "call between Donald Trump and Vladimir Putin";
  f.subject.participants = {"Donald Trump", "Vladimir Putin"};
  f.subject.time = "2025-03-18";
  f.id = f.template_id + "/" + f.subject.id;
  f.verdict = Verdict::kCompatible;
  f.reason = "90 min lies within > 60 min";
  f.outlets = 2;
  SourcedClaim bbc = MakeClaim("bbc/call.txt", "BBC", "The call lasted over an hour, the Kremlin said.", "over an hour",
                               "> 60 min", Interval{60, Interval::kInfinity, true, true});
  bbc.claim.modality = Modality::kHedged;
  bbc.claim.modality_cue = "said";
  bbc.claim.attribution = "Kremlin";
  SourcedClaim cnn = MakeClaim("cnn/call.html", "CNN", "The call lasted 90 minutes.", "90 minutes", "90 min",
                               Interval::Point(90));
  f.claims = {bbc, cnn};
  data.findings = {f};

  Finding single;
  single.template_id = "call_happened";
  single.subject = f.subject;
  single.subject.time.clear();
  single.id = single.template_id + "/" + single.subject.id;
  single.verdict = Verdict::kSingleSource;
  single.reason = "only BBC reports it";
  single.outlets = 1;
  SourcedClaim event = bbc;
  event.claim.template_id = "call_happened";
  event.claim.value = crosscheck::Value{};
  event.claim.value.kind = ValueKind::kEvent;
  event.claim.value.display = "happened";
  event.claim.value_raw = {};
  event.claim.value_in_evidence = {};
  single.claims = {event};
  data.findings.push_back(single);
  data.diagnostics = {crosscheck::Diagnostic{crosscheck::Diagnostic::Severity::kWarning, "broken.txt", 0,
                                             "not UTF-8; skipped"}};
  data.skipped_documents = 1;
  return data;
}

std::string Write(const ReportData& data) {
  std::ostringstream out;
  crosscheck::report::WriteJsonReport(data, out);
  return out.str();
}

}  // namespace

TEST_CASE("The JSON report parses and has the required fields", "[report]") {
  const std::string text = Write(MakeData());
  Json j;
  REQUIRE_NOTHROW(j = Json::parse(text));
  CHECK(j["format"] == "crosscheck-report");
  CHECK(j["version"] == crosscheck::report::kReportFormatVersion);
  CHECK(j["corpus"] == "sample");

  const Json& summary = j["summary"];
  CHECK(summary["documents"] == 2);
  CHECK(summary["outlets"] == 2);
  CHECK(summary["claims"] == 2);
  CHECK(summary["subjects"] == 1);
  CHECK(summary["findings"] == 2);
  CHECK(summary["skipped_documents"] == 1);
  CHECK(summary["verdicts"]["compatible"] == 1);
  CHECK(summary["verdicts"]["single_source"] == 1);
  CHECK(summary["verdicts"]["conflict"] == 0);
  CHECK(summary["verdicts"]["agree"] == 0);

  REQUIRE(j["documents"].is_array());
  REQUIRE(j["documents"].size() == 2);
  CHECK(j["documents"][0]["path"] == "bbc/call.txt");
  CHECK(j["documents"][0]["outlet"] == "BBC");
  CHECK(j["documents"][0]["url"] == "https://bbc.example/call");
  CHECK(j["documents"][0]["published"] == "2025-03-18");
  CHECK(j["documents"][0]["claims"] == 1);
  CHECK(j["documents"][1]["path"] == "cnn/call.html");
  CHECK(j["documents"][1]["outlet"] == "CNN");
  CHECK(j["documents"][1]["url"].is_null());
  CHECK(j["documents"][1]["published"].is_null());

  REQUIRE(j["findings"].size() == 2);
  const Json& f = j["findings"][0];
  CHECK(f["id"] == "call_duration/call:donald-trump+vladimir-putin");
  CHECK(f["kind"] == "call_duration");
  CHECK(f["subject"]["id"] == "call:donald-trump+vladimir-putin");
  CHECK(f["subject"]["label"] == "call between Donald Trump and Vladimir Putin");
  CHECK(f["subject"]["participants"] == Json::array({"Donald Trump", "Vladimir Putin"}));
  CHECK(f["subject"]["time"] == "2025-03-18");
  CHECK(f["verdict"] == "compatible");
  CHECK(f["reason"] == "90 min lies within > 60 min");
  CHECK(f["outlets"] == 2);
  REQUIRE(f["claims"].size() == 2);

  const Json& c = f["claims"][0];
  CHECK(c["id"] == "0123456789-100-call_duration");
  CHECK(c["document"] == "bbc/call.txt");
  CHECK(c["outlet"] == "BBC");
  CHECK(c["template"] == "call_duration");
  CHECK(c["value"] == "> 60 min");
  CHECK(c["raw_value"] == "over an hour");
  CHECK(c["evidence"] == "The call lasted over an hour, the Kremlin said.");
  CHECK(c["start"] == 100);
  CHECK(c["end"] == 128);
  CHECK(c["value_start"] == 116);
  CHECK(c["value_end"] == 128);
  CHECK(c["evidence_value"] == Json::array({16, 28}));
  CHECK(c["modality"] == "hedged");
  CHECK(c["modality_cue"] == "said");
  CHECK(c["attribution"] == "Kremlin");
  CHECK(c["interval"]["lo"] == 60.0);
  CHECK(c["interval"]["hi"].is_null());  // +infinity
  CHECK(c["interval"]["lo_open"] == true);
  CHECK(c["interval"]["hi_open"] == true);
  CHECK(c["interval"]["unit"] == "min");
  CHECK(c["sentence"]["index"] == 2);
  CHECK(c["sentence"]["start"] == 100);
  REQUIRE(c["roles"].size() == 2);
  CHECK(c["roles"][1]["entity"] == "Vladimir Putin");
  CHECK(c["roles"][1]["via"] == "context");

  const Json& asserted = f["claims"][1];
  CHECK(asserted["modality"] == "asserted");
  CHECK(asserted["modality_cue"].is_null());
  CHECK(asserted["attribution"].is_null());
  CHECK(asserted["interval"]["lo"] == 90.0);
  CHECK(asserted["interval"]["hi"] == 90.0);

  // An event has no value span and no interval.
  const Json& event = j["findings"][1]["claims"][0];
  CHECK(j["findings"][1]["verdict"] == "single_source");
  CHECK(j["findings"][1]["subject"]["time"].is_null());
  CHECK(event["value_start"].is_null());
  CHECK(event["value_end"].is_null());
  CHECK(event["evidence_value"].is_null());
  CHECK_FALSE(event.contains("interval"));

  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["severity"] == "warning");
  CHECK(j["diagnostics"][0]["path"] == "broken.txt");
  CHECK(j["diagnostics"][0]["message"] == "not UTF-8; skipped");
}

TEST_CASE("The JSON report is byte-identical for identical input", "[report]") {
  const std::string first = Write(MakeData());
  const std::string second = Write(MakeData());
  CHECK(first == second);
  CHECK_FALSE(first.empty());
  CHECK(first.back() == '\n');
  // Keys keep a fixed order, not an alphabetical one.
  CHECK(first.find("\"format\"") < first.find("\"corpus\""));
  CHECK(first.find("\"summary\"") < first.find("\"documents\""));
  CHECK(first.find("\"documents\"") < first.find("\"findings\""));
}

TEST_CASE("Article text round-trips exactly through the JSON report", "[report]") {
  const std::vector<std::string> texts = {
      "He said \"it lasted 90 minutes\" and left.",
      "A path like C:\\temp\\new and a trailing backslash \\",
      "Line one\nline two\r\nline three\ttabbed",
      "<script>alert('x')</script> lasted 90 minutes </script><!--",
      "Unicode: \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 Zelensky \xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81"
      "\xD0\xBA\xD0\xB8\xD0\xB9 lasted 90 minutes",
      std::string("control \x01 and \x1f bytes lasted 90 minutes"),
  };
  for (const std::string& text : texts) {
    INFO(text);
    ReportData data = MakeData();
    Finding& f = data.findings[0];
    SourcedClaim& sc = f.claims[1];
    sc.claim.evidence = text;
    sc.claim.value_in_evidence = {};
    sc.claim.value_raw = {};
    sc.source.outlet = text;
    f.subject.label = text;
    f.reason = text;
    data.documents[1].path = text;
    data.documents[1].outlet = text;
    data.corpus = text;
    const std::string out = Write(data);
    Json j;
    REQUIRE_NOTHROW(j = Json::parse(out));
    CHECK(j["corpus"] == text);
    CHECK(j["documents"][1]["path"] == text);
    CHECK(j["documents"][1]["outlet"] == text);
    CHECK(j["findings"][0]["subject"]["label"] == text);
    CHECK(j["findings"][0]["reason"] == text);
    CHECK(j["findings"][0]["claims"][1]["evidence"] == text);
    CHECK(j["findings"][0]["claims"][1]["outlet"] == text);
  }
}

TEST_CASE("Invalid UTF-8 in article text does not break the JSON report", "[report]") {
  ReportData data = MakeData();
  data.findings[0].claims[1].claim.evidence = "bad \xFF\xFE bytes";
  std::string out;
  REQUIRE_NOTHROW(out = Write(data));
  Json j;
  REQUIRE_NOTHROW(j = Json::parse(out));
  CHECK(j["findings"][0]["claims"][1]["evidence"] == "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes");  // U+FFFD twice
}

TEST_CASE("An empty report is still a complete document", "[report]") {
  ReportData data;
  data.corpus = "empty";
  Json j;
  REQUIRE_NOTHROW(j = Json::parse(Write(data)));
  CHECK(j["documents"].is_array());
  CHECK(j["documents"].empty());
  CHECK(j["findings"].is_array());
  CHECK(j["findings"].empty());
  CHECK(j["diagnostics"].is_array());
  CHECK(j["summary"]["findings"] == 0);
  CHECK(j["summary"]["outlets"] == 0);
}

TEST_CASE("The JSON report, written finding by finding, is laid out exactly as one whole dump", "[report]") {
  // Re-dumping the parsed report (keys in file order) must give the same bytes:
  // the streamed layout and nlohmann's dump(2) agree, at every nesting level.
  auto same_as_dump = [](const std::string& text) {
    const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(text);
    CHECK(parsed.dump(2, ' ', false) + "\n" == text);
  };
  SECTION("findings with claims, roles and self-contradictions") {
    ReportData data = MakeData();
    data.findings[0].self_contradictions.push_back({"a.txt", "A", "Geneva and Vienna are different places"});
    data.findings.push_back(data.findings[0]);
    data.findings.back().id = "second";
    same_as_dump(Write(data));
  }
  SECTION("no findings at all") {
    ReportData data;
    data.corpus = "empty";
    same_as_dump(Write(data));
  }
}

TEST_CASE("Claims written as text are those of the claim's JSON tree (FindingsJson)", "[report][json]") {
  ReportData data = MakeData();
  Finding& f = data.findings[0];
  SourcedClaim dated = f.claims[0];
  dated.claim.value.kind = ValueKind::kDate;
  dated.claim.value.type = "date";
  dated.claim.value.unit = "day";
  dated.claim.value.id = "2025-02-12";
  dated.claim.value.interval = {20131, 20131.5, false, false};
  dated.claim.has_when = true;
  dated.claim.when.phrase = "on Wednesday";
  dated.claim.when.resolved = true;
  dated.claim.when.days = {20131, 20131};
  dated.claim.when.display = "Wednesday (2025-02-12)";
  dated.claim.when.weekday = 3;
  dated.claim.when.relative = true;
  dated.claim.when.rule = "the most recent Wednesday on or before the anchor";
  dated.claim.when.anchor_source = "none";
  dated.claim.roles.clear();
  SourcedClaim unresolved = f.claims[1];
  unresolved.claim.has_when = true;
  unresolved.claim.when.phrase = "this summer";
  unresolved.claim.when.days = {-Interval::kInfinity, Interval::kInfinity};
  unresolved.claim.value.interval = {std::nan(""), 1e-7, false, true};
  unresolved.claim.value.id = "place:geneva";
  unresolved.claim.evidence = "bad \xC3 UTF-8 \x01 and \xE2\x80\x9Cquotes\xE2\x80\x9D";
  unresolved.claim.value_in_evidence = {0, 3};
  f.claims.push_back(dated);
  f.claims.push_back(unresolved);
  const nlohmann::ordered_json written = nlohmann::ordered_json::parse(Write(data));
  std::vector<const Finding*> findings;
  for (const Finding& g : data.findings) findings.push_back(&g);
  const nlohmann::ordered_json tree = nlohmann::ordered_json::parse(crosscheck::report::FindingsJson(findings));
  REQUIRE(tree.size() == data.findings.size());
  for (size_t i = 0; i < data.findings.size(); ++i) {
    CHECK(written["findings"][i]["claims"].dump(2) == tree[i]["claims"].dump(2));
  }
  CHECK(written["findings"][0]["claims"].size() == 4);
}
