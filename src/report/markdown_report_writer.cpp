#include "report/markdown_report_writer.h"

#include "extract/date_parser.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace crosscheck::report {
namespace {

const char* Heading(Verdict v) {
  switch (v) {
    case Verdict::kConflict: return "Conflicts";
    case Verdict::kCompatible: return "Compatible";
    case Verdict::kAgree: return "Agreement";
    case Verdict::kSingleSource: return "Single source";
  }
  return "";
}

const char* Word(Verdict v) {
  switch (v) {
    case Verdict::kConflict: return "CONFLICT";
    case Verdict::kCompatible: return "compatible";
    case Verdict::kAgree: return "agree";
    case Verdict::kSingleSource: return "single source";
  }
  return "";
}

// When the claim's event happened: the phrase, what it resolved to, and the
// anchor it was counted from ("on Wednesday → 2025-02-12, anchor 2025-02-13 (published)").
std::string When(const Claim& c) {
  if (!c.has_when) return "—";
  const EventTime& w = c.when;
  std::string out = EscapeMarkdown(w.phrase);
  if (!w.resolved) return out + " (unresolved: no anchor date)";
  std::string range = extract::DaysToIso(static_cast<int>(w.days.lo));
  if (w.days.hi != w.days.lo) range += " to " + extract::DaysToIso(static_cast<int>(w.days.hi));
  out += " → " + range;
  if (w.relative) out += ", anchor " + w.anchor + " (" + EscapeMarkdown(w.anchor_source) + ")";
  return out;
}

std::string Evidence(const Claim& c) {
  const std::string& e = c.evidence;
  if (c.value_in_evidence.empty() || c.value_in_evidence.end > e.size()) return EscapeMarkdown(e);
  return EscapeMarkdown(e.substr(0, c.value_in_evidence.begin)) + "**" +
         EscapeMarkdown(e.substr(c.value_in_evidence.begin, c.value_in_evidence.size())) + "**" +
         EscapeMarkdown(e.substr(c.value_in_evidence.end));
}

std::string Fixed(double x, int decimals = 2) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
  return buffer;
}

std::string Percent(double x) { return Fixed(100 * x, 0) + "%"; }

// The subject's most likely value with its uncertainty, or why there is none.
void WriteConsensus(const check::SubjectConsensus& c, std::ostream& out) {
  out << "**Consensus: ";
  switch (c.status) {
    case check::ConsensusStatus::kNoValue: out << "none**"; break;
    case check::ConsensusStatus::kInsufficientEvidence: out << "insufficient evidence**"; break;
    case check::ConsensusStatus::kContested:
    case check::ConsensusStatus::kConsensus:
      out << EscapeMarkdown(c.best.value) << (c.status == check::ConsensusStatus::kContested ? " (contested)" : "")
          << "** — confidence " << Percent(c.best.confidence) << " (90% interval " << Percent(c.best.interval.lo) << "–"
          << Percent(c.best.interval.hi) << ")";
      if (c.has_runner_up) {
        out << "; runner-up " << EscapeMarkdown(c.runner_up.value) << ", " << Percent(c.runner_up.confidence);
      }
      break;
  }
  out << " — " << EscapeMarkdown(c.reason) << "  \n";
}

// Each outlet's agreement with the consensus of the other independent sources.
void WriteOutletReliability(const check::TruthDiscovery& truth, std::ostream& out) {
  if (truth.outlets.empty()) return;
  out << "## Outlet reliability\n\n"
         "How often each outlet's claims fit the consensus of the other independent sources (copies of its own story "
         "excluded), one subject counting once however many claims or copies the outlet has. The score is the weight "
         "the consensus gives the outlet: agreement added to a prior of 0.8 worth five subjects. Outlets with fewer "
         "than three such subjects are not rated. Agreement is with other outlets, not with the facts.\n\n"
      << "| Outlet | Score | Agreement (95% interval) | Subjects | Agree | Disagree | Rating |\n|---|---|---|---|---|---|---|\n";
  for (const check::OutletReliability& r : truth.outlets) {
    const bool evidence = r.agreement_weight + r.disagreement_weight > 0;
    out << "| " << EscapeMarkdown(r.outlet) << " | " << Fixed(r.score) << " | "
        << (evidence ? Percent(r.agreement_rate) + " (" + Percent(r.interval.lo) + "–" + Percent(r.interval.hi) + ")" : "—")
        << " | " << r.subjects << " | " << r.agree << " | " << r.disagree << " | "
        << (r.enough_evidence ? "rated" : "insufficient evidence") << " |\n";
  }
  out << "\n";
}

