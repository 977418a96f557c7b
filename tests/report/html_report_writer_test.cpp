// Tests for report/html_report_writer: report.html's escaping, highlights at
// byte offsets in UTF-8 text, structure and self-containment. What a browser
// makes of the page is tested in tests/browser/.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "report/graphviz_renderer.h"
#include "report/html_report_writer.h"
#include "report/report_data.h"

namespace {

using crosscheck::DocumentSource;
using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::SourcedClaim;
using crosscheck::ValueKind;
using crosscheck::Verdict;
using crosscheck::report::BuiltInGraphSvg;
using crosscheck::report::EscapeHtml;
using crosscheck::report::EscapeJsonForScript;
using crosscheck::report::IsInertSvg;
using crosscheck::report::ReportData;

SourcedClaim MakeClaim(const std::string& path, const std::string& outlet, const std::string& evidence,
                       const std::string& value_text, const std::string& display, uint32_t sentence = 0) {
  SourcedClaim sc;
  sc.document_hash = std::string(64, 'c');
  sc.source.path = path;
  sc.source.outlet = outlet;
  crosscheck::Claim& c = sc.claim;
  c.template_id = "meeting_location";
  c.value.kind = ValueKind::kQuantity;
  c.value.interval = Interval::Point(90);
  c.value.text = value_text;
  c.value.display = display;
  c.evidence = evidence;
  c.sentence = sentence;
  const size_t at = evidence.find(value_text);
  REQUIRE(at != std::string::npos);
  c.value_in_evidence = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + value_text.size())};
  // Distinct offsets give each claim its own StableClaimId.
  static uint32_t next_offset = 100;
  const uint32_t offset = next_offset += 1000;
  c.value_raw = {static_cast<uint32_t>(offset + at), static_cast<uint32_t>(offset + at + value_text.size())};
  c.match_raw = {offset, c.value_raw.end};
  return sc;
}

