#include "link/source_clusters.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <set>
#include <unordered_map>

#include "link/min_hash.h"
#include "text/quotations.h"

namespace crosscheck::link {
namespace {

constexpr size_t kShingleWords = 5;
constexpr size_t kExamples = 3;

// A sentence or quotation kept as evidence: its key and its text.
struct Passage {
  uint64_t key = 0;
  size_t words = 0;
  std::string text;
};

struct Features {
  std::vector<uint64_t> shingles;  // sorted, unique
  MinHashSignature signature{};
  std::vector<Passage> sentences;  // long sentences, sorted by key, unique
  std::vector<Passage> quotes;     // sorted by key, unique
};

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Lower-case words of `text`; punctuation and spacing never matter.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

uint64_t KeyOf(const std::vector<std::string>& words) {
  uint64_t key = 0x5eed;
  for (const std::string& w : words) key = HashCombine(key, StableHash(w));
  return key;
}

void SortUnique(std::vector<Passage>* passages) {
  std::sort(passages->begin(), passages->end(), [](const Passage& a, const Passage& b) { return a.key < b.key; });
  passages->erase(std::unique(passages->begin(), passages->end(),
                              [](const Passage& a, const Passage& b) { return a.key == b.key; }),
                  passages->end());
}

Features Describe(const SourceText& doc, const SourceClusterOptions& options) {
  Features f;
  // Sentences joined with newlines: a quotation may run over several sentences.
  std::string text;
  std::vector<size_t> starts;
  for (const std::string& s : doc.sentences) {
    starts.push_back(text.size());
    text += s;
    text += '\n';
  }
  std::vector<ByteRange> quotes = text::FindQuotations(text);
  std::vector<bool> quoted(text.size(), false);
  for (const ByteRange& q : quotes) {
    std::fill(quoted.begin() + q.begin, quoted.begin() + q.end, true);
    const std::string_view inside = std::string_view(text).substr(q.begin, q.size());
    std::vector<std::string> words = Words(inside);
    if (words.size() >= options.min_quote_words) {
      std::string shown(inside);
      std::replace(shown.begin(), shown.end(), '\n', ' ');
      f.quotes.push_back({KeyOf(words), words.size(), std::move(shown)});
    }
  }
  // Quotations become breaks: a 5-gram never spans one.
  std::string outside = text;
  for (size_t i = 0; i < outside.size(); ++i) {
    if (quoted[i]) outside[i] = '|';
  }
  std::vector<std::string> run;
  auto flush_run = [&] {
    for (size_t i = 0; i + kShingleWords <= run.size(); ++i) {
      uint64_t h = 0x5111;
      for (size_t k = 0; k < kShingleWords; ++k) h = HashCombine(h, StableHash(run[i + k]));
      f.shingles.push_back(h);
    }
    run.clear();
  };
  std::string word;
  for (char ch : outside) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
      continue;
    }
    if (!word.empty()) run.push_back(std::move(word));
    word.clear();
    if (ch == '|') flush_run();
  }
  if (!word.empty()) run.push_back(std::move(word));
  flush_run();
  std::sort(f.shingles.begin(), f.shingles.end());
  f.shingles.erase(std::unique(f.shingles.begin(), f.shingles.end()), f.shingles.end());
  f.signature = ComputeMinHash(f.shingles);

  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const std::string_view unquoted = std::string_view(outside).substr(starts[i], doc.sentences[i].size());
    if (Words(unquoted).size() < options.min_sentence_words) continue;
    std::vector<std::string> words = Words(doc.sentences[i]);
    f.sentences.push_back({KeyOf(words), words.size(), doc.sentences[i]});
  }
  SortUnique(&f.sentences);
  SortUnique(&f.quotes);
  return f;
}

size_t SharedCount(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

// Passages of `a` whose key `b` has too, longest first; `common` keys are left out.
std::vector<const Passage*> SharedPassages(const std::vector<Passage>& a, const std::vector<Passage>& b,
                                           const std::set<uint64_t>& common) {
  std::vector<const Passage*> shared;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].key < b[j].key) {
      ++i;
    } else if (b[j].key < a[i].key) {
      ++j;
    } else {
      if (common.count(a[i].key) == 0) shared.push_back(&a[i]);
      ++i, ++j;
    }
  }
  std::stable_sort(shared.begin(), shared.end(), [](const Passage* x, const Passage* y) { return x->words > y->words; });
  return shared;
}

