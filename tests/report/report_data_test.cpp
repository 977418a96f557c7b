// Tests for report/report_data: findings that hold only their claims' row ids,
// read back through a ClaimReader one finding at a time, give the same report
// files as findings that hold their claims.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "report/html_report_writer.h"
#include "report/claim_spool.h"
#include "report/json_report_writer.h"
#include "report/markdown_report_writer.h"
#include "report/report_data.h"

namespace {

using crosscheck::DocumentSource;
using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::Modality;
using crosscheck::SourcedClaim;
using crosscheck::ValueKind;
using crosscheck::Verdict;
using crosscheck::report::ClaimReader;
using crosscheck::report::ReportData;

SourcedClaim MakeClaim(int64_t id, const std::string& path, const std::string& outlet, const std::string& template_id,
                       uint32_t sentence, const std::string& evidence, const std::string& value_text, double minutes) {
  SourcedClaim sc;
  sc.id = id;
  sc.document_hash = std::string(64, static_cast<char>('a' + id % 6));
  sc.source.path = path;
  sc.source.outlet = outlet;
  crosscheck::Claim& c = sc.claim;
  c.template_id = template_id;
  c.subject_kind = "call";
  c.value.kind = ValueKind::kQuantity;
  c.value.type = "duration";
  c.value.unit = "min";
  c.value.interval = Interval::Point(minutes);
  c.value.text = value_text;
  c.value.display = std::to_string(static_cast<int>(minutes)) + " min";
  c.evidence = evidence;
  c.sentence = sentence;
  const size_t at = evidence.find(value_text);
  REQUIRE(at != std::string::npos);
  c.value_in_evidence = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + value_text.size())};
  c.sentence_raw = {sentence * 100, sentence * 100 + static_cast<uint32_t>(evidence.size())};
  c.value_raw = {c.sentence_raw.begin + c.value_in_evidence.begin, c.sentence_raw.begin + c.value_in_evidence.end};
  c.match_raw = {c.sentence_raw.begin, c.value_raw.end};
  return sc;
}

Finding MakeFinding(const std::string& template_id, const std::string& subject, Verdict verdict,
                    std::vector<SourcedClaim> claims) {
  Finding f;
  f.template_id = template_id;
  f.subject.id = "call:" + subject;
  f.subject.kind = "call";
  f.subject.label = "call of " + subject;
  f.id = template_id + "/" + f.subject.id;
  f.verdict = verdict;
  f.reason = "because";
  std::set<std::string> outlets;
  for (const SourcedClaim& c : claims) outlets.insert(c.source.outlet);
  f.outlets = outlets.size();
  f.sources = outlets.size();
  f.claims = std::move(claims);
  return f;
}

// Findings as the pipeline sorts them, a derived one last out of verdict
// order, one claim in two findings, a document without claims.
ReportData MakeData() {
  ReportData data;
  data.corpus = "sample";
  data.documents = {DocumentSource{"a/1.txt", "A", "", ""}, DocumentSource{"b/1.txt", "B", "", ""},
                    DocumentSource{"b/2.txt", "B", "", ""}, DocumentSource{"c/1.txt", "C", "", ""}};
  const SourcedClaim a1 = MakeClaim(11, "a/1.txt", "A", "call_duration", 1, "It lasted 90 minutes.", "90 minutes", 90);
  const SourcedClaim a2 = MakeClaim(12, "a/1.txt", "A", "call_duration", 3, "Then 20 minutes more.", "20 minutes", 20);
  const SourcedClaim b1 = MakeClaim(21, "b/1.txt", "B", "call_duration", 0, "It lasted 60 minutes.", "60 minutes", 60);
  const SourcedClaim b2 = MakeClaim(22, "b/2.txt", "B", "call_duration", 2, "It took 20 minutes.", "20 minutes", 20);
  data.findings = {MakeFinding("call_duration", "x", Verdict::kConflict, {a1, b1}),
                   MakeFinding("call_duration", "y", Verdict::kAgree, {a2, b2}),
                   MakeFinding("call_duration", "z", Verdict::kSingleSource, {b2}),
                   MakeFinding("war_age", "x", Verdict::kConflict, {a1})};
  data.findings.back().derived_from = "war_start";
  data.findings.back().id = "war_age+war_start/call:x";
  data.claims = 4;
  data.subjects = 3;
  data.claims_per_document = {2, 1, 1};  // by document; c/1.txt has none
  return data;
}

