// Tests for report/markdown_report_writer: report.md for people, with article
// text escaped so that nothing in it becomes markup, links or HTML.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "report/markdown_report_writer.h"
#include "report/report_data.h"

namespace {

using crosscheck::DocumentSource;
using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::SourcedClaim;
using crosscheck::ValueKind;
using crosscheck::Verdict;
using crosscheck::report::EscapeMarkdown;
using crosscheck::report::ReportData;

SourcedClaim MakeClaim(const std::string& path, const std::string& outlet, const std::string& evidence,
                       const std::string& value_text, const std::string& display) {
  SourcedClaim sc;
  sc.document_hash = std::string(64, 'c');
  sc.source.path = path;
  sc.source.outlet = outlet;
  crosscheck::Claim& c = sc.claim;
  c.template_id = "call_duration";
  c.value.kind = ValueKind::kQuantity;
  c.value.interval = Interval::Point(90);
  c.value.text = value_text;
  c.value.display = display;
  c.evidence = evidence;
  const size_t at = evidence.find(value_text);
  REQUIRE(at != std::string::npos);
  c.value_in_evidence = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + value_text.size())};
  c.value_raw = {static_cast<uint32_t>(10 + at), static_cast<uint32_t>(10 + at + value_text.size())};
  c.match_raw = {10, c.value_raw.end};
  return sc;
}

Finding MakeFinding(const std::string& template_id, Verdict verdict, const std::string& reason,
                    std::vector<SourcedClaim> claims) {
  Finding f;
  f.template_id = template_id;
  f.subject.id = "call:donald-trump+vladimir-putin";
  f.subject.kind = "call";
  f.subject.label = "call between Donald Trump and Vladimir Putin";
  f.subject.participants = {"Donald Trump", "Vladimir Putin"};
  f.id = template_id + "/" + f.subject.id;
  f.verdict = verdict;
  f.reason = reason;
  f.claims = std::move(claims);
  std::vector<std::string> outlets;
  for (const SourcedClaim& c : f.claims) outlets.push_back(c.source.outlet);
  std::sort(outlets.begin(), outlets.end());
  f.outlets = static_cast<size_t>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
  return f;
}

ReportData MakeData() {
  ReportData data;
  data.corpus = "sample";
  data.documents = {DocumentSource{"ap.txt", "AP", "", "2025-03-18"}, DocumentSource{"bbc.txt", "BBC", "", ""},
                    DocumentSource{"cnn.txt", "CNN", "", ""}};
  data.claims_per_document = {2, 3};  // by document; cnn.txt has none
  data.claims = 5;
  data.subjects = 2;
  // Deliberately not in verdict order: the writer groups by verdict.
  data.findings = {
      MakeFinding("call_place", Verdict::kAgree, "all 2 outlets say Riyadh",
                  {MakeClaim("ap.txt", "AP", "They met in Riyadh.", "Riyadh", "Riyadh"),
                   MakeClaim("bbc.txt", "BBC", "The talks took place in Riyadh.", "Riyadh", "Riyadh")}),
      MakeFinding("call_duration", Verdict::kConflict, "4 and 5 do not overlap (AP: 4; BBC: 5)",
                  {MakeClaim("ap.txt", "AP", "The call lasted 4 hours.", "4 hours", "240 min"),
                   MakeClaim("bbc.txt", "BBC", "The call lasted 5 hours.", "5 hours", "300 min")}),
      MakeFinding("call_topic", Verdict::kSingleSource, "only BBC reports it (Ukraine)",
                  {MakeClaim("bbc.txt", "BBC", "They discussed Ukraine.", "Ukraine", "Ukraine")}),
  };
  return data;
}

std::string Write(const ReportData& data) {
  std::ostringstream out;
  crosscheck::report::WriteMarkdownReport(data, out);
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Cells of a Markdown table row: splits on '|' not preceded by a backslash.
size_t UnescapedPipes(const std::string& line) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("EscapeMarkdown escapes markup, HTML and line breaks", "[report]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plain text, with 90 minutes.", "plain text, with 90 minutes."},
      {"", ""},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a & b", "a &amp; b"},
      {"&lt;", "&amp;lt;"},
      {"a | b", "a \\| b"},
      {"*bold* and _em_", "\\*bold\\* and \\_em\\_"},
      {"[link](http://x)", "\\[link\\](http://x)"},
      {"![img](x.png)", "\\!\\[img\\](x.png)"},
      {"`code`", "\\`code\\`"},
      {"# heading", "\\# heading"},
      {"~~strike~~", "\\~\\~strike\\~\\~"},
      {"back\\slash", "back\\\\slash"},
      {"line one\nline two\r\nthree", "line one line two  three"},
      {"Zelensky \xE2\x80\x94 \xD0\x97\xD0\xB5\xD0\xBB", "Zelensky \xE2\x80\x94 \xD0\x97\xD0\xB5\xD0\xBB"},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(EscapeMarkdown(input) == expected);
  }
}

