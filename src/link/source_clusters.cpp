#include "link/source_clusters.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <compare>
#include <cstring>
#include <set>
#include <unordered_map>

#include <unistd.h>

#include "link/min_hash.h"
#include "link/shingle_occupancy.h"
#include "util/external_sorter.h"
#include "text/quotations.h"

namespace crosscheck::link {
namespace {

constexpr size_t kShingleWords = 5;
constexpr size_t kExamples = 3;

// A sentence or quotation kept as evidence: its key, and its text (owned:
// the document it came from is gone by the time it is shown) when wanted.
struct Passage {
  uint64_t key = 0;
  size_t words = 0;
  std::string text;
};

// What a pass over the documents takes of each.
enum class Take { kShingles, kPassageKeys, kEverything };

struct Features {
  std::vector<uint64_t> shingles;  // sorted, unique; common ones removed before measuring
  std::vector<Passage> sentences;  // long sentences, sorted by key, unique
  std::vector<Passage> quotes;     // sorted by key, unique (newlines inside become spaces)
};

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Calls `on_word(hash)` with StableHash of each lower-cased word of `text`, in
// order, and `on_break()` at each '|'. Punctuation and spacing never matter.
// Hashing as it scans spares a string per word.
template <typename OnWord, typename OnBreak>
void ScanWords(std::string_view text, OnWord&& on_word, OnBreak&& on_break) {
  constexpr uint64_t kBasis = 0xcbf29ce484222325ull;  // StableHash's FNV-1a
  constexpr uint64_t kPrime = 0x100000001b3ull;
  uint64_t h = kBasis;
  bool in_word = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      h ^= c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
      h *= kPrime;
      in_word = true;
      continue;
    }
    if (in_word) on_word(h);
    h = kBasis;
    in_word = false;
    if (ch == '|') on_break();
  }
  if (in_word) on_word(h);
}

// The key of a passage (its lower-cased words) and how many words it has.
uint64_t KeyOf(std::string_view text, size_t* words) {
  uint64_t key = 0x5eed;
  size_t count = 0;
  ScanWords(text, [&](uint64_t h) { key = HashCombine(key, h), ++count; }, [] {});
  *words = count;
  return key;
}

size_t WordCount(std::string_view text) {
  size_t count = 0;
  ScanWords(text, [&](uint64_t) { ++count; }, [] {});
  return count;
}

void SortUnique(std::vector<Passage>* passages) {
  std::sort(passages->begin(), passages->end(), [](const Passage& a, const Passage& b) { return a.key < b.key; });
  passages->erase(std::unique(passages->begin(), passages->end(),
                              [](const Passage& a, const Passage& b) { return a.key == b.key; }),
                  passages->end());
}

Features Describe(const SourceText& doc, const SourceClusterOptions& options, Take take) {
  Features f;
  const bool passages = take != Take::kShingles;
  const bool texts = take == Take::kEverything;
  // Sentences joined with newlines: a quotation may run over several sentences.
  std::string text;
  std::vector<size_t> starts;
  starts.reserve(doc.sentences.size());
  size_t length = 0;
  for (const std::string& s : doc.sentences) length += s.size() + 1;
  text.reserve(length);
  for (const std::string& s : doc.sentences) {
    starts.push_back(text.size());
    text += s;
    text += '\n';
  }
  // Quotations become breaks: a 5-gram never spans one.
  std::string outside = text;
  for (const ByteRange& q : text::FindQuotations(text)) {
    std::fill(outside.begin() + q.begin, outside.begin() + q.end, '|');
    if (!passages) continue;
    const std::string_view inside = std::string_view(text).substr(q.begin, q.size());
    size_t words = 0;
    const uint64_t key = KeyOf(inside, &words);
    if (words >= options.min_quote_words) {
      Passage p{key, words, texts ? std::string(inside) : std::string()};
      std::replace(p.text.begin(), p.text.end(), '\n', ' ');
      f.quotes.push_back(std::move(p));
    }
  }
  if (take != Take::kPassageKeys) {
    // Word hashes since the last break, mixed once each: a word is in up to
    // kShingleWords shingles (HashCombine would mix it again for each).
    std::vector<uint64_t> run;
    auto flush_run = [&] {
      for (size_t i = 0; i + kShingleWords <= run.size(); ++i) {
        uint64_t h = 0x5111;
        for (size_t k = 0; k < kShingleWords; ++k) h = HashCombineMixed(h, run[i + k]);
        f.shingles.push_back(h);
      }
      run.clear();
    };
    ScanWords(outside, [&](uint64_t h) { run.push_back(MixHash(h)); }, flush_run);
    flush_run();
    std::sort(f.shingles.begin(), f.shingles.end());
    f.shingles.erase(std::unique(f.shingles.begin(), f.shingles.end()), f.shingles.end());
  }
  if (!passages) return f;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const std::string_view unquoted = std::string_view(outside).substr(starts[i], doc.sentences[i].size());
    if (WordCount(unquoted) < options.min_sentence_words) continue;
    size_t words = 0;
    const uint64_t key = KeyOf(doc.sentences[i], &words);
    f.sentences.push_back({key, words, texts ? doc.sentences[i] : std::string()});
  }
  SortUnique(&f.sentences);
  SortUnique(&f.quotes);
  return f;
}