// Source clusters, each with the links that joined it and their evidence.
void WriteCopies(const SourceClusters& sources, std::ostream& out) {
  if (sources.clusters.empty()) return;
  out << "## Copies\n\n" << sources.documents << " documents, " << sources.independent
      << " independent sources: the documents below are copies or rewrites of one story, and their agreement counts once.\n\n";
  for (const SourceCluster& c : sources.clusters) {
    out << "### " << c.documents.size() << " copies: ";
    for (size_t i = 0; i < c.documents.size(); ++i) out << (i > 0 ? ", " : "") << EscapeMarkdown(c.documents[i]);
    out << "\n\nOutlets: ";
    for (size_t i = 0; i < c.outlets.size(); ++i) out << (i > 0 ? ", " : "") << EscapeMarkdown(c.outlets[i]);
    out << ".\n\n";
    for (const CopyLink& link : c.links) {
      out << "- " << EscapeMarkdown(link.a) << " — " << EscapeMarkdown(link.b) << ": " << EscapeMarkdown(link.reason) << "\n";
      for (const std::string& sentence : link.shared_sentences) out << "  - shared sentence: \"" << EscapeMarkdown(sentence) << "\"\n";
      for (const std::string& quote : link.shared_quotes) out << "  - shared quotation: \"" << EscapeMarkdown(quote) << "\"\n";
    }
    out << "\n";
  }
}

// One speaker's words quoted differently; the differing words are in [brackets].
void WriteQuoteDrift(const std::vector<check::QuoteDrift>& drift, std::ostream& out) {
  if (drift.empty()) return;
  out << "## Quotation drift\n\nThe same speaker's words, quoted differently (differing words in [brackets]; "
         "punctuation, contractions and spellings of names are not counted).\n\n";
  for (const check::QuoteDrift& d : drift) {
    out << "- **" << EscapeMarkdown(d.speaker) << "**: ";
    for (size_t i = 0; i < d.changes.size(); ++i) {
      out << (i > 0 ? "; " : "") << "\"" << EscapeMarkdown(d.changes[i].first.empty() ? "—" : d.changes[i].first)
          << "\" vs \"" << EscapeMarkdown(d.changes[i].second.empty() ? "—" : d.changes[i].second) << "\"";
    }
    out << "\n  - " << EscapeMarkdown(d.a.outlet) << " (" << EscapeMarkdown(d.a.document) << "): \""
        << EscapeMarkdown(d.a.marked) << "\"\n  - " << EscapeMarkdown(d.b.outlet) << " (" << EscapeMarkdown(d.b.document)
        << "): \"" << EscapeMarkdown(d.b.marked) << "\"\n";
  }
  out << "\n";
}

}  // namespace

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\n': case '\r': out += ' '; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '!': case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