TEST_CASE("The Markdown report lists conflicts before compatible, agreement and single source", "[report]") {
  ReportData data = MakeData();
  data.findings.push_back(MakeFinding("call_date", Verdict::kCompatible, "2025-03-18 lies within 2025-03",
                                      {MakeClaim("ap.txt", "AP", "On 18 March 2025.", "18 March 2025", "2025-03-18"),
                                       MakeClaim("cnn.txt", "CNN", "In March 2025.", "March 2025", "2025-03")}));
  const std::string md = Write(data);
  const size_t conflicts = md.find("## Conflicts");
  const size_t compatible = md.find("## Compatible");
  const size_t agreement = md.find("## Agreement");
  const size_t single = md.find("## Single source");
  const size_t documents = md.find("## Documents");
  REQUIRE(conflicts != std::string::npos);
  REQUIRE(compatible != std::string::npos);
  REQUIRE(agreement != std::string::npos);
  REQUIRE(single != std::string::npos);
  REQUIRE(documents != std::string::npos);
  CHECK(conflicts < compatible);
  CHECK(compatible < agreement);
  CHECK(agreement < single);
  CHECK(single < documents);
  // Each finding sits under its own verdict's heading.
  const size_t duration = md.find("call\\_duration");
  const size_t place = md.find("call\\_place");
  REQUIRE(duration != std::string::npos);
  REQUIRE(place != std::string::npos);
  CHECK(duration > conflicts);
  CHECK(duration < compatible);
  CHECK(place > agreement);
  CHECK(place < single);
  CHECK_THAT(md, Catch::Contains("**Verdict: CONFLICT** — 4 and 5 do not overlap (AP: 4; BBC: 5)"));
}

TEST_CASE("The Markdown report starts with the summary counts", "[report]") {
  ReportData data = MakeData();
  data.skipped_documents = 2;
  data.diagnostics = {crosscheck::Diagnostic{crosscheck::Diagnostic::Severity::kWarning, "bad_file.txt", 3,
                                             "not UTF-8 <b>"}};
  const std::string md = Write(data);
  const std::vector<std::string> lines = Lines(md);
  REQUIRE(lines.size() > 10);
  CHECK(lines[0] == "# Consistency report: sample");
  CHECK(lines[2] ==
        "3 documents from 3 outlets, 5 claims about 2 subjects. 2 files were skipped (see Diagnostics).");
  CHECK_THAT(md, Catch::Contains("| Verdict | Findings |\n|---|---|\n"
                                 "| CONFLICT | 1 |\n| compatible | 0 |\n| agree | 1 |\n| single source | 1 |\n"));
  // An empty verdict gets no section.
  CHECK_THAT(md, !Catch::Contains("## Compatible"));
  CHECK_THAT(md, Catch::Contains("Subject `call:donald-trump+vladimir-putin`, 2 claims from 2 outlets."));
  CHECK_THAT(md, Catch::Contains("Subject `call:donald-trump+vladimir-putin`, 1 claim from 1 outlet."));
  // Documents, with their claim counts (0 when none) and publication dates.
  CHECK_THAT(md, Catch::Contains("| ap.txt | AP | 2025-03-18 | 2 |"));
  CHECK_THAT(md, Catch::Contains("| cnn.txt | CNN | — | 0 |"));
  CHECK_THAT(md, Catch::Contains("## Diagnostics\n\n- bad\\_file.txt:3: not UTF-8 &lt;b&gt;\n"));
}

TEST_CASE("The value is bolded in the evidence", "[report]") {
  const std::string md = Write(MakeData());
  CHECK_THAT(md, Catch::Contains("| The call lasted **4 hours**. |"));
  CHECK_THAT(md, Catch::Contains("| They met in **Riyadh**. |"));
  CHECK_THAT(md, Catch::Contains("| AP <br>ap.txt:10 | 240 min | asserted | — | The call lasted **4 hours**. |"));
}

TEST_CASE("Hostile article text cannot inject HTML, links or table breaks", "[report]") {
  ReportData data = MakeData();
  SourcedClaim& sc = data.findings[1].claims[0];
  const std::string evidence =
      "<script>alert('x')</script> | col | *not bold* [link](http://evil) ![img](x) the call lasted 4 hours\nnext";
  sc = MakeClaim("ap.txt", "AP | <b>Outlet</b>", evidence, "4 hours", "4 | hours");
  sc.claim.attribution = "[Kremlin](http://evil) <img src=x>";
  sc.claim.modality = crosscheck::Modality::kHedged;
  sc.claim.modality_cue = "*maybe* |";
  data.findings[1].subject.label = "call <i>between</i> | [x](y)";
  data.findings[1].reason = "reason with | and <script>";
  data.corpus = "corpus <script>";
  const std::string md = Write(data);

  CHECK_THAT(md, !Catch::Contains("<script"));
  CHECK_THAT(md, !Catch::Contains("<b>"));
  CHECK_THAT(md, !Catch::Contains("<i>"));
  CHECK_THAT(md, !Catch::Contains("<img"));
  CHECK_THAT(md, !Catch::Contains("[link]"));
  CHECK_THAT(md, Catch::Contains("&lt;script&gt;alert('x')&lt;/script&gt; \\| col \\| \\*not bold\\* "
                                 "\\[link\\](http://evil) \\!\\[img\\](x) the call lasted **4 hours** next"));
  CHECK_THAT(md, Catch::Contains("hedged (\"\\*maybe\\* \\|\")"));

  // Every row of every findings table keeps its six column separators.
  bool in_table = false;
  size_t rows = 0;
  for (const std::string& line : Lines(md)) {
    if (line.rfind("| Outlet | Value |", 0) == 0) {
      in_table = true;
      continue;
    }
    if (line.empty()) in_table = false;
    if (!in_table || line.rfind("|---", 0) == 0) continue;
    INFO(line);
    CHECK(UnescapedPipes(line) == 6);
    ++rows;
  }
  CHECK(rows == 5);
}