// How many values the sorted, unique `a` and `b` share; a count below
// `needed` once `needed` can no longer be reached (most candidate pairs are
// not copies). Branch-free steps: which list moves on is unpredictable.
size_t SharedCount(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, size_t needed = 0) {
  const size_t na = a.size(), nb = b.size();
  size_t shared = 0;
  size_t i = 0, j = 0;
  while (i < na && j < nb) {
    const size_t room = std::min(na - i, nb - j);
    if (shared + room < needed) return shared;
    // Each step moves i or j or both on by one: `steps` of them stay inside both lists.
    const size_t steps = std::min<size_t>(room, 16);
    for (size_t k = 0; k < steps; ++k) {
      const uint64_t x = a[i], y = b[j];
      const size_t x_first = static_cast<size_t>(x <= y);
      const size_t y_first = static_cast<size_t>(y <= x);
      shared += x_first & y_first;
      i += x_first;
      j += y_first;
    }
  }
  return shared;
}

// Passages of `a` whose key `b` has too, longest first; `common` keys are left out.
std::vector<const Passage*> SharedPassages(const std::vector<Passage>& a, const std::vector<Passage>& b,
                                           const std::vector<uint64_t>& common) {
  std::vector<const Passage*> shared;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].key < b[j].key) {
      ++i;
    } else if (b[j].key < a[i].key) {
      ++j;
    } else {
      if (!std::binary_search(common.begin(), common.end(), a[i].key)) shared.push_back(&a[i]);
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

// Keys found in more documents than this are boilerplate, template or stock
// phrases, not evidence of copying: a wire story's family is found by its
// wording. 5% of a small corpus; never more than `common_cap` documents, or
// mid-frequency phrases would pair a large corpus's documents quadratically.
size_t CommonThreshold(size_t documents, const SourceClusterOptions& options) {
  return std::max<size_t>(8, std::min(documents / 20, options.common_cap));
}


// Removes the sorted `common` values from the sorted `values`: one merge.
void RemoveCommon(const std::vector<uint64_t>& common, std::vector<uint64_t>* values) {
  if (common.empty()) return;
  size_t kept = 0;
  size_t c = 0;
  for (const uint64_t v : *values) {
    while (c < common.size() && common[c] < v) ++c;
    if (c < common.size() && common[c] == v) continue;
    (*values)[kept++] = v;
  }
  values->resize(kept);
}

// A document under a key it has, in one of several families of keys
// (sentences and quotations, or the LSH bands): sorted, each (key, family)
// group lists its documents in ascending order.
struct KeyedDoc {
  uint64_t key;
  uint32_t family;
  uint32_t doc;
  auto operator<=>(const KeyedDoc&) const = default;
};
using KeyedDocs = util::ExternalSorter<KeyedDoc>;
constexpr uint32_t kSentence = 0;
constexpr uint32_t kQuote = 1;

// Memory for each sorter of keys or pairs before it spills to a file.
size_t SortBudget(const SourceClusterOptions& options) { return std::max<size_t>(options.memory_budget / 8, 4096); }

// Calls on_group(key, family, documents) for each group; false when the
// sorter's temporary file failed.
template <typename OnGroup>
bool ForEachGroup(KeyedDocs* keyed, OnGroup&& on_group) {
  std::vector<uint32_t> group;
  KeyedDoc open{};
  const bool ok = keyed->Drain([&](const KeyedDoc& k) {
    if (!group.empty() && (k.key != open.key || k.family != open.family)) {
      on_group(open.key, open.family, group);
      group.clear();
    }
    open = k;
    group.push_back(k.doc);
  });
  if (ok && !group.empty()) on_group(open.key, open.family, group);
  return ok;
}

// Records written in order and read back by offset: the first
// `memory_budget` bytes in memory, the rest in an unnamed temporary file (the
// OS removes it when it is closed, or when the process dies). All in memory
// when `in_memory` or when no temporary file can be made (slower to fail a
// run than to use the memory).
class TempRecords {
 public:
  // `expected_bytes`: how much will be written, when known.
  TempRecords(bool in_memory, size_t memory_budget, uint64_t expected_bytes = 0)
      : file_(in_memory ? nullptr : std::tmpfile()), budget_(file_ == nullptr ? SIZE_MAX : memory_budget) {
    // Documents' features are written a few kilobytes at a time: a larger
    // buffer makes one write call of many.
    if (file_ != nullptr) std::setvbuf(file_, nullptr, _IOFBF, size_t{1} << 16);
    // Growing by doubling would copy, and could hold 1.5 budgets at once.
    if (file_ != nullptr) memory_.reserve(std::min<uint64_t>(budget_, expected_bytes));
  }
  ~TempRecords() {
    if (file_ != nullptr) std::fclose(file_);
  }
  TempRecords(const TempRecords&) = delete;
  TempRecords& operator=(const TempRecords&) = delete;

  uint64_t end() const { return end_; }
  void Write(const void* data, size_t size) {
    if (failed_ || size == 0) return;
    const auto* bytes = static_cast<const char*>(data);
    // Memory first while the budget lasts, and only while nothing went to the
    // file: offsets below memory_.size() are in memory, the rest in the file.
    if (memory_.size() == end_ && memory_.size() < budget_) {
      const size_t here = std::min(size, budget_ - memory_.size());
      memory_.append(bytes, here);
      bytes += here, size -= here, end_ += here;
    }
    if (size == 0) return;
    if (std::fwrite(bytes, 1, size, file_) != size) failed_ = true;
    end_ += size;
  }
  void WriteNumber(uint64_t value) { Write(&value, sizeof value); }
  // Done writing: true when everything written can be read.
  bool Seal() { return !failed_ && (file_ == nullptr || std::fflush(file_) == 0); }
  bool Read(uint64_t offset, void* data, size_t size) {
    if (offset > end_ || size > end_ - offset) return false;
    if (size == 0) return true;  // an empty vector's data() may be null, which memcpy must not get
    auto* bytes = static_cast<char*>(data);
    if (offset < memory_.size()) {
      const size_t here = std::min<uint64_t>(size, memory_.size() - offset);
      std::memcpy(bytes, memory_.data() + offset, here);
      bytes += here, offset += here, size -= here;
    }
    offset -= memory_.size();  // into the file
    while (size > 0) {
      const ssize_t got = ::pread(fileno(file_), bytes, size, static_cast<off_t>(offset));
      if (got <= 0) return false;
      bytes += got, offset += static_cast<uint64_t>(got), size -= static_cast<size_t>(got);
    }
    return true;
  }
  bool ReadShingles(uint64_t offset, size_t count, std::vector<uint64_t>* out) {
    out->resize(count);
    return Read(offset, out->data(), count * sizeof(uint64_t));
  }
  // `size` bytes from `offset` into `out`: a record read whole, then parsed
  // in memory, costs one read call rather than one per field.
  bool ReadBlock(uint64_t offset, size_t size, std::string* out) {
    out->resize(size);
    return Read(offset, out->data(), size);
  }

 private:
  std::FILE* file_;
  size_t budget_;  // bytes kept in memory before the file is used
  bool failed_ = false;
  uint64_t end_ = 0;
  std::string memory_;
};

}  // namespace

