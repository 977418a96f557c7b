#include "report/json_report_writer.h"

#include "extract/date_parser.h"
#include "extract/time_anchor.h"
#include "report/json_text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <ostream>
#include <string_view>

namespace crosscheck::report {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Bound(double v) { return std::isinf(v) ? Json(nullptr) : Json(v); }

// Three decimals: enough to read, and stable in golden files.
double Round3(double v) { return std::round(v * 1000) / 1000; }

Json AnchorJson(const extract::TimeAnchor& a) {
  return Json{{"date", OrNull(a.date)}, {"source", std::string(extract::AnchorSourceName(a.source))}, {"evidence", OrNull(a.evidence)}};
}

// When the claim's event happened, and how that date was worked out.
Json WhenJson(const EventTime& w) {
  Json j{{"phrase", w.phrase},
         {"resolved", w.resolved},
         {"display", w.display},
         {"relative", w.relative},
         {"from", w.resolved ? Json(extract::DaysToIso(static_cast<int>(w.days.lo))) : Json(nullptr)},
         {"to", w.resolved ? Json(extract::DaysToIso(static_cast<int>(w.days.hi))) : Json(nullptr)},
         {"weekday", w.weekday >= 0 ? Json(std::string(extract::WeekdayName(w.weekday))) : Json(nullptr)},
         {"rule", OrNull(w.rule)}};
  if (w.relative) {
    j["anchor"] = Json{{"date", OrNull(w.anchor)}, {"source", w.anchor_source}, {"evidence", OrNull(w.anchor_evidence)}};
  } else {
    j["anchor"] = nullptr;
  }
  return j;
}

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
  j["when"] = c.has_when ? WhenJson(c.when) : Json(nullptr);
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

// ClaimJson(sc) as dump(2) writes it at `indent`, written straight into `out`.
void WriteClaim(const SourcedClaim& sc, size_t indent, std::string* out) {
  const Claim& c = sc.claim;
  JsonText j(out, indent);
  j.BeginObject();
  j.Key("id");
  j.String(StableClaimId(sc));
  j.Key("document");
  j.String(sc.source.path);
  j.Key("outlet");
  j.String(sc.source.outlet);
  j.Key("template");
  j.String(c.template_id);
  j.Key("pattern");
  j.Unsigned(c.pattern);
  j.Key("value");
  j.String(c.value.display);
  j.Key("raw_value");
  j.String(c.value.text);
  j.Key("value_type");
  j.String(c.value.type);
  if (c.value.kind == ValueKind::kQuantity || c.value.kind == ValueKind::kDate) {
    j.Key("interval");
    j.BeginObject();
    j.Key("lo");
    j.Double(c.value.interval.lo);  // null when unbounded, as Bound() gives it
    j.Key("hi");
    j.Double(c.value.interval.hi);
    j.Key("lo_open");
    j.Bool(c.value.interval.lo_open);
    j.Key("hi_open");
    j.Bool(c.value.interval.hi_open);
    j.Key("unit");
    j.String(c.value.unit);
    j.EndObject();
  }
  if (!c.value.id.empty() && c.value.kind != ValueKind::kEvent) {
    j.Key("value_id");
    j.String(c.value.id);
  }
  j.Key("modality");
  j.String(ModalityName(c.modality));
  j.Key("modality_cue");
  j.StringOrNull(c.modality_cue);
  j.Key("attribution");
  j.StringOrNull(c.attribution);
  j.Key("evidence");
  j.String(c.evidence);
  j.Key("when");
  if (c.has_when) {
    const EventTime& w = c.when;
    j.BeginObject();
    j.Key("phrase");
    j.String(w.phrase);
    j.Key("resolved");
    j.Bool(w.resolved);
    j.Key("display");
    j.String(w.display);
    j.Key("relative");
    j.Bool(w.relative);
    j.Key("from");
    w.resolved ? j.String(extract::DaysToIso(static_cast<int>(w.days.lo))) : j.Null();
    j.Key("to");
    w.resolved ? j.String(extract::DaysToIso(static_cast<int>(w.days.hi))) : j.Null();
    j.Key("weekday");
    w.weekday >= 0 ? j.String(extract::WeekdayName(w.weekday)) : j.Null();
    j.Key("rule");
    j.StringOrNull(w.rule);
    j.Key("anchor");
    if (w.relative) {
      j.BeginObject();
      j.Key("date");
      j.StringOrNull(w.anchor);
      j.Key("source");
      j.String(w.anchor_source);
      j.Key("evidence");
      j.StringOrNull(w.anchor_evidence);
      j.EndObject();
    } else {
      j.Null();
    }
    j.EndObject();
  } else {
    j.Null();
  }
  j.Key("start");
  j.Unsigned(c.match_raw.begin);
  j.Key("end");
  j.Unsigned(c.match_raw.end);
  if (!c.value_raw.empty()) {
    j.Key("value_start");
    j.Unsigned(c.value_raw.begin);
    j.Key("value_end");
    j.Unsigned(c.value_raw.end);
    j.Key("evidence_value");
    j.BeginArray();
    j.Element();
    j.Unsigned(c.value_in_evidence.begin);
    j.Element();
    j.Unsigned(c.value_in_evidence.end);
    j.EndArray();
  } else {
    j.Key("value_start");
    j.Null();
    j.Key("value_end");
    j.Null();
    j.Key("evidence_value");
    j.Null();
  }
  j.Key("sentence");
  j.BeginObject();
  j.Key("index");
  j.Unsigned(c.sentence);
  j.Key("start");
  j.Unsigned(c.sentence_raw.begin);
  j.Key("end");
  j.Unsigned(c.sentence_raw.end);
  j.EndObject();
  j.Key("roles");
  j.BeginArray();
  for (const RoleFiller& f : c.roles) {
    j.Element();
    j.BeginObject();
    j.Key("role");
    j.String(f.role);
    j.Key("entity");
    j.String(f.entity);
    j.Key("kind");
    j.String(f.entity_kind);
    j.Key("mention");
    j.String(f.mention);
    j.Key("via");
    j.String(f.via);
    j.Key("sentence");
    j.Unsigned(f.sentence);
    j.EndObject();
  }
  j.EndArray();
  j.EndObject();
}

Json SelfContradictionsJson(const std::vector<SelfContradiction>& list) {
  Json out = Json::array();
  for (const SelfContradiction& s : list) {
    out.push_back(Json{{"document", s.document}, {"outlet", s.outlet}, {"reason", s.reason}});
  }
  return out;
}

Json IntervalJson(const check::ShareInterval& i) { return Json::array({Round3(i.lo), Round3(i.hi)}); }

Json EstimateJson(const check::ValueEstimate& e) {
  return Json{{"value", e.value},
              {"support", Round3(e.support)},
              {"against", Round3(e.against)},
              {"confidence", Round3(e.confidence)},
              {"interval", IntervalJson(e.interval)},
              {"right_sources", e.right_sources},
              {"wrong_sources", e.wrong_sources}};
}

Json ConsensusJson(const check::SubjectConsensus& c) {
  const bool has_value = c.status != check::ConsensusStatus::kNoValue;
  return Json{{"status", std::string(check::ConsensusStatusName(c.status))},
              {"reason", c.reason},
              {"sources", c.sources},
              {"candidates", c.candidates},
              {"best", has_value ? EstimateJson(c.best) : Json(nullptr)},
              {"runner_up", c.has_runner_up ? EstimateJson(c.runner_up) : Json(nullptr)}};
}

Json OutletReliabilityJson(const check::TruthDiscovery& truth) {
  Json outlets = Json::array();
  for (const check::OutletReliability& r : truth.outlets) {
    const bool evidence = r.agreement_weight + r.disagreement_weight > 0;
    outlets.push_back(Json{{"outlet", r.outlet},
                           {"rating", r.enough_evidence ? "rated" : "insufficient_evidence"},
                           {"score", Round3(r.score)},
                           {"agreement_rate", evidence ? Json(Round3(r.agreement_rate)) : Json(nullptr)},
                           {"interval", IntervalJson(r.interval)},
                           {"subjects", r.subjects},
                           {"agree", r.agree},
                           {"disagree", r.disagree},
                           {"claims", r.claims},
                           {"agreement_weight", Round3(r.agreement_weight)},
                           {"disagreement_weight", Round3(r.disagreement_weight)}});
  }
  return Json{{"method", "truthfinder"},
              {"iterations", truth.iterations},
              {"converged", truth.converged},
              {"outlets", outlets}};
}

// A finding, its claims last; without them when `with_claims` is false.
// `contradictions`: the finding's self-contradictions when it does not hold them.
Json FindingJson(const Finding& f, const check::SubjectConsensus* consensus = nullptr, bool with_claims = true,
                 const std::vector<SelfContradiction>* contradictions = nullptr) {
  Json claims = Json::array();
  if (with_claims) {
    for (const SourcedClaim& c : f.claims) claims.push_back(ClaimJson(c));
  }
  Json out{{"id", f.id},
              {"kind", f.template_id},
              {"derived_from", OrNull(f.derived_from)},
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
              {"self_contradictions",
               SelfContradictionsJson(contradictions != nullptr ? *contradictions : f.self_contradictions)}};
  if (consensus != nullptr) out["consensus"] = ConsensusJson(*consensus);
  out["claims"] = claims;
  return out;
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

Json SourceClusterJson(const SourceCluster& c) {
  Json links = Json::array();
  for (const CopyLink& link : c.links) links.push_back(CopyLinkJson(link));
  return Json{{"id", c.id}, {"documents", c.documents}, {"outlets", c.outlets}, {"links", links}};
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

// A finding as Dump(FindingJson(f), 4) writes it, one claim at a time and
// one piece of its claims at a time (see ReportData::ForEachFindingPiece): a
// subject can have thousands of claims, and their tree would take several
// times their text in memory.
void WriteFindingPiece(const Finding& f, size_t count, size_t begin, const check::SubjectConsensus* consensus,
                       const std::vector<SelfContradiction>& contradictions, std::ostream& out) {
  if (count == 0) {
    out << Dump(FindingJson(f, consensus, true, &contradictions), 4);
    return;
  }
  std::string text;
  if (begin == 0) {
    text = Dump(FindingJson(f, consensus, false, &contradictions), 4);
    constexpr std::string_view kEmptyClaims = "[]\n    }";  // "claims" is the last key
    if (text.size() < kEmptyClaims.size() ||
        std::string_view(text).substr(text.size() - kEmptyClaims.size()) != kEmptyClaims) {
      out.setstate(std::ios::badbit);  // cannot happen with ordered keys; a broken file must not look written
      return;
    }
    text.resize(text.size() - kEmptyClaims.size());
    text += "[";
  }
  constexpr size_t kWriteAt = 1 << 16;  // bytes gathered before they go to the stream
  for (size_t i = 0; i < f.claims.size(); ++i) {
    text += begin + i == 0 ? "\n        " : ",\n        ";
    WriteClaim(f.claims[i], 8, &text);
    if (text.size() >= kWriteAt) {
      out << text;
      text.clear();
    }
  }
  if (begin + f.claims.size() == count) text += "\n      ]\n    }";
  out << text;
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
  // The arrays that grow with the corpus are written an element at a time, in their place.
  std::map<std::string, std::pair<size_t, std::function<Json(size_t)>>> streamed;
  streamed["documents"] = {data.documents.size(), [&data](size_t i) {
                             const DocumentSource& d = data.documents[i];
                             const extract::TimeAnchor* anchor = data.AnchorOf(i);
                             return Json{{"path", d.path},
                                         {"outlet", d.outlet},
                                         {"url", OrNull(d.url)},
                                         {"published", OrNull(d.published)},
                                         {"anchor", AnchorJson(anchor != nullptr ? *anchor : extract::TimeAnchor{})},
                                         {"claims", data.ClaimsOf(i)}};
                           }};
  streamed["source_clusters"] = {data.sources.clusters.size(),
                                 [&data](size_t i) { return SourceClusterJson(data.sources.clusters[i]); }};
  root["documents"] = nullptr;
  root["source_clusters"] = nullptr;
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
  root["outlet_reliability"] = OutletReliabilityJson(data.truth);
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
    if (auto array = streamed.find(key); array != streamed.end()) {
      const auto& [count, element] = array->second;
      if (count == 0) {
        out << "[]";
        continue;
      }
      out << "[";
      for (size_t i = 0; i < count; ++i) out << (i == 0 ? "\n    " : ",\n    ") << Dump(element(i), 4);
      out << "\n  ]";
      continue;
    }
    if (key != "findings") {
      out << Dump(value, 2);
      continue;
    }
    if (data.findings.empty()) {
      out << "[]";
      continue;
    }
    out << "[";
    data.ForEachFindingPiece([&](size_t i, const Finding& f, size_t begin) {
      std::vector<SelfContradiction> contradictions;  // the head's, with the first piece
      if (begin == 0) {
        out << (i == 0 ? "\n    " : ",\n    ");
        contradictions = data.SelfContradictionsOf(i);
      }
      WriteFindingPiece(f, data.ClaimCount(i), begin, data.truth.Find(f.id), contradictions, out);
      return true;
    });
    out << "\n  ]";
  }
  out << (first ? "}" : "\n}") << '\n';
}

}  // namespace crosscheck::report