std::string Percent(double fraction) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", fraction * 100);
  return buffer;
}

std::string Fixed2(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  bool Join(size_t a, size_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return false;
    parent_[std::max(a, b)] = std::min(a, b);
    return true;
  }

 private:
  std::vector<size_t> parent_;
};

// Keys found in more documents than this are boilerplate or stock phrases,
// not evidence of copying: a wire story's family is found by its wording.
size_t CommonThreshold(size_t documents) { return std::max<size_t>(8, documents / 20); }

}  // namespace

SourceClusters DetectSourceClusters(const std::vector<SourceText>& input, const SourceClusterOptions& options) {
  SourceClusters result;
  result.documents = input.size();
  // Work in path order, so the result does not depend on the input order.
  std::vector<const SourceText*> docs;
  for (const SourceText& d : input) docs.push_back(&d);
  std::sort(docs.begin(), docs.end(), [](const SourceText* a, const SourceText* b) { return a->source.path < b->source.path; });
  const size_t n = docs.size();
  std::vector<Features> features;
  features.reserve(n);
  for (const SourceText* d : docs) features.push_back(Describe(*d, options));

  // Candidate pairs, from buckets of documents sharing a key.
  std::set<std::pair<size_t, size_t>> candidates;
  auto add_bucket = [&](const std::vector<size_t>& bucket) {
    if (bucket.size() < 2) return;
    if (bucket.size() > options.full_bucket) {
      for (size_t k = 1; k < bucket.size(); ++k) candidates.insert({bucket[0], bucket[k]});
      return;
    }
    for (size_t x = 0; x < bucket.size(); ++x) {
      for (size_t y = x + 1; y < bucket.size(); ++y) candidates.insert({bucket[x], bucket[y]});
    }
  };
  std::unordered_map<std::string, std::vector<size_t>> by_hash;
  std::unordered_map<uint64_t, std::vector<size_t>> by_band;
  std::unordered_map<uint64_t, std::vector<size_t>> by_sentence;
  std::unordered_map<uint64_t, std::vector<size_t>> by_quote;
  for (size_t i = 0; i < n; ++i) {
    by_hash[docs[i]->content_hash].push_back(i);
    if (features[i].shingles.size() >= options.min_shingles) {
      for (uint64_t key : LshBandKeys(features[i].signature)) by_band[key].push_back(i);
    }
    for (const Passage& p : features[i].sentences) by_sentence[p.key].push_back(i);
    for (const Passage& p : features[i].quotes) by_quote[p.key].push_back(i);
  }
  const size_t common_limit = CommonThreshold(n);
  std::set<uint64_t> common_sentences;
  std::set<uint64_t> common_quotes;
  for (const auto& [hash, bucket] : by_hash) add_bucket(bucket);
  for (const auto& [key, bucket] : by_band) add_bucket(bucket);
  for (const auto& [key, bucket] : by_sentence) {
    if (bucket.size() > common_limit) common_sentences.insert(key);
    else add_bucket(bucket);
  }
  for (const auto& [key, bucket] : by_quote) {
    if (bucket.size() > common_limit) common_quotes.insert(key);
    else add_bucket(bucket);
  }
  result.candidate_pairs = candidates.size();

  // Measure each candidate exactly; keep the pairs that are copies.
  struct Joined {
    size_t a, b;
    CopyLink link;
  };
  std::vector<Joined> joined;
  for (const auto& [i, j] : candidates) {
    const Features& fa = features[i];
    const Features& fb = features[j];
    CopyLink link;
    link.a = docs[i]->source.path;
    link.b = docs[j]->source.path;
    link.shared_shingles = SharedCount(fa.shingles, fb.shingles);
    const size_t union_size = fa.shingles.size() + fb.shingles.size() - link.shared_shingles;
    const size_t shorter = std::min(fa.shingles.size(), fb.shingles.size());
    link.similarity = union_size == 0 ? 0 : static_cast<double>(link.shared_shingles) / union_size;
    link.containment = shorter == 0 ? 0 : static_cast<double>(link.shared_shingles) / shorter;
    std::vector<const Passage*> sentences = SharedPassages(fa.sentences, fb.sentences, common_sentences);
    std::vector<const Passage*> quotes = SharedPassages(fa.quotes, fb.quotes, common_quotes);
    link.shared_sentence_count = sentences.size();
    link.shared_quote_count = quotes.size();
    for (size_t k = 0; k < sentences.size() && k < kExamples; ++k) link.shared_sentences.push_back(sentences[k]->text);
    for (size_t k = 0; k < quotes.size() && k < kExamples; ++k) link.shared_quotes.push_back(quotes[k]->text);

    const std::string& shorter_path = fa.shingles.size() <= fb.shingles.size() ? link.a : link.b;
    if (docs[i]->content_hash == docs[j]->content_hash) {
      link.kind = "identical";
      link.similarity = link.containment = 1;
      link.reason = "identical text";
    } else if (shorter < options.min_shingles) {
      continue;
    } else if (link.similarity >= options.near_duplicate) {
      link.kind = "near-duplicate";
      link.reason = "near-duplicate: similarity " + Fixed2(link.similarity);
    } else if (link.containment >= options.rewrite_containment &&
               (link.shared_shingles >= options.rewrite_min_shingles || link.shared_sentence_count > 0)) {
      link.kind = "rewrite";
      link.reason = "rewrite: " + Percent(link.containment) + " of the wording of " + shorter_path +
                    " (similarity " + Fixed2(link.similarity) + ")";
    } else {
      continue;
    }
    if (link.kind != "identical") {
      if (link.shared_sentence_count > 0) link.reason += ", " + Plural(link.shared_sentence_count, "shared sentence", "shared sentences");
      if (link.shared_quote_count > 0) link.reason += ", " + Plural(link.shared_quote_count, "shared quotation", "shared quotations");
    }
    joined.push_back({i, j, std::move(link)});
  }

  // Strongest links first, so each cluster is explained by its best evidence.
  std::stable_sort(joined.begin(), joined.end(), [](const Joined& x, const Joined& y) {
    if (x.link.containment != y.link.containment) return x.link.containment > y.link.containment;
    return x.link.similarity > y.link.similarity;
  });
  UnionFind components(n);
  std::vector<Joined> tree;
  for (Joined& j : joined) {
    if (components.Join(j.a, j.b)) tree.push_back(std::move(j));
  }
  std::map<size_t, SourceCluster> clusters;  // by root: the smallest index, i.e. the first path
  for (size_t i = 0; i < n; ++i) {
    const size_t root = components.Find(i);
    clusters[root].documents.push_back(docs[i]->source.path);
  }
  for (Joined& j : tree) clusters[components.Find(j.a)].links.push_back(std::move(j.link));
  for (auto& [root, cluster] : clusters) {
    if (cluster.documents.size() < 2) {
      ++result.independent;
      continue;
    }
    ++result.independent;
    cluster.id = "copies:" + cluster.documents.front();
    std::set<std::string> outlets;
    for (size_t i = 0; i < n; ++i) {
      if (components.Find(i) == root) outlets.insert(docs[i]->source.outlet);
    }
    cluster.outlets.assign(outlets.begin(), outlets.end());
    for (const std::string& path : cluster.documents) result.cluster_of[path] = cluster.id;
    result.clusters.push_back(std::move(cluster));
  }
  return result;
}

void AddSourceClusters(const SourceClusters& clusters, SubjectGraph* graph) {
  for (const SourceCluster& cluster : clusters.clusters) {
    const Vertex c = graph->Add(VertexKind::kSourceCluster, cluster.id,
                                "copies (" + std::to_string(cluster.documents.size()) + " documents)");
    std::map<std::string, std::string> kind_of;  // how each document joined
    for (const CopyLink& link : cluster.links) {
      kind_of.emplace(link.a, link.kind);
      kind_of.emplace(link.b, link.kind);
    }
    for (const std::string& path : cluster.documents) {
      graph->Connect(graph->Add(VertexKind::kDocument, path, path), c, "copy: " + kind_of[path]);
    }
  }
}

}  // namespace crosscheck::link