// MakeData and a finding of seven claims from three outlets: values said
// twice by one outlet in different pieces, a hedged claim, and one claim that
// says when (the fifth: past the first pieces).
ReportData MakeLargeData() {
  ReportData data = MakeData();
  std::vector<SourcedClaim> claims = {
      MakeClaim(31, "a/1.txt", "A", "call_duration", 5, "A call of 20 minutes.", "20 minutes", 20),
      MakeClaim(32, "b/1.txt", "B", "call_duration", 6, "A call of 25 minutes.", "25 minutes", 25),
      MakeClaim(33, "c/1.txt", "C", "call_duration", 1, "A call of 20 minutes.", "20 minutes", 20),
      MakeClaim(34, "b/2.txt", "B", "call_duration", 4, "Perhaps 30 minutes.", "30 minutes", 30),
      MakeClaim(35, "a/1.txt", "A", "call_duration", 7, "On Wednesday, 25 minutes.", "25 minutes", 25),
      MakeClaim(36, "a/1.txt", "A", "call_duration", 8, "Again, 20 minutes.", "20 minutes", 20),
      MakeClaim(37, "c/1.txt", "C", "call_duration", 9, "It was 25 minutes.", "25 minutes", 25)};
  claims[3].claim.modality = Modality::kHedged;
  claims[3].claim.modality_cue = "Perhaps";
  crosscheck::EventTime& when = claims[4].claim.when;
  claims[4].claim.has_when = true;
  when.phrase = "On Wednesday";
  when.resolved = true;
  when.relative = true;
  when.days = Interval::Point(20131);
  when.display = "Wednesday (2025-02-12)";
  when.weekday = 3;
  when.rule = "the most recent Wednesday on or before the anchor";
  when.anchor = "2025-02-13";
  when.anchor_source = "published";
  when.anchor_evidence = "published 2025-02-13 (outlets manifest)";
  data.findings.insert(data.findings.begin() + 1, MakeFinding("call_duration", "w", Verdict::kCompatible, claims));
  data.findings[1].self_contradictions = {{"a/1.txt", "A", "20 min and 25 min differ"}, {"c/1.txt", "C", "20 min ≠ 25 min"}};
  data.findings[0].self_contradictions = {{"a/1.txt", "A", "90 min and 20 min differ <here>"}};
  // And one without claims, which the check never makes but a writer must still write whole.
  data.findings.push_back(MakeFinding("call_place", "v", Verdict::kSingleSource, {}));
  data.claims += claims.size();
  data.subjects += 1;
  data.claims_per_document = {5, 2, 2, 2};
  return data;
}

// Claims by row id, handed over one list at a time; counts what it was asked for.
class MapReader final : public ClaimReader {
 public:
  explicit MapReader(const ReportData& data) {
    for (const Finding& f : data.findings) {
      for (const SourcedClaim& c : f.claims) claims_[c.id] = c;
    }
  }
  void ForEachPiece(const std::vector<const std::vector<int64_t>*>& lists, const std::vector<size_t>& order,
                    size_t piece, const PieceVisitor& visit) const override {
    ++passes;
    for (size_t k : order) {
      const std::vector<int64_t>& ids = *lists[k];
      ++lists_read;
      size_t begin = 0;
      do {
        std::vector<SourcedClaim> claims;
        for (size_t j = begin; j < ids.size() && j - begin < piece; ++j) claims.push_back(claims_.at(ids[j]));
        ++pieces_read;
        if (!visit(k, begin, claims)) return;
        begin += claims.size();
      } while (begin < ids.size());
    }
  }
  mutable size_t pieces_read = 0;
  mutable size_t passes = 0;
  mutable size_t lists_read = 0;

 private:
  std::map<int64_t, SourcedClaim> claims_;
};

// Files the claim's key under its document's number, as the pipeline does.
void AddDocumentClaim(ReportData* data, const std::string& path, int64_t key) {
  size_t d = 0;
  while (d < data->documents.size() && data->documents[d].path != path) ++d;
  REQUIRE(d < data->documents.size());
  if (data->document_claims.size() < data->documents.size()) data->document_claims.resize(data->documents.size());
  data->document_claims[d].push_back(key);
}

// The same data with findings that hold row ids, as the pipeline gives it.
ReportData WithoutClaims(const ReportData& data, const ClaimReader* reader) {
  ReportData out = data;
  out.claim_reader = reader;
  for (Finding& f : out.findings) {
    std::set<std::string> outlets;
    for (const SourcedClaim& c : f.claims) {
      f.claim_ids.push_back(c.id);
      outlets.insert(c.source.outlet);
      AddDocumentClaim(&out, c.source.path, c.id);
    }
    out.finding_outlets.emplace_back(outlets.begin(), outlets.end());
    f.claims.clear();
  }
  return out;
}