// What is kept of each document between Add() and Finish(): its name and
// where its features are in the temporary files.
struct SourceClusterDetector::State {
  // 32 bytes a document: its path and content hash wait in `all` with its
  // features, read back only for the documents that join another.
  struct Named {
    uint64_t features = 0;  // offset in `all`: its shingles, then its passages, then its names
    uint64_t passage_bytes = 0;  // the size of its passages, after its shingles
    uint64_t hash_key = 0;  // StableHash of its content hash: equal keys are compared in full
    uint32_t shingles = 0;  // how many, common ones included
    uint32_t outlet = 0;    // in `outlets`
  };
  SourceClusterOptions options;
  std::vector<Named> docs;
  std::vector<std::string> outlets;
  std::unordered_map<std::string, uint32_t> outlet_ids;
  std::string last_path;  // to refuse documents out of path order
  // Sentences (family kSentence) and quotations (kQuote) by key.
  std::unique_ptr<KeyedDocs> by_passage;
  std::vector<uint16_t> sketch;  // see CountShingles
  size_t slots = 0;
  bool ordered = true;
  std::unique_ptr<TempRecords> all;  // every document's shingles, passages and names, as described

  uint16_t& Slot(uint64_t shingle) { return sketch[(shingle ^ (shingle >> 29)) & (slots - 1)]; }

