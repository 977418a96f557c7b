#include "report/report_data.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace crosscheck::report {

namespace {

std::vector<size_t> AllOf(size_t count) {
  std::vector<size_t> order(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  return order;
}

}  // namespace

void ReportData::ForEachFinding(const std::vector<size_t>& order, const FindingVisitor& visit) const {
  VisitPieces(order, SIZE_MAX, [&visit](size_t i, const Finding& f, size_t) { return visit(i, f); });
}

void ReportData::ForEachFinding(const FindingVisitor& visit) const { ForEachFinding(AllOf(findings.size()), visit); }

void ReportData::ForEachFindingPiece(const std::vector<size_t>& order, const FindingPieceVisitor& visit) const {
  VisitPieces(order, std::max<size_t>(claims_per_piece, 1), visit);
}

void ReportData::ForEachFindingPiece(const FindingPieceVisitor& visit) const {
  ForEachFindingPiece(AllOf(findings.size()), visit);
}

void ReportData::VisitPieces(const std::vector<size_t>& order, size_t piece, const FindingPieceVisitor& visit) const {
  if (claim_reader == nullptr) {
    for (size_t i : order) {
      if (!visit(i, findings[i], 0)) return;
    }
    return;
  }
  std::vector<const std::vector<int64_t>*> lists;  // every finding's, whatever the order: read once, kept by the reader
  lists.reserve(findings.size());
  for (const Finding& f : findings) lists.push_back(&f.claim_ids);
  Finding f;  // finding i as the writers see it (its claims, not their keys), copied once for all its pieces
  size_t current = SIZE_MAX;
  claim_reader->ForEachPiece(lists, order, piece, [&](size_t i, size_t begin, std::vector<SourcedClaim>& read) {
    if (i != current || begin == 0) {
      f = findings[i];
      std::vector<int64_t>().swap(f.claim_ids);
      current = i;
    }
    f.claims = std::move(read);
    const bool more = visit(i, f, begin);
    read = std::move(f.claims);  // back to the reader, which may reuse their strings
    return more;
  });
}

bool ReportData::Timed(size_t finding) const {
  if (claim_reader == nullptr) {
    const std::vector<SourcedClaim>& held = findings[finding].claims;
    return std::any_of(held.begin(), held.end(), [](const SourcedClaim& c) { return c.claim.has_when; });
  }
  if (finding < finding_timed.size()) return finding_timed[finding];
  bool timed = false;  // not recorded: the claims tell, a piece at a time
  claim_reader->ForEachPiece({&findings[finding].claim_ids}, {0}, std::max<size_t>(claims_per_piece, 1),
                             [&timed](size_t, size_t, std::vector<SourcedClaim>& read) {
                               timed = std::any_of(read.begin(), read.end(),
                                                   [](const SourcedClaim& c) { return c.claim.has_when; });
                               return !timed;
                             });
  return timed;
}

void ReportData::ForEachDocumentClaims(const DocumentVisitor& visit) const {
  if (claim_reader == nullptr) {
    std::map<std::string, std::vector<SourcedClaim>> by_document;
    for (const Finding& f : findings) {
      for (const SourcedClaim& c : f.claims) by_document[c.source.path].push_back(c);
    }
    for (const auto& [path, held] : by_document) visit(path, held);
    return;
  }
  std::vector<const std::vector<int64_t>*> lists;
  std::vector<size_t> order;
  for (size_t d = 0; d < document_claims.size() && d < documents.size(); ++d) {
    lists.push_back(&document_claims[d]);
    if (!document_claims[d].empty()) order.push_back(d);
  }
  claim_reader->ForEachList(lists, order, [&](size_t d, std::vector<SourcedClaim>& read) {
    visit(documents[d].path, read);
    return true;
  });
}

std::vector<std::string> ReportData::OutletsOf(size_t finding) const {
  if (finding < finding_outlets.size()) return finding_outlets[finding];
  std::set<std::string> outlets;
  for (const SourcedClaim& c : findings[finding].claims) outlets.insert(c.source.outlet);
  return {outlets.begin(), outlets.end()};
}

size_t ReportData::ClaimCount(size_t finding) const {
  const Finding& f = findings[finding];
  return claim_reader != nullptr ? f.claim_ids.size() : f.claims.size();
}

size_t ReportData::Count(Verdict verdict) const {
  size_t n = 0;
  for (const Finding& f : findings) n += f.verdict == verdict ? 1 : 0;
  return n;
}

size_t ReportData::OutletCount() const {
  std::set<std::string> outlets;
  for (const DocumentSource& d : documents) outlets.insert(d.outlet);
  return outlets.size();
}

size_t ReportData::SelfContradictions() const {
  size_t n = 0;
  for (size_t i = 0; i < findings.size(); ++i) n += ContradictsItself(i) ? 1 : 0;
  return n;
}

bool ReportData::ContradictsItself(size_t finding) const {
  return !findings[finding].self_contradictions.empty() ||
         (contradictions != nullptr && finding < contradiction_keys.size() && contradiction_keys[finding] >= 0);
}

std::vector<SelfContradiction> ReportData::SelfContradictionsOf(size_t finding) const {
  const Finding& f = findings[finding];
  if (!f.self_contradictions.empty() || contradictions == nullptr || finding >= contradiction_keys.size()) {
    return f.self_contradictions;
  }
  std::vector<SelfContradiction> read;
  contradictions->Read(contradiction_keys[finding], &read);
  return read;
}

size_t ReportData::WeakConflicts() const {
  size_t n = 0;
  for (const Finding& f : findings) n += f.strength == ConflictStrength::kWeak ? 1 : 0;
  return n;
}

std::vector<FolderSources> ReportData::SourcesByFolder() const {
  std::map<std::string, std::pair<size_t, std::set<std::string>>> by_folder;
  for (const DocumentSource& d : documents) {
    const size_t slash = d.path.rfind('/');
    auto& [count, independent] = by_folder[slash == std::string::npos ? "." : d.path.substr(0, slash)];
    ++count;
    independent.insert(sources.SourceOf(d.path));
  }
  std::vector<FolderSources> out;
  for (const auto& [folder, counts] : by_folder) out.push_back({folder, counts.first, counts.second.size()});
  return out;
}

}  // namespace crosscheck::report
