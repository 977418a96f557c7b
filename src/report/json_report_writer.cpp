#include "report/json_report_writer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>

namespace crosscheck::report {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Bound(double v) { return std::isinf(v) ? Json(nullptr) : Json(v); }

// Three decimals: enough to read, and stable in golden files.
double Round3(double v) { return std::round(v * 1000) / 1000; }

Json ClaimJson(const SourcedClaim& sc) {
  const Claim& c = sc.claim;
  Json j;
  j["id"] = StableClaimId(sc);
  j["document"] = sc.source.path;
  j["outlet"] = sc.source.outlet;
  j["template"] = c.template_id;
  j["pattern"] = c.pattern;
  j["value"] = c.value.display;
  j["raw_value"] = c.value.text;
  j["value_type"] = c.value.type;
  if (c.value.kind == ValueKind::kQuantity || c.value.kind == ValueKind::kDate) {
    j["interval"] = Json{{"lo", Bound(c.value.interval.lo)},
                         {"hi", Bound(c.value.interval.hi)},
                         {"lo_open", c.value.interval.lo_open},
                         {"hi_open", c.value.interval.hi_open},
                         {"unit", c.value.unit}};
  }
  if (!c.value.id.empty() && c.value.kind != ValueKind::kEvent) j["value_id"] = c.value.id;
  j["modality"] = std::string(ModalityName(c.modality));
  j["modality_cue"] = OrNull(c.modality_cue);
  j["attribution"] = OrNull(c.attribution);
  j["evidence"] = c.evidence;
  j["start"] = c.match_raw.begin;
  j["end"] = c.match_raw.end;
  if (!c.value_raw.empty()) {
    j["value_start"] = c.value_raw.begin;
    j["value_end"] = c.value_raw.end;
    j["evidence_value"] = Json::array({c.value_in_evidence.begin, c.value_in_evidence.end});
  } else {
    j["value_start"] = nullptr;
    j["value_end"] = nullptr;
    j["evidence_value"] = nullptr;
  }
  j["sentence"] = Json{{"index", c.sentence}, {"start", c.sentence_raw.begin}, {"end", c.sentence_raw.end}};
  Json roles = Json::array();
  for (const RoleFiller& f : c.roles) {
    roles.push_back(Json{{"role", f.role}, {"entity", f.entity}, {"kind", f.entity_kind}, {"mention", f.mention},
                         {"via", f.via}, {"sentence", f.sentence}});
  }
  j["roles"] = roles;
  return j;
}

Json SelfContradictionsJson(const std::vector<SelfContradiction>& list) {
  Json out = Json::array();
  for (const SelfContradiction& s : list) {
    out.push_back(Json{{"document", s.document}, {"outlet", s.outlet}, {"reason", s.reason}});
  }
  return out;
}

Json FindingJson(const Finding& f) {
  Json claims = Json::array();
  for (const SourcedClaim& c : f.claims) claims.push_back(ClaimJson(c));
  return Json{{"id", f.id},
              {"kind", f.template_id},
              {"subject", Json{{"id", f.subject.id},
                               {"kind", f.subject.kind},
                               {"label", f.subject.label},
                               {"participants", f.subject.participants},
                               {"time", OrNull(f.subject.time)}}},
              {"verdict", std::string(VerdictName(f.verdict))},
              {"strength", OrNull(std::string(ConflictStrengthName(f.strength)))},
              {"reason", f.reason},
              {"outlets", f.outlets},
              {"sources", f.sources},
              {"self_contradictions", SelfContradictionsJson(f.self_contradictions)},
              {"claims", claims}};
}

Json CopyLinkJson(const CopyLink& link) {
  return Json{{"a", link.a},
              {"b", link.b},
              {"kind", link.kind},
              {"reason", link.reason},
              {"similarity", Round3(link.similarity)},
              {"containment", Round3(link.containment)},
              {"shared_shingles", link.shared_shingles},
              {"shared_sentences", link.shared_sentence_count},
              {"shared_sentence_examples", link.shared_sentences},
              {"shared_quotes", link.shared_quote_count},
              {"shared_quote_examples", link.shared_quotes}};
}

Json SourceClustersJson(const SourceClusters& sources) {
  Json clusters = Json::array();
  for (const SourceCluster& c : sources.clusters) {
    Json links = Json::array();
    for (const CopyLink& link : c.links) links.push_back(CopyLinkJson(link));
    clusters.push_back(Json{{"id", c.id}, {"documents", c.documents}, {"outlets", c.outlets}, {"links", links}});
  }
  return clusters;
}

// `value` as dump(2) writes it at `indent` spaces of nesting: JSON strings
// never hold a raw line break, so every line break is one of the layout's.
std::string Dump(const Json& value, size_t indent) {
  std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
  if (indent == 0) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

}  // namespace

std::string FindingsJson(const std::vector<const Finding*>& findings) {
  Json out = Json::array();
  for (const Finding* f : findings) out.push_back(FindingJson(*f));
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void WriteJsonReport(const ReportData& data, std::ostream& out) {
  Json root;
  root["format"] = "crosscheck-report";
  root["version"] = kReportFormatVersion;
  root["corpus"] = data.corpus;
  Json verdicts;
  for (Verdict v : {Verdict::kConflict, Verdict::kCompatible, Verdict::kAgree, Verdict::kSingleSource}) {
    verdicts[std::string(VerdictName(v))] = data.Count(v);
  }
  root["summary"] = Json{{"documents", data.documents.size()},
                         {"outlets", data.OutletCount()},
                         {"skipped_documents", data.skipped_documents},
                         {"claims", data.claims},
                         {"subjects", data.subjects},
                         {"findings", data.findings.size()},
                         {"independent_sources", data.sources.independent},
                         {"weak_conflicts", data.WeakConflicts()},
                         {"self_contradictions", data.SelfContradictions()},
                         {"verdicts", verdicts}};
  Json documents = Json::array();
  for (const DocumentSource& d : data.documents) {
    auto it = data.claims_per_document.find(d.path);
    documents.push_back(Json{{"path", d.path},
                             {"outlet", d.outlet},
                             {"url", OrNull(d.url)},
                             {"published", OrNull(d.published)},
                             {"claims", it == data.claims_per_document.end() ? 0 : it->second}});
  }
  root["documents"] = documents;
  root["source_clusters"] = SourceClustersJson(data.sources);
  Json folders = Json::array();
  for (const FolderSources& f : data.SourcesByFolder()) {
    folders.push_back(Json{{"folder", f.folder}, {"documents", f.documents}, {"independent_sources", f.independent_sources}});
  }
  root["sources_by_folder"] = folders;
  Json drift = Json::array();
  for (const check::QuoteDrift& d : data.quote_drift) {
    auto passage = [](const check::QuotedPassage& p) {
      return Json{{"document", p.document}, {"outlet", p.outlet}, {"quote", p.quote}, {"marked", p.marked}};
    };
    Json changes = Json::array();
    for (const auto& [a, b] : d.changes) changes.push_back(Json{{"a", a}, {"b", b}});
    drift.push_back(Json{{"speaker", d.speaker},
                         {"similarity", Round3(d.similarity)},
                         {"a", passage(d.a)},
                         {"b", passage(d.b)},
                         {"changes", changes}});
  }
  root["quote_drift"] = drift;
  root["findings"] = nullptr;  // streamed below, in this place
  Json diagnostics = Json::array();
  for (const Diagnostic& d : data.diagnostics) {
    diagnostics.push_back(Json{{"severity", d.severity == Diagnostic::Severity::kNotice    ? "notice"
                                            : d.severity == Diagnostic::Severity::kWarning ? "warning"
                                                                                           : "error"},
                               {"path", d.path},
                               {"line", d.line},
                               {"message", d.message}});
  }
  root["diagnostics"] = diagnostics;
  // Written as root.dump(2) would write it, but one finding at a time: the
  // findings, with every claim, are most of the report, and their whole tree
  // would take several times the report's size in memory.
  out << "{";
  bool first = true;
  for (const auto& [key, value] : root.items()) {
    out << (first ? "\n  " : ",\n  ") << Dump(Json(key), 0) << ": ";
    first = false;
    if (key != "findings") {
      out << Dump(value, 2);
      continue;
    }
    if (data.findings.empty()) {
      out << "[]";
      continue;
    }
    out << "[";
    for (size_t i = 0; i < data.findings.size(); ++i) {
      out << (i == 0 ? "\n    " : ",\n    ") << Dump(FindingJson(data.findings[i]), 4);
    }
    out << "\n  ]";
  }
  out << (first ? "}" : "\n}") << '\n';
}

}  // namespace crosscheck::report
