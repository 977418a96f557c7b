// ReportData: everything a report writer needs, gathered once by the pipeline.
// Writers are pure functions of it, so every format tells the same story.
#pragma once

#include <cstdint>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/document.h"
#include "crosscheck/finding.h"
#include "check/quote_drift.h"
#include "check/truth_discovery.h"
#include "crosscheck/source_cluster.h"
#include "extract/time_anchor.h"
#include "report/self_contradiction_spool.h"

namespace crosscheck::report {

// What the HTML report's document view says about a document besides its claims.
struct DocumentStats {
  size_t sentences = 0;  // body sentences, boilerplate excluded
  size_t removed = 0;    // boilerplate lines and trailers left out of matching
};

// Independent sources among the documents of one folder of the corpus (in
// ECB+, a folder is one event: how many of its articles are not copies).
struct FolderSources {
  std::string folder;  // relative to the corpus, '/'-separated; "." for its top level
  size_t documents = 0;
  size_t independent_sources = 0;
};

// Where writers read the claims of findings that hold only their row ids
// (Finding::claim_ids): the pipeline reads them back from the store, one
// finding at a time, so that a corpus's claims are never all in memory.
class ClaimReader {
 public:
  // visit(k, begin, claims): claims [begin, begin + claims.size()) of lists[k].
  using PieceVisitor = std::function<bool(size_t, size_t, std::vector<SourcedClaim>&)>;
  using Visitor = std::function<bool(size_t, std::vector<SourcedClaim>&)>;
  virtual ~ClaimReader() = default;
  // Calls visit for each k of `order` with the claims of lists[k] in pieces
  // of at most `piece` (> 0), in order; an empty list is visited once, with
  // none. Stops when visit returns false.
  virtual void ForEachPiece(const std::vector<const std::vector<int64_t>*>& lists, const std::vector<size_t>& order,
                            size_t piece, const PieceVisitor& visit) const = 0;
  // Calls visit(k, the claims of lists[k]) for each k of `order`, until it returns false.
  void ForEachList(const std::vector<const std::vector<int64_t>*>& lists, const std::vector<size_t>& order,
                   const Visitor& visit) const {
    ForEachPiece(lists, order, SIZE_MAX,
                 [&visit](size_t k, size_t, std::vector<SourcedClaim>& claims) { return visit(k, claims); });
  }
};

struct ReportData {
  std::string corpus;                         // the corpus folder's name
  std::vector<DocumentSource> documents;      // sorted by path
  // By document (an index into `documents`: on a large corpus, maps keyed by
  // path took ~130 bytes a document each); shorter vectors say nothing of the rest.
  std::vector<extract::TimeAnchor> anchors;   // what relative dates count from
  std::vector<size_t> claims_per_document;
  size_t claims = 0;
  size_t subjects = 0;
  size_t skipped_documents = 0;
  std::vector<Finding> findings;              // conflicts first; with their claims, or with claim_ids and a claim_reader
  const ClaimReader* claim_reader = nullptr;  // reads the claims of findings that hold only their row ids
  std::vector<std::vector<int64_t>> document_claims;  // with a claim_reader: by document, the keys of its
                                                     // claims in findings order
  std::vector<std::vector<std::string>> finding_outlets;  // by finding: its claims' outlets, sorted; may be
                                                          // empty when the findings hold their claims
  SourceClusters sources;                     // copies of one story; documents == 0 when not computed
  std::vector<check::QuoteDrift> quote_drift;  // one speaker quoted differently by two documents
  check::TruthDiscovery truth;                // consensus per finding and outlet reliability; empty when not computed
  std::vector<Diagnostic> diagnostics;        // sorted by path, then line
  std::vector<std::optional<DocumentStats>> document_stats;  // by document; none: not shown
  // The subject graph drawn by Graphviz `dot -Tsvg` (see graphviz_renderer.h);
  // empty when dot was missing or failed: report.html then draws its built-in layout.
  std::string graph_svg;

  // With a claim_reader: at most this many of a finding's claims are in
  // memory at once (the largest finding of a 1 GB corpus has ~100,000).
  size_t claims_per_piece = 1024;
  std::vector<bool> finding_timed;  // by finding: some claim says when; may be empty (then read from the claims)
  // Self-contradictions the findings do not hold: by finding, its key in
  // `contradictions` (-1: none). Writers read them with SelfContradictionsOf,
  // once a finding: the visitors' findings do not carry them.
  const SelfContradictionSpool* contradictions = nullptr;
  std::vector<int64_t> contradiction_keys;

  using FindingVisitor = std::function<bool(size_t, const Finding&)>;
  // Calls visit(i, finding i with its claims) for each i of `order` (indices
  // into `findings`), until it returns false. Writers see every finding's
  // claims through this, one finding at a time.
  void ForEachFinding(const std::vector<size_t>& order, const FindingVisitor& visit) const;
  void ForEachFinding(const FindingVisitor& visit) const;  // every finding, in order
  // The same, one piece of a finding's claims at a time: visit(i, finding i,
  // begin) with f.claims holding its claims [begin, begin + f.claims.size()).
  // A finding's pieces come in order, the first with begin 0; it is the last
  // when IsLastPiece. Findings that hold their claims come in one piece.
  using FindingPieceVisitor = std::function<bool(size_t, const Finding&, size_t)>;
  void ForEachFindingPiece(const std::vector<size_t>& order, const FindingPieceVisitor& visit) const;
  void ForEachFindingPiece(const FindingPieceVisitor& visit) const;  // every finding, in order
  bool IsLastPiece(size_t finding, const Finding& piece, size_t begin) const {
    return begin + piece.claims.size() == ClaimCount(finding);
  }
  bool Timed(size_t finding) const;  // some claim of the finding says when its event happened
  std::vector<std::string> OutletsOf(size_t finding) const;  // its claims' outlets, sorted
  // Calls visit(path, claims) for each document with claims in the findings,
  // in path order, with its claims in the order the findings hold them (a
  // claim in two findings comes twice).
  using DocumentVisitor = std::function<void(const std::string&, const std::vector<SourcedClaim>&)>;
  void ForEachDocumentClaims(const DocumentVisitor& visit) const;
  size_t ClaimCount(size_t finding) const;
  size_t ClaimsOf(size_t document) const {
    return document < claims_per_document.size() ? claims_per_document[document] : 0;
  }
  const extract::TimeAnchor* AnchorOf(size_t document) const {
    return document < anchors.size() ? &anchors[document] : nullptr;
  }
  const DocumentStats* StatsOf(size_t document) const {
    return document < document_stats.size() && document_stats[document] ? &*document_stats[document] : nullptr;
  }

  size_t Count(Verdict verdict) const;
  size_t OutletCount() const;
  size_t WeakConflicts() const;  // conflicts resting on a hedge or on different attributions
  size_t SelfContradictions() const;  // findings in which some document contradicts itself
  bool ContradictsItself(size_t finding) const;  // some document of the finding does
  // The finding's self-contradictions, held or spooled (empty when the spool cannot be read: see its status()).
  std::vector<SelfContradiction> SelfContradictionsOf(size_t finding) const;
  // Per folder, sorted by folder; copies in another folder count where they are.
  std::vector<FolderSources> SourcesByFolder() const;

 private:
  // ForEachFindingPiece with pieces of at most `piece` claims (SIZE_MAX: whole findings).
  void VisitPieces(const std::vector<size_t>& order, size_t piece, const FindingPieceVisitor& visit) const;
};

}  // namespace crosscheck::report