template <typename Writer>
std::string Written(const ReportData& data, Writer write) {
  std::ostringstream out;
  write(data, out);
  return out.str();
}

}  // namespace

TEST_CASE("Report files are the same whether findings hold their claims or a ClaimReader reads them", "[report]") {
  const ReportData held = MakeData();
  const MapReader reader(held);
  const ReportData read = WithoutClaims(held, &reader);
  REQUIRE(read.findings[0].claims.empty());

  CHECK(Written(read, crosscheck::report::WriteJsonReport) == Written(held, crosscheck::report::WriteJsonReport));
  CHECK(Written(read, crosscheck::report::WriteMarkdownReport) ==
        Written(held, crosscheck::report::WriteMarkdownReport));
  const std::string html = Written(held, crosscheck::report::WriteHtmlReport);
  CHECK(Written(read, crosscheck::report::WriteHtmlReport) == html);
  CHECK(html.find("data-path=\"c/1.txt\"") != std::string::npos);  // the quiet document is listed
  CHECK(reader.passes > 0);
}

TEST_CASE("ForEachFinding visits findings in the given order with their claims, and stops when asked", "[report]") {
  const ReportData held = MakeData();
  const MapReader reader(held);
  const ReportData read = WithoutClaims(held, &reader);
  for (const ReportData* data : {&held, &read}) {
    std::vector<size_t> seen;
    data->ForEachFinding({3, 0, 2}, [&](size_t i, const Finding& f) {
      seen.push_back(i);
      CHECK(f.id == held.findings[i].id);
      REQUIRE(f.claims.size() == held.findings[i].claims.size());
      CHECK(f.claims.front().claim.evidence == held.findings[i].claims.front().claim.evidence);
      return i != 0;
    });
    CHECK(seen == std::vector<size_t>{3, 0});
    CHECK(data->OutletsOf(1) == std::vector<std::string>{"A", "B"});
    CHECK(data->ClaimCount(0) == 2);
  }
  CHECK(reader.lists_read == 2);
}

TEST_CASE("ForEachDocumentClaims gives each document's claims in path order, in findings order", "[report]") {
  const ReportData held = MakeData();
  const MapReader reader(held);
  const ReportData read = WithoutClaims(held, &reader);
  for (const ReportData* data : {&held, &read}) {
    std::vector<std::string> paths;
    std::vector<std::vector<int64_t>> ids;
    data->ForEachDocumentClaims([&](const std::string& path, const std::vector<SourcedClaim>& claims) {
      paths.push_back(path);
      ids.emplace_back();
      for (const SourcedClaim& c : claims) ids.back().push_back(c.id);
    });
    CHECK(paths == std::vector<std::string>{"a/1.txt", "b/1.txt", "b/2.txt"});
    CHECK(ids == std::vector<std::vector<int64_t>>{{11, 12, 11}, {21}, {22, 22}});
  }
}

TEST_CASE("Report files are the same when the claims are read from a ClaimSpool", "[report][spool]") {
  // As the pipeline does it: each finding's claims spooled in turn, the
  // findings and documents holding their keys.
  const ReportData held = MakeData();
  crosscheck::report::ClaimSpool spool;
  ReportData read = held;
  read.claim_reader = &spool;
  for (Finding& f : read.findings) {
    std::set<std::string> outlets;
    for (const SourcedClaim& c : f.claims) {
      const int64_t key = spool.Append(c);
      f.claim_ids.push_back(key);
      outlets.insert(c.source.outlet);
      AddDocumentClaim(&read, c.source.path, key);
    }
    read.finding_outlets.emplace_back(outlets.begin(), outlets.end());
    f.claims.clear();
  }
  CHECK(Written(read, crosscheck::report::WriteJsonReport) == Written(held, crosscheck::report::WriteJsonReport));
  CHECK(Written(read, crosscheck::report::WriteMarkdownReport) ==
        Written(held, crosscheck::report::WriteMarkdownReport));
  CHECK(Written(read, crosscheck::report::WriteHtmlReport) == Written(held, crosscheck::report::WriteHtmlReport));
  CHECK(spool.status().ok());
}