  // Document `i`'s path (which = 0) or content hash (which = 1), from `all`.
  bool ReadName(size_t i, int which, std::string* out) {
    uint64_t at = docs[i].features + uint64_t{docs[i].shingles} * sizeof(uint64_t) + docs[i].passage_bytes;
    for (int k = 0;; ++k) {
      uint64_t size = 0;
      if (!all->Read(at, &size, sizeof size) || size > all->end()) return false;
      at += sizeof size;
      if (k == which) return all->ReadBlock(at, static_cast<size_t>(size), out);
      at += size;
    }
  }
};

SourceClusterDetector::SourceClusterDetector(size_t expected_documents, const SourceClusterOptions& options)
    : state_(std::make_unique<State>()) {
  state_->options = options;
  state_->all = std::make_unique<TempRecords>(!options.spill_to_disk, 0);
  state_->by_passage = std::make_unique<KeyedDocs>(SortBudget(options), options.spill_to_disk);
  state_->docs.reserve(expected_documents);
  // A counting table over shingle hashes: it rules out almost every shingle
  // as common (its counts can only be too high, so its size changes no result).
  state_->slots = 1024;
  while (state_->slots < expected_documents * 512 && state_->slots < (size_t{1} << 23)) state_->slots <<= 1;
  state_->sketch.assign(state_->slots, 0);
}

SourceClusterDetector::~SourceClusterDetector() = default;