Finding MakeFinding(const std::string& template_id, Verdict verdict, const std::string& reason,
                    std::vector<SourcedClaim> claims) {
  Finding f;
  f.template_id = template_id;
  f.subject.id = "meeting:anna-lindqvist+tomas-koval";
  f.subject.kind = "meeting";
  f.subject.label = "meeting of Anna Lindqvist and Tomas Koval";
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

// Two outlets in conflict about a place, in text with multibyte characters
// before the value, and one single-source finding.
ReportData MakeData() {
  ReportData data;
  data.corpus = "sample";
  data.documents = {DocumentSource{"a.txt", "Ålands Tidning", "https://a.example/x", "2026-03-05"},
                    DocumentSource{"b.txt", "Zürcher Blatt", "", ""}};
  data.claims_per_document = {1, 2};  // by document
  data.claims = 3;
  data.subjects = 1;
  data.findings = {
      MakeFinding("meeting_location", Verdict::kConflict, "Genève and Zürich are different places",
                  {MakeClaim("a.txt", "Ålands Tidning", "Die Minister — „Lindqvist“ und Koval — treffen sich in Genève.",
                             "Genève", "Genève"),
                   MakeClaim("b.txt", "Zürcher Blatt", "Lindqvist und Koval treffen sich in Zürich 🇨🇭 im April.", "Zürich",
                             "Zürich")}),
      MakeFinding("call_duration", Verdict::kSingleSource, "only Zürcher Blatt reports it",
                  {MakeClaim("b.txt", "Zürcher Blatt", "Das Gespräch dauerte 90 Minuten.", "90 Minuten", "90 min", 3)}),
  };
  return data;
}

std::string Write(const ReportData& data) {
  std::ostringstream out;
  crosscheck::report::WriteHtmlReport(data, out);
  return out.str();
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// The text of every <mark> in `html`.
std::vector<std::string> Marks(const std::string& html) {
  std::vector<std::string> marks;
  for (size_t at = html.find("<mark"); at != std::string::npos; at = html.find("<mark", at + 1)) {
    const size_t open_end = html.find('>', at);
    const size_t close = html.find("</mark>", open_end);
    marks.push_back(html.substr(open_end + 1, close - open_end - 1));
  }
  return marks;
}

}  // namespace

TEST_CASE("EscapeHtml escapes markup and replaces control characters and broken UTF-8", "[report][html]") {
  CHECK(EscapeHtml("<script>alert(\"x\")</script> & 'q'") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
  CHECK(EscapeHtml("Zürich — 🇨🇭") == "Zürich — 🇨🇭");  // valid UTF-8 is kept as is
  CHECK(EscapeHtml("a\tb\nc\rd") == "a\tb\nc\nd");
  CHECK(EscapeHtml(std::string("nul\0x\x07y\x7f", 8)) == "nul\xEF\xBF\xBDx\xEF\xBF\xBDy\xEF\xBF\xBD");
  CHECK(EscapeHtml("bad \xC3 byte \xFF") == "bad \xEF\xBF\xBD byte \xEF\xBF\xBD");
  CHECK(EscapeHtml("c1 \xC2\x85 control") == "c1 \xEF\xBF\xBD control");
  CHECK(EscapeHtml("&amp;") == "&amp;amp;");  // entities in articles are text, shown as written
}

TEST_CASE("EscapeJsonForScript keeps JSON readable and the script block closed", "[report][html]") {
  const nlohmann::json value = {{"text", "</script><script>alert(1)</script><!-- & \u2028 \u2029 'x'"}};
  const std::string escaped = EscapeJsonForScript(value.dump());
  CHECK(escaped.find('<') == std::string::npos);
  CHECK(escaped.find('>') == std::string::npos);
  CHECK(escaped.find('&') == std::string::npos);
  CHECK(escaped.find("\u2028") == std::string::npos);
  CHECK(escaped.find("\u2029") == std::string::npos);
  CHECK(nlohmann::json::parse(escaped) == value);
}

TEST_CASE("Highlights sit on the value's bytes in multibyte UTF-8 text", "[report][html]") {
  const std::string html = Write(MakeData());
  // Findings: one mark per claim; documents: one per sentence with a value.
  const std::vector<std::string> marks = Marks(html);
  CHECK(Count(html, "<mark") == 6);
  CHECK(std::count(marks.begin(), marks.end(), "Genève") == 2);
  CHECK(std::count(marks.begin(), marks.end(), "Zürich") == 2);
  CHECK(std::count(marks.begin(), marks.end(), "90 Minuten") == 2);
  CHECK_THAT(html, Catch::Contains("treffen sich in <mark class=\"value\" data-claim=\""));
  CHECK_THAT(html, Catch::Contains("\">Zürich</mark> 🇨🇭 im April."));
  CHECK_THAT(html, Catch::Contains("— „Lindqvist“ und Koval — treffen sich in <mark"));
}

TEST_CASE("A value span that is out of range or splits a character is not marked", "[report][html]") {
  ReportData data = MakeData();
  data.findings.resize(1);
  auto& a = data.findings[0].claims[0].claim;  // "...in Genève."
  const auto e_grave = static_cast<uint32_t>(a.evidence.find("è"));
  a.value_in_evidence = {e_grave + 1, e_grave + 4};  // starts inside "è" (2 bytes)
  auto& b = data.findings[0].claims[1].claim;
  b.value_in_evidence = {10, static_cast<uint32_t>(b.evidence.size() + 5)};
  const std::string html = Write(data);
  CHECK(Count(html, "<mark") == 0);
  // The sentences are still shown whole.
  CHECK_THAT(html, Catch::Contains("treffen sich in Genève.</blockquote>"));
  CHECK_THAT(html, Catch::Contains("treffen sich in Zürich 🇨🇭 im April.</blockquote>"));
}

TEST_CASE("Overlapping values in one sentence share one highlight in the document view", "[report][html]") {
  ReportData data = MakeData();
  data.findings.resize(1);
  SourcedClaim wider = MakeClaim("b.txt", "Zürcher Blatt", data.findings[0].claims[1].claim.evidence, "Zürich 🇨🇭",
                                 "Zürich");
  wider.claim.template_id = "place";
  data.findings.push_back(MakeFinding("place", Verdict::kSingleSource, "only one", {wider}));
  const std::string html = Write(data);
  const size_t documents = html.find("id=\"documents\"");
  REQUIRE(documents != std::string::npos);
  const std::vector<std::string> in_documents = Marks(html.substr(documents));
  CHECK(std::count(in_documents.begin(), in_documents.end(), "Zürich 🇨🇭") == 1);
  CHECK(std::count(in_documents.begin(), in_documents.end(), "Zürich") == 0);
}

TEST_CASE("report.html has the sections, headings, filters and summary counts", "[report][html]") {
  const std::string html = Write(MakeData());
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(Count(html, "<h1") == 1);
  for (const char* id : {"summary", "filters", "matrix", "findings", "documents", "graph"}) {
    INFO(id);
    CHECK(Count(html, std::string("<section id=\"") + id + "\"") == 1);
    CHECK(Count(html, std::string("<h2 id=\"") + id + "-title\"") == 1);
  }
  CHECK(Count(html, "<article class=\"finding") == 2);
  CHECK(Count(html, "<article class=\"document\"") == 2);
  // Summary counts, with the verdict in words beside the colour and icon.
  CHECK_THAT(html, Catch::Contains("<span class=\"count-n\">1</span> <span>conflict</span>"));
  CHECK_THAT(html, Catch::Contains("<span class=\"count-n\">0</span> <span>compatible</span>"));
  CHECK_THAT(html, Catch::Contains("<span class=\"count-n\">1</span> <span>single source</span>"));
  CHECK(Count(html, "<span>Conflict</span></span>") == 2);  // badge in the matrix and the finding
  // Filters are buttons and selects, one option per kind and outlet.
  CHECK(Count(html, "<button type=\"button\" class=\"toggle") == 4);
  CHECK_THAT(html, Catch::Contains("<option value=\"meeting_location\">meeting_location (1)</option>"));
  CHECK_THAT(html, Catch::Contains("<option value=\"Zürcher Blatt\">Zürcher Blatt</option>"));
  // Matrix: a column per outlet, "not reported" in words where an outlet says nothing.
  CHECK_THAT(html, Catch::Contains("<th scope=\"col\">Zürcher Blatt</th><th scope=\"col\">Ålands Tidning</th>"));
  CHECK_THAT(html, Catch::Contains("not reported"));
  // Web links open as links; the data block lists every finding for the filters.
  CHECK_THAT(html, Catch::Contains("<a href=\"https://a.example/x\" rel=\"noopener noreferrer\">"));
  const size_t data_at = html.find("<script type=\"application/json\" id=\"report-data\">");
  REQUIRE(data_at != std::string::npos);
  const size_t data_begin = html.find('>', data_at) + 1;
  const nlohmann::json data = nlohmann::json::parse(html.substr(data_begin, html.find("</script>", data_begin) - data_begin));
  CHECK(data.at("findings").size() == 2);
  CHECK(data.at("findings").at(0).at("outlets") == nlohmann::json::array({"Zürcher Blatt", "Ålands Tidning"}));
  CHECK(data.at("documents").size() == 2);
}

TEST_CASE("Documents without claims are listed compactly, and outlets without claims get no matrix column",
          "[report][html]") {
  ReportData data = MakeData();
  data.documents.push_back(DocumentSource{"quiet.txt", "Quiet <Outlet>", "", ""});
  data.document_stats = {std::nullopt, std::nullopt, crosscheck::report::DocumentStats{12, 0}};  // the cards have none
  const std::string html = Write(data);
  CHECK(html.find(" in the body; ") == std::string::npos);  // no counts on the cards
  CHECK(Count(html, "<article class=\"document\"") == 2);
  CHECK_THAT(html, Catch::Contains("<summary>1 document without claims</summary>"));
  CHECK_THAT(html, Catch::Contains("data-path=\"quiet.txt\" data-outlet=\"Quiet &lt;Outlet&gt;\"><span class=\"path\">"
                                   "quiet.txt</span> \xC2\xB7 Quiet &lt;Outlet&gt; <span class=\"muted\">(12 sentences)</span>"));
  CHECK(html.find("<th scope=\"col\">Quiet &lt;Outlet&gt;</th>") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("<option value=\"Quiet &lt;Outlet&gt;\">"));  // still a filter choice
}

TEST_CASE("report.html is self-contained and byte-stable", "[report][html]") {
  const ReportData data = MakeData();
  const std::string html = Write(data);
  CHECK(html == Write(data));
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find(" src=\"http") == std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(Count(html, "<script") == 2);  // the data block and the page's own script
  CHECK_THAT(html, Catch::Contains("content=\"default-src 'none'; script-src 'sha256-"));
}

TEST_CASE("Hostile text in report.html stays text", "[report][html]") {
  ReportData data = MakeData();
  const std::string payload = "\"><script>alert(1)</script><img src=x onerror=alert(2)></textarea>'";
  data.corpus = payload;
  data.documents[0].outlet = payload;
  data.documents[0].path = payload + ".txt";
  data.documents[0].url = "javascript:alert(3)";
  data.documents[1].url = "https://x.example/\"><script>alert(4)</script>";
  SourcedClaim& sc = data.findings[0].claims[0];
  sc = MakeClaim(payload + ".txt", payload, "They meet in Genève " + payload, "Genève", payload);
  sc.claim.attribution = payload;
  sc.claim.modality = crosscheck::Modality::kHedged;
  sc.claim.modality_cue = payload;
  data.findings[0].subject.label = payload;
  data.findings[0].reason = payload;
  data.findings[0].template_id = payload;
  const std::string html = Write(data);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("</textarea>") == std::string::npos);
  CHECK(html.find(payload) == std::string::npos);
  CHECK(html.find("href=\"javascript:") == std::string::npos);
  CHECK(html.find("onerror=alert(2)&gt;") != std::string::npos);
  CHECK_THAT(html, Catch::Contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(html, Catch::Contains("href=\"https://x.example/&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\""));
  CHECK(Count(html, "<script") == 2);
  // The built-in graph escapes labels too and stays inert.
  CHECK(IsInertSvg(BuiltInGraphSvg(data)));
}

TEST_CASE("report.html embeds Graphviz's SVG as an image, else draws the built-in layout", "[report][html]") {
  ReportData data = MakeData();
  SECTION("without Graphviz") {
    const std::string html = Write(data);
    CHECK_THAT(html, Catch::Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph-built-in\""));
    CHECK_THAT(html, Catch::Contains("built-in layout (Graphviz dot was not available)"));
    const std::string svg = BuiltInGraphSvg(data);
    CHECK(IsInertSvg(svg));
    CHECK(Count(svg, "<g class=\"subject\">") == 1);
    CHECK(Count(svg, "<g class=\"claim\">") == 3);
    CHECK(Count(svg, "<g class=\"document\">") == 2);
    CHECK(svg.find("style=") == std::string::npos);  // the CSP allows no inline style attributes
  }
  SECTION("with Graphviz's picture") {
    data.graph_svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>x</text></svg>";
    const std::string html = Write(data);
    CHECK_THAT(html, Catch::Contains("<img src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0i"));
    CHECK_THAT(html, Catch::Contains("drawn by Graphviz dot"));
    CHECK(html.find("class=\"graph-built-in\"") == std::string::npos);
  }
  SECTION("an empty report still draws a valid picture") {
    ReportData empty;
    empty.corpus = "empty";
    CHECK(IsInertSvg(BuiltInGraphSvg(empty)));
    CHECK_THAT(Write(empty), Catch::Contains("No findings: no template matched any sentence of the corpus."));
  }
}

TEST_CASE("report.html shows consensus, outlet reliability and quotation drift, escaped and marked", "[report][html][consensus]") {
  ReportData data = MakeData();
  const std::string payload = "<script>alert(5)</script>";
  crosscheck::check::SubjectConsensus c;
  c.finding_id = data.findings[0].id;
  c.status = crosscheck::check::ConsensusStatus::kContested;
  c.sources = 2;
  c.best.value = "Genève" + payload;
  c.best.confidence = 0.5;
  c.has_runner_up = true;
  c.runner_up.value = "Zürich";
  c.reason = "if Genève, 1 of 2 independent sources are right";
  data.truth.consensus[c.finding_id] = c;
  crosscheck::check::SubjectConsensus single;
  single.finding_id = data.findings[1].id;
  single.status = crosscheck::check::ConsensusStatus::kInsufficientEvidence;
  single.sources = 1;
  single.best.value = "90 min";
  single.reason = "one independent source (90 min), nothing to weigh it against";
  data.truth.consensus[single.finding_id] = single;
  crosscheck::check::OutletReliability r;
  r.outlet = payload;
  r.subjects = 1;
  r.disagree = 1;
  r.disagreement_weight = 1;
  r.score = 0.667;
  data.truth.outlets = {r};
  data.truth.iterations = 3;
  data.truth.converged = true;
  crosscheck::check::QuoteDrift d;
  d.speaker = "Trump" + payload;
  d.a = {"a.txt", "Ålands Tidning", "stop being killed ü", "stop [being] killed ü", {{5, 10}}};
  d.b = {"b.txt", "Zürcher Blatt", "stop getting killed " + payload, "", {{5, 12}, {999, 1000}}};  // the second is out of range
  d.changes = {{"being", "getting"}};
  data.quote_drift = {d};

  const std::string html = Write(data);
  CHECK(html.find("<script>alert(5)") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("<th scope=\"col\">Consensus</th>"));
  CHECK_THAT(html, Catch::Contains("<strong>Genève&lt;script&gt;alert(5)&lt;/script&gt;</strong> <span class=\"c-status c-contested\">contested</span>"));
  CHECK_THAT(html, Catch::Contains("runner-up Zürich, 0%"));
  CHECK_THAT(html, Catch::Contains("<span class=\"c-status c-insufficient_evidence\">insufficient evidence</span>"));
  CHECK_THAT(html, Catch::Contains("<section id=\"reliability\""));
  CHECK_THAT(html, Catch::Contains("<tr><th scope=\"row\">&lt;script&gt;alert(5)&lt;/script&gt;</th><td class=\"number\">0.67</td>"));
  CHECK_THAT(html, Catch::Contains("<a href=\"#quote-drift\">"));
  CHECK_THAT(html, Catch::Contains("<blockquote>stop <mark>being</mark> killed ü</blockquote>"));
  CHECK_THAT(html, Catch::Contains("<blockquote>stop <mark>getting</mark> killed &lt;script&gt;"));
  CHECK_THAT(html, Catch::Contains("<q>being</q> vs <q>getting</q>"));
}

TEST_CASE("report.html's data block, written as it goes, is nlohmann's compact dump of the same data, escaped",
          "[report][html]") {
  auto data_block = [](const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"report-data\">";
    const size_t begin = html.find(open) + open.size();
    return html.substr(begin, html.find("</script>", begin) - begin);
  };
  auto expected = [](const ReportData& data) {
    nlohmann::ordered_json root;
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (size_t i = 0; i < data.findings.size(); ++i) {
      findings.push_back(nlohmann::ordered_json{{"id", data.findings[i].id},
                                                {"element", "finding-" + std::to_string(i)},
                                                {"row", "matrix-row-" + std::to_string(i)},
                                                {"verdict", std::string(crosscheck::VerdictName(data.findings[i].verdict))},
                                                {"kind", data.findings[i].template_id},
                                                {"outlets", data.OutletsOf(i)}});
    }
    nlohmann::ordered_json documents = nlohmann::ordered_json::array();
    for (size_t i = 0; i < data.documents.size(); ++i) {
      documents.push_back(nlohmann::ordered_json{{"path", data.documents[i].path},
                                                 {"element", "document-" + std::to_string(i)},
                                                 {"outlet", data.documents[i].outlet}});
    }
    root["findings"] = findings;
    root["documents"] = documents;
    return crosscheck::report::EscapeJsonForScript(
        root.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  };
  ReportData data = MakeData();
  SECTION("hostile and ill-formed text") {
    const std::string payload = "</script><!-- \"q\" \\ & \xE2\x80\xA8 \xE2\x80\xA9 \xFF\xC3 \x01 Zürich";
    data.documents[0].path = payload + ".txt";
    data.documents[1].outlet = payload;
    data.findings[0].template_id = payload;
    data.findings[1].id = payload;
  }
  SECTION("no findings") { data.findings.clear(); }
  SECTION("nothing at all") {
    data.findings.clear();
    data.documents.clear();
  }
  CHECK(data_block(Write(data)) == expected(data));
}