TEST_CASE("Evidence without a value span, or with a span past its end, is escaped whole", "[report]") {
  ReportData data = MakeData();
  SourcedClaim& sc = data.findings[2].claims[0];
  sc.claim.evidence = "They talked <b>long</b>.";
  SECTION("no span") { sc.claim.value_in_evidence = {}; }
  SECTION("a span beyond the evidence") { sc.claim.value_in_evidence = {5, 500}; }
  const std::string md = Write(data);
  CHECK_THAT(md, Catch::Contains("| They talked &lt;b&gt;long&lt;/b&gt;. |"));
  CHECK_THAT(md, !Catch::Contains("**They"));
}

TEST_CASE("The Markdown report is the same for the same input", "[report]") {
  CHECK(Write(MakeData()) == Write(MakeData()));
}

TEST_CASE("A weak conflict is marked and counted apart from flat ones", "[report][strength]") {
  ReportData data = MakeData();
  for (crosscheck::Finding& f : data.findings) {
    if (f.verdict == crosscheck::Verdict::kConflict) f.strength = crosscheck::ConflictStrength::kWeak;
  }
  const std::string md = Write(data);
  CHECK_THAT(md, Catch::Contains("**Verdict: CONFLICT (weak)**"));
  CHECK_THAT(md, Catch::Contains("| of which weak (hedged, or attributed to different parties) | 1 |"));
}

TEST_CASE("Documents that contradict themselves get their own section", "[report][self]") {
  ReportData data = MakeData();
  data.findings.front().self_contradictions.push_back({"ap.txt", "AP", "4 and 5 do not overlap"});
  const std::string md = Write(data);
  CHECK_THAT(md, Catch::Contains("## Documents that contradict themselves\n\n- AP (ap.txt), "));
  CHECK_THAT(md, Catch::Contains(": 4 and 5 do not overlap\n"));
}

TEST_CASE("The Markdown report gives each finding's consensus and an outlet reliability table, escaped", "[report][consensus]") {
  ReportData data = MakeData();
  crosscheck::check::SubjectConsensus c;
  c.finding_id = data.findings[1].id;
  c.status = crosscheck::check::ConsensusStatus::kContested;
  c.sources = 2;
  c.best.value = "240 min|<b>";
  c.best.confidence = 0.5;
  c.best.interval = {0.1, 0.9};
  c.has_runner_up = true;
  c.runner_up.value = "300 min";
  c.runner_up.confidence = 0.5;
  c.reason = "240 min (support 0.80) against 300 min (support 0.80); if 240 min, 1 of 2 independent sources are right, 1 wrong";
  data.truth.consensus[c.finding_id] = c;
  crosscheck::check::SubjectConsensus single;
  single.finding_id = data.findings[2].id;
  single.status = crosscheck::check::ConsensusStatus::kInsufficientEvidence;
  single.sources = 1;
  single.reason = "one independent source (Ukraine), nothing to weigh it against";
  data.truth.consensus[single.finding_id] = single;
  crosscheck::check::OutletReliability r;
  r.outlet = "BBC|*x*";
  r.subjects = 3;
  r.agree = 2;
  r.disagree = 1;
  r.agreement_weight = 2;
  r.disagreement_weight = 1;
  r.agreement_rate = 2.0 / 3;
  r.interval = {0.2, 0.94};
  r.score = 0.75;
  r.enough_evidence = true;
  data.truth.outlets = {r};
  const std::string md = Write(data);
  CHECK_THAT(md, Catch::Contains("**Consensus: 240 min\\|&lt;b&gt; (contested)** — confidence 50% (90% interval 10%–90%); "
                                 "runner-up 300 min, 50% — 240 min (support 0.80)"));
  CHECK_THAT(md, Catch::Contains("**Consensus: insufficient evidence** — one independent source (Ukraine), nothing to weigh it against"));
  CHECK_THAT(md, Catch::Contains("## Outlet reliability"));
  CHECK_THAT(md, Catch::Contains("| BBC\\|\\*x\\* | 0.75 | 67% (20%–94%) | 3 | 2 | 1 | rated |"));
  CHECK(md.find("<b>") == std::string::npos);
}
