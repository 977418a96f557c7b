// SourceClusters: which documents are copies or rewrites of one another, so
// that their agreement counts once.
//
// Wire stories are republished verbatim, trimmed, or lightly rewritten. Each
// document becomes the set of its word 5-grams outside quotations (two outlets
// quoting the same speech are not copies), its long sentences and its
// quotations. Candidates come from MinHash LSH buckets (min_hash.h), from
// sentences of at least 12 words that two documents share verbatim, and from
// shared quotations: never from all pairs. Each candidate pair is then
// measured exactly and joined when it is
//
//   identical       the same bytes (one content hash, several paths)
//   near-duplicate  Jaccard similarity of the 5-grams >= 0.5
//   rewrite         the shorter document shares >= 25% of its 5-grams with the
//                   other, and at least 20 of them or one long sentence
//
// 5-grams, sentences and quotations found in more than 5% of the documents
// (at most 64, at least 8) are templates or stock phrases: they neither make
// candidates nor count when measuring. So a story syndicated to more than 64
// documents of one corpus joins its family only where the copies are
// identical.
//
// Joined documents form a cluster (union-find); the report lists each cluster
// with the links that formed it, strongest first, and why each was made.

#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/document.h"
#include "crosscheck/source_cluster.h"
#include "crosscheck/status.h"
#include "link/subject_graph.h"

namespace crosscheck::link {

using SourceText = crosscheck::SourceText;

struct SourceClusterOptions {
  double near_duplicate = 0.5;        // Jaccard similarity
  double rewrite_containment = 0.25;  // of the shorter document
  size_t rewrite_min_shingles = 20;   // or one shared long sentence
  size_t min_sentence_words = 12;     // outside quotations, for a sentence to count as shared evidence
  size_t min_quote_words = 6;
  size_t min_shingles = 5;            // shorter documents join only when identical
  size_t full_bucket = 64;            // larger buckets are checked against their first member only
  size_t common_cap = 64;             // wording in more documents than this (or 5% of them) is stock phrasing
  bool spill_to_disk = true;          // features wait in a temporary file (else in memory)
  size_t memory_budget = size_t{64} << 20;  // bytes of measured shingles kept in memory before the file
};

// Finds source clusters in documents given one at a time. Of each it keeps
// its name and the keys of its long sentences and quotations; its shingles
// and passages go to a temporary file, read back while measuring candidate
// pairs. So the corpus's text is never held in memory.
class SourceClusterDetector {
 public:
  // `expected_documents` sizes a counting table; a wrong figure only costs time.
  explicit SourceClusterDetector(size_t expected_documents, const SourceClusterOptions& options = {});
  ~SourceClusterDetector();
  SourceClusterDetector(const SourceClusterDetector&) = delete;
  SourceClusterDetector& operator=(const SourceClusterDetector&) = delete;

  // Documents come in ascending path order.
  void Add(const SourceText& document);
  // Fails when the documents were out of order or the temporary file failed.
  Result<SourceClusters> Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The same on documents in memory, in any order.
SourceClusters DetectSourceClusters(const std::vector<SourceText>& documents, const SourceClusterOptions& options = {});

// Adds a vertex per cluster, joined to its documents by edges labelled with
// the kind of copy ("copy: rewrite").
void AddSourceClusters(const SourceClusters& clusters, SubjectGraph* graph);

}  // namespace crosscheck::link
