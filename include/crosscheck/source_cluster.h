// Source clusters: documents that are copies or rewrites of one story, and
// why they were joined. Found by link/source_clusters.h; copies count as one
// independent source in verdicts and in the report.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "crosscheck/document.h"

namespace crosscheck {

// One document's body as the store keeps it: what copies and quotations are found in.
struct SourceText {
  DocumentSource source;
  std::string content_hash;
  std::vector<std::string> sentences;  // normalised, in order
};

// Why two documents were put in one cluster.
struct CopyLink {
  std::string a;                  // document paths, a < b
  std::string b;
  std::string kind;               // "identical", "near-duplicate" or "rewrite"
  double similarity = 0;          // Jaccard similarity of the 5-grams outside quotations
  double containment = 0;         // shared 5-grams / 5-grams of the shorter document
  size_t shared_shingles = 0;
  size_t shared_sentence_count = 0;
  std::vector<std::string> shared_sentences;  // up to three, longest first
  size_t shared_quote_count = 0;
  std::vector<std::string> shared_quotes;     // up to three, longest first
  std::string reason;             // one line, e.g. "rewrite: 48% of the wording of 000.txt, 2 shared sentences"
};

struct SourceCluster {
  std::string id;                      // "copies:<first document path>"
  std::vector<std::string> documents;  // paths, sorted
  std::vector<std::string> outlets;    // distinct, sorted
  std::vector<CopyLink> links;         // a spanning tree of the cluster, strongest first
};

struct SourceClusters {
  std::vector<SourceCluster> clusters;           // two or more documents each, sorted by id
  std::map<std::string, std::string> cluster_of;  // document path -> cluster id (clustered documents only)
  size_t documents = 0;
  size_t independent = 0;       // clusters plus the documents in none
  size_t candidate_pairs = 0;   // pairs measured

  // The independent source a document belongs to: its cluster's id, or its own path.
  const std::string& SourceOf(const std::string& path) const {
    auto it = cluster_of.find(path);
    return it == cluster_of.end() ? path : it->second;
  }
};

}  // namespace crosscheck
