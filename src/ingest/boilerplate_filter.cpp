#include "ingest/boilerplate_filter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <string>
#include <unordered_set>

namespace crosscheck::ingest {
namespace {

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

// Common words that say nothing about a story's topic.
constexpr std::string_view kStopwords[] = {
      "about", "above", "after", "again", "against", "also", "although", "among", "another", "around",
      "back", "because", "been", "before", "being", "between", "both", "came", "come", "could",
      "days", "does", "doing", "down", "during", "each", "even", "ever", "every", "first",
      "from", "further", "gave", "give", "going", "have", "having", "here", "high", "into",
      "just", "know", "last", "later", "like", "made", "make", "many", "more", "most",
      "much", "must", "never", "next", "only", "other", "over", "part", "people", "said",
      "same", "says", "should", "since", "some", "still", "such", "take", "taken", "than",
      "that", "their", "them", "then", "there", "these", "they", "this", "those", "though",
      "three", "through", "time", "times", "told", "took", "under", "until", "upon", "very",
      "want", "well", "went", "were", "what", "when", "where", "which", "while", "will",
      "with", "within", "without", "would", "year", "years", "your", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weeks", "today", "yesterday",
      "four", "five", "second", "including", "according", "added", "news", "story", "report"};

// The stopwords by their FNV-1a hash, which ContentWords computes for every
// word anyway: one probe of an open-addressed table (and a compare on a hit)
// instead of hashing each word again for a hash set.
class StopwordTable {
 public:
  StopwordTable() {
    for (std::string_view word : kStopwords) {
      uint64_t hash = kFnvBasis;
      for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
      size_t slot = hash & kMask;
      while (!slots_[slot].empty()) slot = (slot + 1) & kMask;
      slots_[slot] = word;
    }
  }
  // Whether the lower-case `word`, whose FNV-1a hash is `hash`, is a stopword.
  bool Contains(std::string_view word, uint64_t hash) const {
    for (size_t slot = hash & kMask; !slots_[slot].empty(); slot = (slot + 1) & kMask) {
      if (slots_[slot] == word) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kMask = 511;  // 512 slots for ~140 words: probes stay short
  std::array<std::string_view, kMask + 1> slots_{};
};

const StopwordTable& Stopwords() {
  static const StopwordTable kTable;
  return kTable;
}

// The distinct content words of `text` (lower case, 4 letters or more, no
// stopwords), as sorted 64-bit hashes: comparing paragraphs needs only which
// words they share, and a hash per word spares a string per word.
std::vector<uint64_t> ContentWords(std::string_view text) {
  std::vector<uint64_t> words;
  const StopwordTable& stopwords = Stopwords();
  char word[16];  // the longest stopword fits; longer words only need their hash
  size_t length = 0;
  uint64_t hash = kFnvBasis;  // FNV-1a
  auto flush = [&] {
    if (length >= 4 && (length > sizeof word || !stopwords.Contains(std::string_view(word, length), hash))) {
      words.push_back(hash);
    }
    length = 0;
    hash = kFnvBasis;
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) {
      const char lower = static_cast<char>(u | 0x20);
      if (length < sizeof word) word[length] = lower;
      ++length;
      hash = (hash ^ static_cast<unsigned char>(lower)) * kFnvPrime;
    } else {
      flush();
    }
  }
  flush();
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// The number of words of `line`, counted up to `limit`: a crumb has few, and
// a long line need not be read to its end to know it has more.
size_t CountWords(std::string_view line, size_t limit) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool letter = c != ' ';
    if (letter && !in_word && ++words >= limit) return words;
    in_word = letter;
  }
  return words;
}

// "World News", "Actions", "Posted", "O A", "Home | World | Europe".
bool IsCrumb(std::string_view line) {
  const char last = line.back();
  const bool sentence_end = last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ':';
  if (!sentence_end && CountWords(line, 4) <= 3) return true;
  // Breadcrumbs separate short items with " | " or " > ": "Home | World | Europe".
  size_t separators = 0;
  for (std::string_view sep : {" | ", " > ", " / "}) {
    // Most lines hold no '|', '>' or '/': one memchr rules the separator out, not a search from every space.
    if (line.find(sep[1]) == std::string_view::npos) continue;
    for (size_t pos = line.find(sep); pos != std::string_view::npos; pos = line.find(sep, pos + sep.size())) ++separators;
  }
  return separators >= 2 && line.size() / (separators + 1) < 20;
}

std::unique_ptr<RE2::Set> CompileSet(const std::vector<knowledge::SourcedPattern>& patterns, Status* status) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
  for (const knowledge::SourcedPattern& p : patterns) {
    std::string error;
    if (set->Add(p.pattern, &error) < 0) {
      *status = Status::InvalidInput(p.where + ": invalid boilerplate pattern: " + error);
      return nullptr;
    }
  }
  if (!set->Compile()) {
    *status = Status::InvalidInput("boilerplate patterns are too large to compile");
    return nullptr;
  }
  return set;
}

struct Paragraph {
  size_t first_range;  // index into kept ranges
  size_t last_range;
  uint32_t bytes = 0;
  std::vector<uint64_t> words;  // ContentWords
  std::vector<uint32_t> first_seen;  // for each word, the first paragraph that uses it
};

}  // namespace

BoilerplateFilter::BoilerplateFilter() = default;
BoilerplateFilter::~BoilerplateFilter() = default;