void SourceClusterDetector::Add(const SourceText& doc) {
  State& st = *state_;
  if (!st.docs.empty() && doc.source.path < st.last_path) st.ordered = false;
  st.last_path = doc.source.path;
  const auto index = static_cast<uint32_t>(st.docs.size());
  const Features f = Describe(doc, st.options, Take::kEverything);
  const auto [outlet, added] = st.outlet_ids.emplace(doc.source.outlet, static_cast<uint32_t>(st.outlets.size()));
  if (added) st.outlets.push_back(doc.source.outlet);
  st.docs.push_back({st.all->end(), 0, StableHash(doc.content_hash), static_cast<uint32_t>(f.shingles.size()),
                     outlet->second});
  for (const Passage& p : f.sentences) st.by_passage->Add({p.key, kSentence, index});
  for (const Passage& p : f.quotes) st.by_passage->Add({p.key, kQuote, index});
  for (uint64_t shingle : f.shingles) {
    uint16_t& count = st.Slot(shingle);
    if (count != UINT16_MAX) ++count;
  }
  st.all->Write(f.shingles.data(), f.shingles.size() * sizeof(uint64_t));
  const uint64_t passages_at = st.all->end();
  for (const std::vector<Passage>* passages : {&f.sentences, &f.quotes}) {
    st.all->WriteNumber(passages->size());
    for (const Passage& p : *passages) {
      st.all->WriteNumber(p.key);
      st.all->WriteNumber(p.words);
      st.all->WriteNumber(p.text.size());
      st.all->Write(p.text.data(), p.text.size());
    }
  }
  st.docs.back().passage_bytes = st.all->end() - passages_at;
  for (const std::string* name : {&doc.source.path, &doc.content_hash}) {
    st.all->WriteNumber(name->size());
    st.all->Write(name->data(), name->size());
  }
}