TEST_CASE("ForEachFindingPiece gives a finding's claims in order, in pieces of at most claims_per_piece", "[report]") {
  const ReportData held = MakeLargeData();
  const MapReader reader(held);
  ReportData read = WithoutClaims(held, &reader);
  read.claims_per_piece = 3;
  std::vector<std::pair<size_t, size_t>> pieces;  // (finding, begin)
  std::map<size_t, std::vector<int64_t>> ids;
  std::vector<size_t> last;
  read.ForEachFindingPiece({1, 0, 2}, [&](size_t i, const Finding& f, size_t begin) {
    pieces.emplace_back(i, begin);
    CHECK(f.id == held.findings[i].id);
    CHECK(f.claim_ids.empty());
    CHECK(f.claims.size() <= 3);
    for (const SourcedClaim& c : f.claims) ids[i].push_back(c.id);
    if (read.IsLastPiece(i, f, begin)) last.push_back(i);
    return true;
  });
  CHECK(pieces == std::vector<std::pair<size_t, size_t>>{{1, 0}, {1, 3}, {1, 6}, {0, 0}, {2, 0}});
  CHECK(last == std::vector<size_t>{1, 0, 2});
  CHECK(ids[1] == std::vector<int64_t>{31, 32, 33, 34, 35, 36, 37});
  CHECK(ids[0] == std::vector<int64_t>{11, 21});

  // A finding without claims comes once, as its own last piece.
  const size_t empty = held.findings.size() - 1;
  REQUIRE(held.findings[empty].claims.empty());
  size_t empty_visits = 0;
  read.ForEachFindingPiece({empty}, [&](size_t i, const Finding& f, size_t begin) {
    ++empty_visits;
    CHECK(begin == 0);
    CHECK(read.IsLastPiece(i, f, begin));
    return true;
  });
  CHECK(empty_visits == 1);

  // Stopping inside a finding stops the reading.
  size_t visits = 0;
  read.ForEachFindingPiece({1, 0}, [&](size_t, const Finding&, size_t begin) {
    ++visits;
    return begin < 3;
  });
  CHECK(visits == 2);

  // Findings that hold their claims come whole.
  size_t whole = 0;
  held.ForEachFindingPiece([&](size_t i, const Finding& f, size_t begin) {
    CHECK(begin == 0);
    CHECK(held.IsLastPiece(i, f, begin));
    ++whole;
    return true;
  });
  CHECK(whole == held.findings.size());
  CHECK(held.Timed(1));
  CHECK_FALSE(held.Timed(0));
}

TEST_CASE("Report files are the same when a finding's claims are read from the spool in pieces", "[report][spool]") {
  const ReportData held = MakeLargeData();
  crosscheck::report::ClaimSpool spool;
  ReportData read = held;
  read.claim_reader = &spool;
  std::vector<bool> timed;
  for (Finding& f : read.findings) {
    std::set<std::string> outlets;
    bool says_when = false;
    for (const SourcedClaim& c : f.claims) {
      const int64_t key = spool.Append(c);
      f.claim_ids.push_back(key);
      outlets.insert(c.source.outlet);
      AddDocumentClaim(&read, c.source.path, key);
      says_when = says_when || c.claim.has_when;
    }
    read.finding_outlets.emplace_back(outlets.begin(), outlets.end());
    timed.push_back(says_when);
    f.claims.clear();
  }
  // The self-contradictions wait in their own spool, as the pipeline has them.
  crosscheck::report::SelfContradictionSpool contradictions;
  read.contradictions = &contradictions;
  for (Finding& f : read.findings) read.contradiction_keys.push_back(contradictions.Take(&f.self_contradictions));
  CHECK(read.SelfContradictions() == 2);
  const std::string json = Written(held, crosscheck::report::WriteJsonReport);
  const std::string markdown = Written(held, crosscheck::report::WriteMarkdownReport);
  const std::string html = Written(held, crosscheck::report::WriteHtmlReport);
  REQUIRE(markdown.find("| When |") != std::string::npos);  // the seven-claim finding's table has the column
  REQUIRE(html.find("Wednesday (2025-02-12)") != std::string::npos);
  REQUIRE(markdown.find("20 min ≠ 25 min") != std::string::npos);
  REQUIRE(html.find("90 min and 20 min differ &lt;here&gt;") != std::string::npos);
  for (size_t piece : {1, 2, 3, 7, 1024}) {
    for (bool recorded : {true, false}) {
      CAPTURE(piece, recorded);
      read.claims_per_piece = piece;
      read.finding_timed = recorded ? timed : std::vector<bool>{};
      CHECK(Written(read, crosscheck::report::WriteJsonReport) == json);
      CHECK(Written(read, crosscheck::report::WriteMarkdownReport) == markdown);
      CHECK(Written(read, crosscheck::report::WriteHtmlReport) == html);
    }
  }
  CHECK(spool.status().ok());
  CHECK(contradictions.status().ok());
}