Result<std::unique_ptr<BoilerplateFilter>> BoilerplateFilter::Create(const knowledge::KnowledgeBase& knowledge) {
  std::unique_ptr<BoilerplateFilter> filter(new BoilerplateFilter());
  Status status;
  filter->drop_lines_ = CompileSet(knowledge.drop_lines(), &status);
  if (!status.ok()) return status;
  filter->end_markers_ = CompileSet(knowledge.end_markers(), &status);
  if (!status.ok()) return status;
  return filter;
}

BodyText BoilerplateFilter::Apply(std::string_view text) const {
  BodyText body;
  std::unordered_set<std::string_view> seen;
  uint32_t body_bytes = 0;
  std::vector<int> matches;
  // Line-level pass. Consecutive kept lines form one range so that the sentence
  // splitter can still join a sentence wrapped over two lines.
  bool extend = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    const size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    const auto begin = static_cast<uint32_t>(pos);
    const auto end = static_cast<uint32_t>(line_end);
    std::string_view line = Trim(text.substr(pos, line_end - pos));
    pos = line_end + 1;
    if (line.empty()) {
      extend = false;  // a paragraph break
      continue;
    }
    matches.clear();
    const bool end_marker = end_markers_ && end_markers_->Match(line, &matches);
    if (end_marker && body_bytes >= kMinBodyBeforeEndMarker) {
      body.removed.push_back({{begin, static_cast<uint32_t>(text.size())}, {},
                              "trailer after '" + std::string(line.substr(0, 60)) + "'"});
      break;
    }
    matches.clear();
    std::string reason;
    if (end_marker || (drop_lines_ && drop_lines_->Match(line, &matches))) {
      reason = "boilerplate line";
    } else if (IsCrumb(line)) {
      reason = "navigation or heading fragment";
    } else if (!seen.insert(line).second) {
      reason = "repeated line";
    }
    if (!reason.empty()) {
      body.removed.push_back({{begin, end}, {}, reason});
      extend = false;
      continue;
    }
    if (extend && !body.kept.empty()) {
      body.kept.back().end = end;
    } else {
      body.kept.push_back({begin, end});
    }
    extend = true;
    body_bytes += end - begin;
  }

  // Topical pass: a tail of paragraphs sharing almost no content words with
  // the body before them is an unrelated story appended to the page.
  std::vector<Paragraph> paragraphs;
  for (size_t i = 0; i < body.kept.size(); ++i) {
    const ByteRange& r = body.kept[i];
    Paragraph p{i, i, r.size(), ContentWords(text.substr(r.begin, r.size())), {}};
    paragraphs.push_back(std::move(p));
  }
  const size_t n = paragraphs.size();
  if (n < 3) return body;
  // For each word of each paragraph, the first paragraph using it: all
  // (word, paragraph) pairs sorted, the first of each word kept.
  std::vector<std::pair<uint64_t, uint32_t>> uses;
  for (size_t i = 0; i < n; ++i) {
    for (uint64_t w : paragraphs[i].words) uses.emplace_back(w, static_cast<uint32_t>(i));
  }
  std::sort(uses.begin(), uses.end());
  uses.erase(std::unique(uses.begin(), uses.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
             uses.end());
  for (Paragraph& p : paragraphs) {
    p.first_seen.reserve(p.words.size());
    for (uint64_t w : p.words) {
      p.first_seen.push_back(std::lower_bound(uses.begin(), uses.end(), std::make_pair(w, uint32_t{0}))->second);
    }
  }
  constexpr size_t kMaxTrailerParagraphs = 30;
  constexpr size_t kMinJudgedWords = 8;
  constexpr uint32_t kMinBodyBytes = 400;
  size_t cut = n;
  std::vector<uint32_t> bytes_before(n + 1, 0);
  for (size_t i = 0; i < n; ++i) bytes_before[i + 1] = bytes_before[i] + paragraphs[i].bytes;
  const size_t lowest = n > kMaxTrailerParagraphs ? n - kMaxTrailerParagraphs : 1;
  for (size_t t = n - 1; t >= lowest && t > 0; --t) {
    if (bytes_before[t] < kMinBodyBytes) break;
    // A trailer is appended to a story, so the story before it is the larger part.
    if (bytes_before[n] - bytes_before[t] > bytes_before[t]) continue;
    size_t judged_words = 0;
    bool off_topic = true;
    for (size_t k = t; k < n && off_topic; ++k) {
      const auto& words = paragraphs[k].words;
      if (words.size() < kMinJudgedWords) continue;
      size_t shared = 0;
      for (uint32_t first : paragraphs[k].first_seen) shared += first < t ? 1 : 0;
      judged_words += words.size();
      off_topic = shared * 100 < words.size() * 12;  // under 12% shared
    }
    if (off_topic && judged_words >= 30) cut = t;
  }
  if (cut < n) {
    const uint32_t begin = body.kept[paragraphs[cut].first_range].begin;
    // Lines already removed inside the trailer are part of it now.
    std::erase_if(body.removed, [&](const RemovedSpan& r) { return r.norm.begin >= begin; });
    body.removed.push_back({{begin, body.kept.back().end}, {}, "off-topic trailer (shares almost no words with the story)"});
    body.kept.resize(paragraphs[cut].first_range);
  }
  std::sort(body.removed.begin(), body.removed.end(),
            [](const RemovedSpan& a, const RemovedSpan& b) { return a.norm.begin < b.norm.begin; });
  return body;
}

}  // namespace crosscheck::ingest