Result<SourceClusters> SourceClusterDetector::Finish() {
  State& st = *state_;
  const SourceClusterOptions& options = st.options;
  const auto& docs = st.docs;
  SourceClusters result;
  if (!st.ordered) return Status::Internal("source clusters: documents must come in ascending path order");
  const Status unreadable = Status::IoError("source clusters: cannot write or read back a temporary file");
  if (!st.all->Seal()) return unreadable;
  const size_t n = docs.size();
  result.documents = n;

  // Wording found in many documents is a template or a stock phrase, not
  // evidence of copying: it neither makes candidates nor counts when
  // measuring. The shingles the sketch lets through are counted exactly.
  const size_t common_limit = CommonThreshold(n, options);
  std::vector<uint64_t> common_shingles;
  std::vector<uint64_t> shingles;
  {
    std::unordered_map<uint64_t, size_t> exact;
    for (const State::Named& d : docs) {
      if (!st.all->ReadShingles(d.features, d.shingles, &shingles)) return unreadable;
      for (uint64_t s : shingles) {
        if (st.Slot(s) > common_limit) ++exact[s];
      }
    }
    for (const auto& [shingle, count] : exact) {
      if (count > common_limit) common_shingles.push_back(shingle);
    }
    std::sort(common_shingles.begin(), common_shingles.end());
  }
  std::vector<uint16_t>().swap(st.sketch);

  // The shingles left, to a second file, and the LSH band keys of their
  // MinHash signature (a document too short for one has none): 512 bytes a document.
  // Read once per candidate pair: held in memory as far as the budget goes.
  // Each document's record: its Occupancy, then its shingles.
  uint64_t shingle_bytes = 0;  // at most this much is kept
  for (const State::Named& d : docs) shingle_bytes += sizeof(Occupancy) + uint64_t{d.shingles} * sizeof(uint64_t);
  TempRecords kept(!options.spill_to_disk, options.memory_budget, shingle_bytes);
  std::vector<uint64_t> kept_at(n);
  std::vector<uint32_t> kept_count(n);
  std::vector<uint32_t> kept_excess(n);
  Occupancy occupancy;
  // Each document's LSH band keys (a document too short for one has none),
  // the band's index as the family: a bucket never spans two bands.
  KeyedDocs by_band(SortBudget(options), options.spill_to_disk);
  for (size_t i = 0; i < n; ++i) {
    if (!st.all->ReadShingles(docs[i].features, docs[i].shingles, &shingles)) return unreadable;
    RemoveCommon(common_shingles, &shingles);
    kept_at[i] = kept.end();
    kept_count[i] = static_cast<uint32_t>(shingles.size());
    kept_excess[i] = static_cast<uint32_t>(OccupancyOf(shingles, &occupancy));
    kept.Write(occupancy.data(), sizeof occupancy);
    kept.Write(shingles.data(), shingles.size() * sizeof(uint64_t));
    if (shingles.size() < options.min_shingles) continue;
    const std::vector<uint64_t> keys = LshBandKeys(ComputeMinHash(shingles));
    for (size_t band = 0; band < keys.size(); ++band) {
      by_band.Add({keys[band], static_cast<uint32_t>(band), static_cast<uint32_t>(i)});
    }
  }
  if (!kept.Seal()) return unreadable;

  // Candidate pairs (first document, second), from groups of documents sharing a key.
  util::ExternalSorter<uint64_t> candidates(SortBudget(options), options.spill_to_disk);
  auto add_pair = [&](uint32_t a, uint32_t b) { candidates.Add(uint64_t{a} << 32 | b); };
  auto add_bucket = [&](const std::vector<uint32_t>& bucket) {
    if (bucket.size() < 2) return;
    if (bucket.size() > options.full_bucket) {
      for (size_t k = 1; k < bucket.size(); ++k) add_pair(bucket[0], bucket[k]);
      return;
    }
    for (size_t x = 0; x < bucket.size(); ++x) {
      for (size_t y = x + 1; y < bucket.size(); ++y) add_pair(bucket[x], bucket[y]);
    }
  };
  // Each document's first document with the same bytes: pairs compare it, not the hashes' text.
  std::vector<uint32_t> same_bytes_as(n);
  {
    std::vector<uint32_t> by_hash(n);
    std::iota(by_hash.begin(), by_hash.end(), 0);
    std::stable_sort(by_hash.begin(), by_hash.end(), [&](uint32_t a, uint32_t b) { return docs[a].hash_key < docs[b].hash_key; });
    std::vector<std::pair<std::string, uint32_t>> same_key;  // (content hash, document)
    std::vector<uint32_t> bucket;
    for (size_t k = 0; k < n;) {
      size_t end = k + 1;
      while (end < n && docs[by_hash[end]].hash_key == docs[by_hash[k]].hash_key) ++end;
      if (end - k == 1) {
        same_bytes_as[by_hash[k]] = by_hash[k];
        k = end;
        continue;
      }
      // Equal keys: the content hashes themselves decide (the key is only 64 bits).
      same_key.resize(end - k);
      for (size_t m = k; m < end; ++m) {
        same_key[m - k].second = by_hash[m];
        if (!st.ReadName(by_hash[m], 1, &same_key[m - k].first)) return unreadable;
      }
      std::sort(same_key.begin(), same_key.end());
      for (size_t a = 0; a < same_key.size();) {
        bucket.clear();
        size_t b = a;
        while (b < same_key.size() && same_key[b].first == same_key[a].first) bucket.push_back(same_key[b++].second);
        add_bucket(bucket);
        for (uint32_t i : bucket) same_bytes_as[i] = bucket.front();
        a = b;
      }
      k = end;
    }
  }
  if (!ForEachGroup(&by_band, [&](uint64_t, uint32_t, const std::vector<uint32_t>& bucket) { add_bucket(bucket); })) {
    return unreadable;
  }
  std::vector<uint64_t> common_sentences;
  std::vector<uint64_t> common_quotes;
  const bool passages_read = ForEachGroup(st.by_passage.get(), [&](uint64_t key, uint32_t family,
                                                                   const std::vector<uint32_t>& bucket) {
    if (bucket.size() > common_limit) (family == kSentence ? common_sentences : common_quotes).push_back(key);
    else add_bucket(bucket);
  });
  if (!passages_read) return unreadable;

  // Measure each candidate exactly; keep the pairs that are copies. Pairs
  // come sorted, so the first document's features are read once for all of
  // its pairs, and passages only for pairs the shingles do not rule out.
  std::string block;  // one document's passages as written
  auto read_passages = [&](size_t doc, Features* f) {
    const uint64_t offset = docs[doc].features + uint64_t{docs[doc].shingles} * sizeof(uint64_t);
    if (!st.all->ReadBlock(offset, docs[doc].passage_bytes, &block)) return false;
    size_t at = 0;
    auto number = [&](uint64_t* value) {
      if (block.size() - at < sizeof *value) return false;
      std::memcpy(value, block.data() + at, sizeof *value);
      at += sizeof *value;
      return true;
    };
    for (std::vector<Passage>* passages : {&f->sentences, &f->quotes}) {
      uint64_t count = 0;
      if (!number(&count) || count > (block.size() - at) / (3 * sizeof(uint64_t))) return false;
      passages->resize(count);
      for (Passage& p : *passages) {
        uint64_t words = 0, size = 0;
        if (!number(&p.key) || !number(&words) || !number(&size) || block.size() - at < size) return false;
        p.words = words;
        p.text.assign(block, at, size);
        at += size;
      }
    }
    return true;
  };
  struct Joined {
    size_t a, b;
    CopyLink link;
  };
  std::vector<Joined> joined;
  Features fa;
  Features fb;
  Occupancy occupancy_a;
  Occupancy occupancy_b;
  size_t fa_doc = n;         // whose shingles (and occupancy_a) fa holds
  bool fa_passages = false;  // and whether its passages too
  // Measures one pair; false when a temporary file cannot be read back.
  auto measure = [&](size_t i, size_t j) -> bool {
    const bool identical = same_bytes_as[i] == same_bytes_as[j];
    // Cheap tests first: most candidates fail on the shingles alone.
    const size_t shorter = std::min(kept_count[i], kept_count[j]);
    if (!identical && shorter < options.min_shingles) return true;
    if (fa_doc != i) {
      if (!kept.Read(kept_at[i], occupancy_a.data(), sizeof occupancy_a) ||
          !kept.ReadShingles(kept_at[i] + sizeof(Occupancy), kept_count[i], &fa.shingles)) {
        return false;
      }
      fa_doc = i;
      fa_passages = false;
    }
    const size_t sizes = size_t{kept_count[i]} + kept_count[j];
    auto similarity_of = [&](size_t shared) {
      const size_t union_size = sizes - shared;
      return union_size == 0 ? 0 : static_cast<double>(shared) / union_size;
    };
    auto containment_of = [&](size_t shared) { return shorter == 0 ? 0 : static_cast<double>(shared) / shorter; };
    auto joins = [&](size_t shared) {
      return similarity_of(shared) >= options.near_duplicate || containment_of(shared) >= options.rewrite_containment;
    };
    // The fewest shared shingles that can join the pair (both measures grow
    // with it), so that counting stops as soon as they are out of reach.
    size_t needed = 0;
    if (!identical) {
      size_t lo = 0, hi = shorter + 1;  // joins(hi) stands for "never"
      while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (joins(mid)) hi = mid; else lo = mid + 1;
      }
      needed = lo;
      if (!kept.Read(kept_at[j], occupancy_b.data(), sizeof occupancy_b)) return false;
      if (SharedBound(occupancy_a, kept_excess[i], occupancy_b, kept_excess[j]) < needed) return true;
    }
    if (!kept.ReadShingles(kept_at[j] + sizeof(Occupancy), kept_count[j], &fb.shingles)) return false;
    const size_t shared_shingles = SharedCount(fa.shingles, fb.shingles, needed);
    if (shared_shingles < needed) return true;  // neither near-duplicate nor rewrite
    const double similarity = similarity_of(shared_shingles);
    const double containment = containment_of(shared_shingles);
    if (!fa_passages) {
      if (!read_passages(i, &fa)) return false;
      fa_passages = true;
    }
    if (!read_passages(j, &fb)) return false;
    std::vector<const Passage*> sentences = SharedPassages(fa.sentences, fb.sentences, common_sentences);
    if (!identical && similarity < options.near_duplicate && shared_shingles < options.rewrite_min_shingles &&
        sentences.empty()) {
      return true;
    }
    std::vector<const Passage*> quotes = SharedPassages(fa.quotes, fb.quotes, common_quotes);
    CopyLink link;
    if (!st.ReadName(i, 0, &link.a) || !st.ReadName(j, 0, &link.b)) return false;
    link.shared_shingles = shared_shingles;
    link.similarity = similarity;
    link.containment = containment;
    link.shared_sentence_count = sentences.size();
    link.shared_quote_count = quotes.size();
    for (size_t k = 0; k < sentences.size() && k < kExamples; ++k) link.shared_sentences.push_back(sentences[k]->text);
    for (size_t k = 0; k < quotes.size() && k < kExamples; ++k) link.shared_quotes.push_back(quotes[k]->text);

    const std::string& shorter_path = fa.shingles.size() <= fb.shingles.size() ? link.a : link.b;
    if (identical) {
      link.kind = "identical";
      link.similarity = link.containment = 1;
      link.reason = "identical text";
    } else if (link.similarity >= options.near_duplicate) {
      link.kind = "near-duplicate";
      link.reason = "near-duplicate: similarity " + Fixed2(link.similarity);
    } else {
      link.kind = "rewrite";
      link.reason = "rewrite: " + Percent(link.containment) + " of the wording of " + shorter_path +
                    " (similarity " + Fixed2(link.similarity) + ")";
    }
    if (link.kind != "identical") {
      if (link.shared_sentence_count > 0) link.reason += ", " + Plural(link.shared_sentence_count, "shared sentence", "shared sentences");
      if (link.shared_quote_count > 0) link.reason += ", " + Plural(link.shared_quote_count, "shared quotation", "shared quotations");
    }
    joined.push_back({i, j, std::move(link)});
    return true;
  };
  // Pairs come sorted, each once (a pair found under several keys is measured once).
  bool readable = true;
  uint64_t last_pair = UINT64_MAX;
  const bool pairs_read = candidates.Drain([&](uint64_t pair) {
    if (pair == last_pair || !readable) return;
    last_pair = pair;
    ++result.candidate_pairs;
    readable = measure(static_cast<size_t>(pair >> 32), static_cast<size_t>(pair & 0xffffffffu));
  });
  if (!pairs_read || !readable) return unreadable;

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
  // Only documents that joined another are listed: a corpus is mostly documents on their own.
  std::vector<uint32_t> component_size(n, 0);
  for (size_t i = 0; i < n; ++i) ++component_size[components.Find(i)];
  std::map<size_t, std::vector<size_t>> members;  // by root: the smallest index, i.e. the first path
  for (size_t i = 0; i < n; ++i) {
    const size_t root = components.Find(i);
    if (root == i) ++result.independent;
    if (component_size[root] > 1) members[root].push_back(i);
  }
  std::vector<uint32_t>().swap(component_size);
  std::map<size_t, SourceCluster> clusters;
  for (const auto& [root, indexes] : members) {
    SourceCluster& cluster = clusters[root];
    std::set<std::string> outlets;
    for (size_t i : indexes) {
      cluster.documents.emplace_back();
      if (!st.ReadName(i, 0, &cluster.documents.back())) return unreadable;
      outlets.insert(st.outlets[docs[i].outlet]);
    }
    cluster.id = "copies:" + cluster.documents.front();
    cluster.outlets.assign(outlets.begin(), outlets.end());
  }
  for (Joined& j : tree) clusters[components.Find(j.a)].links.push_back(std::move(j.link));
  for (auto& [root, cluster] : clusters) {
    for (const std::string& path : cluster.documents) result.cluster_of[path] = cluster.id;
    result.clusters.push_back(std::move(cluster));
  }
  return result;
}

SourceClusters DetectSourceClusters(const std::vector<SourceText>& input, const SourceClusterOptions& options) {
  // In path order, so the result does not depend on the input order.
  std::vector<const SourceText*> docs;
  docs.reserve(input.size());
  for (const SourceText& d : input) docs.push_back(&d);
  std::sort(docs.begin(), docs.end(), [](const SourceText* a, const SourceText* b) { return a->source.path < b->source.path; });
  SourceClusterOptions in_memory = options;
  in_memory.spill_to_disk = false;  // the documents are in memory already
  SourceClusterDetector detector(docs.size(), in_memory);
  for (const SourceText* d : docs) detector.Add(*d);
  auto result = detector.Finish();  // in memory and in path order: it cannot fail
  return result.ok() ? std::move(result).value() : SourceClusters{};
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