void WriteMarkdownReport(const ReportData& data, std::ostream& out) {
  out << "# Consistency report: " << EscapeMarkdown(data.corpus) << "\n\n";
  out << data.documents.size() << " documents from " << data.OutletCount() << " outlets, " << data.claims
      << " claims about " << data.subjects << " subjects.";
  if (!data.sources.clusters.empty()) {
    out << " Some documents are copies of one story (see Copies): " << data.sources.independent
        << " independent sources.";
  }
  if (data.skipped_documents > 0) out << " " << data.skipped_documents << " files were skipped (see Diagnostics).";
  out << "\n\n";
  out << "| Verdict | Findings |\n|---|---|\n";
  for (Verdict v : {Verdict::kConflict, Verdict::kCompatible, Verdict::kAgree, Verdict::kSingleSource}) {
    out << "| " << Word(v) << " | " << data.Count(v) << " |\n";
    if (v == Verdict::kConflict && data.WeakConflicts() > 0) {
      out << "| of which weak (hedged, or attributed to different parties) | " << data.WeakConflicts() << " |\n";
    }
  }
  out << "\n";
  // Findings by verdict, each verdict under its heading: one pass over the
  // findings in that order, each read with its claims once.
  std::vector<size_t> by_verdict;
  by_verdict.reserve(data.findings.size());
  for (Verdict v : {Verdict::kConflict, Verdict::kCompatible, Verdict::kAgree, Verdict::kSingleSource}) {
    for (size_t i = 0; i < data.findings.size(); ++i) {
      if (data.findings[i].verdict == v) by_verdict.push_back(i);
    }
  }
  bool headed = false;
  Verdict section = Verdict::kConflict;
  bool timed = false;  // the finding's claims have a "When" column
  data.ForEachFindingPiece(by_verdict, [&](size_t i, const Finding& f, size_t begin) {
    if (begin == 0) {
      timed = data.Timed(i);
      if (!headed || f.verdict != section) {
        out << "## " << Heading(f.verdict) << "\n\n";
        headed = true;
        section = f.verdict;
      }
      const size_t count = data.ClaimCount(i);
      out << "### " << EscapeMarkdown(f.subject.label) << " — " << EscapeMarkdown(f.template_id)
          << (f.derived_from.empty() ? "" : " since " + EscapeMarkdown(f.derived_from)) << "\n\n";
      out << "**Verdict: " << Word(f.verdict) << (f.strength == ConflictStrength::kWeak ? " (weak)" : "") << "** — " << EscapeMarkdown(f.reason) << "  \n";
      out << "Subject `" << f.subject.id << "`, " << count << (count == 1 ? " claim" : " claims")
          << " from " << f.outlets << (f.outlets == 1 ? " outlet" : " outlets");
      if (f.sources > 0 && f.sources < f.outlets) {  // 0: not computed
        out << " (" << f.sources << (f.sources == 1 ? " independent source" : " independent sources") << ")";
      }
      out << ".\n\n";
      if (const check::SubjectConsensus* c = data.truth.Find(f.id)) {
        WriteConsensus(*c, out);
        out << "\n";
      }
      out << "| Outlet | Value | Modality | Attributed to | " << (timed ? "When | " : "") << "Evidence |\n|---|---|---|---|---|"
          << (timed ? "---|" : "") << "\n";
    }
    for (const SourcedClaim& sc : f.claims) {
      const Claim& c = sc.claim;
      std::string modality(ModalityName(c.modality));
      if (!c.modality_cue.empty()) modality += " (\"" + c.modality_cue + "\")";
      out << "| " << EscapeMarkdown(sc.source.outlet) << " <br>" << EscapeMarkdown(sc.source.path) << ":"
          << c.match_raw.begin << " | " << EscapeMarkdown(c.value.display) << " | " << EscapeMarkdown(modality)
          << " | " << (c.attribution.empty() ? "—" : EscapeMarkdown(c.attribution)) << " | "
          << (timed ? When(c) + " | " : "") << Evidence(c)
          << " |\n";
    }
    if (data.IsLastPiece(i, f, begin)) out << "\n";
    return true;
  });
  if (data.SelfContradictions() > 0) {
    out << "## Documents that contradict themselves\n\n";
    for (size_t i = 0; i < data.findings.size(); ++i) {
      const Finding& f = data.findings[i];
      for (const SelfContradiction& s : data.SelfContradictionsOf(i)) {
        out << "- " << EscapeMarkdown(s.outlet) << " (" << EscapeMarkdown(s.document) << "), "
            << EscapeMarkdown(f.subject.label) << " — " << EscapeMarkdown(f.template_id) << ": "
            << EscapeMarkdown(s.reason) << "\n";
      }
    }
    out << "\n";
  }
  WriteOutletReliability(data.truth, out);
  WriteCopies(data.sources, out);
  WriteQuoteDrift(data.quote_drift, out);
  if (const std::vector<FolderSources> folders = data.SourcesByFolder(); folders.size() > 1) {
    out << "## Independent sources by folder\n\n| Folder | Documents | Independent sources |\n|---|---|---|\n";
    for (const FolderSources& f : folders) {
      out << "| " << EscapeMarkdown(f.folder) << " | " << f.documents << " | " << f.independent_sources << " |\n";
    }
    out << "\n";
  }
  out << "## Documents\n\n| Document | Outlet | Published | Claims |\n|---|---|---|---|\n";
  for (size_t i = 0; i < data.documents.size(); ++i) {
    const DocumentSource& d = data.documents[i];
    out << "| " << EscapeMarkdown(d.path) << " | " << EscapeMarkdown(d.outlet) << " | "
        << (d.published.empty() ? "—" : d.published) << " | " << data.ClaimsOf(i) << " |\n";
  }
  out << "\n";
  if (!data.diagnostics.empty()) {
    out << "## Diagnostics\n\n";
    for (const Diagnostic& d : data.diagnostics) out << "- " << EscapeMarkdown(d.ToString()) << "\n";
    out << "\n";
  }
}

}  // namespace crosscheck::report
