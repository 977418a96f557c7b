#include "check/quote_drift.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "text/quotations.h"

namespace crosscheck::check {
namespace {

constexpr double kMinAligned = 0.8;  // of the shorter quotation's words

bool IsWordByte(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// A word of a quotation: where it is, and its normalised forms (a
// contraction gives two: "don't" -> "do", "not").
struct Token {
  size_t begin = 0;
  size_t end = 0;
  std::string norm;
  bool capitalised = false;
};

// Splits a word like "don't" or "they've" into its expanded forms.
std::vector<std::string> Expand(const std::string& lower) {
  static const std::vector<std::pair<std::string, std::string>> kSuffixes = {
      {"n't", "not"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'m", "am"}, {"'d", "would"}};
  static const std::map<std::string, std::vector<std::string>> kIrregular = {
      {"won't", {"will", "not"}}, {"can't", {"can", "not"}}, {"shan't", {"shall", "not"}}, {"ain't", {"is", "not"}}};
  if (auto it = kIrregular.find(lower); it != kIrregular.end()) return it->second;
  for (const auto& [suffix, full] : kSuffixes) {
    if (lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return {lower.substr(0, lower.size() - suffix.size()), full};
    }
  }
  return {lower};
}

std::vector<Token> Tokens(std::string_view quote) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < quote.size()) {
    if (!IsWordByte(quote[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < quote.size() && (IsWordByte(quote[j]) || (quote[j] == '\'' && j + 1 < quote.size() && IsWordByte(quote[j + 1])))) ++j;
    // "4:00" and "4" are one time: the minutes of a full hour are not a word.
    if (j - i == 2 && quote.substr(i, 2) == "00" && i > 0 && quote[i - 1] == ':') {
      i = j;
      continue;
    }
    const bool capitalised = quote[i] >= 'A' && quote[i] <= 'Z';
    for (std::string& form : Expand(Lower(quote.substr(i, j - i)))) tokens.push_back({i, j, std::move(form), capitalised});
    i = j;
  }
  return tokens;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Equal words, two spellings of one name (Zelensky, Zelenskyy; Hegseth,
// Hegsath), or of one long word (neighbourhood, neighborhood).
bool SameWord(const Token& a, const Token& b) {
  if (a.norm == b.norm) return true;
  if (std::min(a.norm.size(), b.norm.size()) >= 7 && EditDistance(a.norm, b.norm) <= 1) return true;
  if (!a.capitalised || !b.capitalised) return false;
  const size_t shorter = std::min(a.norm.size(), b.norm.size());
  return shorter >= 5 && EditDistance(a.norm, b.norm) <= (shorter >= 8 ? 2 : 1);
}

struct Quoted {
  size_t document = 0;
  std::string speaker_key;
  std::string speaker;
  std::string text;
  std::vector<Token> tokens;  // filled only while its speaker's quotations are aligned
};

const std::set<std::string>& SpeechVerbs() {
  static const std::set<std::string> verbs = {"said", "says", "say", "told", "tells", "stated", "states", "stating",
                                              "saying", "added", "adding", "asked", "wrote", "writes", "argued",
                                              "asserted", "insisted", "declared", "posted", "tweeted", "explained",
                                              "noted", "remarked", "continued", "replied", "warned", "urged"};
  return verbs;
}

const std::set<std::string>& NotNames() {
  static const std::set<std::string> words = {"the", "a", "an", "in", "on", "at", "after", "before", "when", "but",
                                              "and", "president", "secretary", "minister", "mr", "mrs", "ms", "dr",
                                              "vice", "former", "prime", "general", "senator", "it", "this", "that",
                                              "they", "we", "i", "you", "there", "monday", "tuesday", "wednesday",
                                              "thursday", "friday", "saturday", "sunday"};
  return words;
}

struct Word {
  std::string text;
  bool sentence_initial = false;
};

std::vector<Word> WordsOf(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  bool first = true;
  while (i < text.size()) {
    if (!IsWordByte(text[i])) {
      if (text[i] == '.' || text[i] == '\n') first = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordByte(text[j])) ++j;
    words.push_back({std::string(text.substr(i, j - i)), first});
    first = false;
    i = j;
  }
  return words;
}

// The speaker named around a quotation (the sentence with the quotations
// blanked out), "" when none, or "\x01" for "he"/"she": the previous speaker.
std::string SpeakerIn(std::string_view context) {
  const std::vector<Word> words = WordsOf(context);
  auto is_name = [](const Word& w) {
    return !w.sentence_initial && w.text[0] >= 'A' && w.text[0] <= 'Z' && NotNames().count(Lower(w.text)) == 0;
  };
  for (size_t v = 0; v < words.size(); ++v) {
    if (SpeechVerbs().count(Lower(words[v].text)) == 0) continue;
    if (v + 1 < words.size() && is_name(words[v + 1])) {  // "said Trump", "said President Donald Trump"
      size_t k = v + 1;
      while (k + 1 < words.size() && is_name(words[k + 1])) ++k;
      return words[k].text;
    }
    for (size_t k = v; k-- > 0;) {  // "Trump said", "Trump, in a post, said", "He added"
      const std::string lower = Lower(words[k].text);
      if (lower == "he" || lower == "she") return "\x01";
      if (is_name(words[k]) || (words[k].sentence_initial && words[k].text[0] >= 'A' && words[k].text[0] <= 'Z' &&
                                NotNames().count(lower) == 0 && k + 1 < words.size() &&
                                !(words[k + 1].text[0] >= 'A' && words[k + 1].text[0] <= 'Z'))) {
        return words[k].text;
      }
    }
  }
  return "";
}

// Every quotation of a document with its speaker, in order.
std::vector<Quoted> QuotationsOf(const SourceText& doc, size_t index, size_t min_words) {
  std::string text;
  std::vector<size_t> starts;
  for (const std::string& s : doc.sentences) {
    starts.push_back(text.size());
    text += s;
    text += '\n';
  }
  const std::vector<ByteRange> quotes = text::FindQuotations(text);
  std::string blanked = text;
  for (const ByteRange& q : quotes) std::fill(blanked.begin() + q.begin, blanked.begin() + q.end, ' ');
  std::vector<Quoted> out;
  std::string previous;       // speaker of the previous quotation
  size_t previous_end = 0;    // where it ended
  for (const ByteRange& q : quotes) {
    // The sentence the quotation starts in, and the one it ends in.
    const size_t first = std::upper_bound(starts.begin(), starts.end(), q.begin) - starts.begin() - 1;
    const size_t last = std::upper_bound(starts.begin(), starts.end(), q.end) - starts.begin() - 1;
    const size_t from = starts[first];
    const size_t to = last + 1 < starts.size() ? starts[last + 1] : text.size();
    const std::string_view context = std::string_view(blanked).substr(from, to - from);
    std::string speaker = SpeakerIn(context);
    if (speaker == "\x01") speaker = previous;
    // A quotation standing alone continues the quotation just before it.
    if (speaker.empty() && WordsOf(context).size() <= 2 && !previous.empty() && q.begin - previous_end < 400) {
      speaker = previous;
    }
    previous_end = q.end;
    if (speaker.empty()) continue;
    previous = speaker;
    Quoted quoted;
    quoted.document = index;
    quoted.speaker = speaker;
    quoted.speaker_key = Lower(speaker);
    quoted.text = text.substr(q.begin, q.size());
    std::replace(quoted.text.begin(), quoted.text.end(), '\n', ' ');
    // Words are counted here and tokenised again when aligned: kept for every
    // quotation of a corpus, tokens would take ten times its text.
    if (Tokens(quoted.text).size() >= min_words) out.push_back(std::move(quoted));
  }
  return out;
}

// The quote with the words at `marked` (token indices) in [brackets].
std::string Mark(const Quoted& q, const std::vector<bool>& marked) {
  std::vector<bool> byte_marked(q.text.size(), false);
  for (size_t t = 0; t < q.tokens.size(); ++t) {
    if (!marked[t]) continue;
    for (size_t i = q.tokens[t].begin; i < q.tokens[t].end; ++i) byte_marked[i] = true;
  }
  std::string out;
  for (size_t i = 0; i < q.text.size(); ++i) {
    const bool open = byte_marked[i] && (i == 0 || !byte_marked[i - 1]);
    // Adjacent marked words form one run: "[stop being]", not "[stop] [being]".
    if (open && !out.empty() && out.back() == ' ' && out.size() >= 2 && out[out.size() - 2] == ']') {
      out.erase(out.size() - 2);
      out += ' ';
    } else if (open) {
      out += '[';
    }
    out += q.text[i];
    if (byte_marked[i] && (i + 1 == q.text.size() || !byte_marked[i + 1])) out += ']';
  }
  return out;
}

// The runs Mark() puts in brackets, as byte ranges of the quote: for report
// writers that mark them up rather than bracket them.
std::vector<std::pair<size_t, size_t>> MarkedRanges(const Quoted& q, const std::vector<bool>& marked) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t t = 0; t < q.tokens.size(); ++t) {
    if (!marked[t]) continue;
    const size_t begin = q.tokens[t].begin, end = q.tokens[t].end;
    // Adjacent marked words form one run, as in Mark(): "stop being", one space apart.
    const bool joins = !out.empty() && (begin <= out.back().second ||  // touching, or a contraction's second form
                                         (begin == out.back().second + 1 && q.text[begin - 1] == ' '));
    if (joins) {
      out.back().second = std::max(out.back().second, end);
    } else {
      out.push_back({begin, end});
    }
  }
  return out;
}

std::string Join(const Quoted& q, const std::vector<size_t>& tokens) {
  std::string out;
  size_t last_end = std::string::npos;
  for (size_t t : tokens) {
    if (q.tokens[t].begin == last_end) continue;  // the second form of a contraction
    if (!out.empty()) out += ' ';
    out += q.text.substr(q.tokens[t].begin, q.tokens[t].end - q.tokens[t].begin);
    last_end = q.tokens[t].begin;
  }
  return out;
}

// Aligns two quotations word by word (longest common subsequence) and returns
// the drift within the span they share, or nothing when they are not one quotation.
std::optional<QuoteDrift> Align(const Quoted& a, const Quoted& b) {
  const size_t n = a.tokens.size(), m = b.tokens.size();
  std::vector<std::vector<uint16_t>> lcs(n + 1, std::vector<uint16_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] = SameWord(a.tokens[i], b.tokens[j]) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const size_t matched = lcs[0][0];
  if (matched < kMinAligned * std::min(n, m)) return std::nullopt;
  // Walk the alignment; unmatched words between the first and last match are drift.
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (SameWord(a.tokens[i], b.tokens[j]) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
      pairs.push_back({i, j});
      ++i, ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  // Words one quotation adds are moved as far left as they can go ("I think
  // [we are on the way to peace. I think] President Putin..." becomes words
  // added before the shared span): a longer excerpt of the same words is not drift.
  for (size_t k = 0; k + 1 < pairs.size(); ++k) {
    for (size_t g = k;; --g) {
      auto& p = pairs[g];
      const auto& q = pairs[g + 1];
      const bool b_adds = q.first == p.first + 1 && q.second > p.second + 1;
      const bool a_adds = q.second == p.second + 1 && q.first > p.first + 1;
      if (b_adds && SameWord(b.tokens[p.second], b.tokens[q.second - 1])) {
        p.second = q.second - 1;
      } else if (a_adds && SameWord(a.tokens[p.first], a.tokens[q.first - 1])) {
        p.first = q.first - 1;
      } else {
        break;
      }
      if (g == 0) break;
    }
  }
  QuoteDrift drift;
  std::vector<bool> mark_a(n, false), mark_b(m, false);
  for (size_t k = 0; k + 1 < pairs.size(); ++k) {
    const auto [i0, j0] = pairs[k];
    const auto [i1, j1] = pairs[k + 1];
    if (i1 == i0 + 1 && j1 == j0 + 1) continue;
    std::vector<size_t> ra, rb;
    for (size_t i = i0 + 1; i < i1; ++i) ra.push_back(i), mark_a[i] = true;
    for (size_t j = j0 + 1; j < j1; ++j) rb.push_back(j), mark_b[j] = true;
    drift.changes.push_back({Join(a, ra), Join(b, rb)});
  }
  if (drift.changes.empty()) return std::nullopt;
  drift.similarity = static_cast<double>(matched) / std::max(n, m);
  drift.a.quote = a.text;
  drift.b.quote = b.text;
  drift.a.marked = Mark(a, mark_a);
  drift.b.marked = Mark(b, mark_b);
  drift.a.marks = MarkedRanges(a, mark_a);
  drift.b.marks = MarkedRanges(b, mark_b);
  drift.speaker = a.speaker;
  return drift;
}

}  // namespace

struct QuoteDriftFinder::Quotations {
  std::map<std::string, std::vector<Quoted>> by_speaker;
};

QuoteDriftFinder::QuoteDriftFinder(size_t min_words) : min_words_(min_words), quotations_(std::make_unique<Quotations>()) {}

QuoteDriftFinder::~QuoteDriftFinder() = default;

void QuoteDriftFinder::Add(const SourceText& document) {
  // Only documents with quotations are remembered: most of a corpus has none to align.
  std::vector<Quoted> quoted = QuotationsOf(document, documents_.size(), min_words_);
  if (quoted.empty()) return;
  for (Quoted& q : quoted) quotations_->by_speaker[q.speaker_key].push_back(std::move(q));
  DocumentSource source;
  source.path = document.source.path;
  source.outlet = document.source.outlet;
  documents_.push_back(std::move(source));
}

std::vector<QuoteDrift> QuoteDriftFinder::Finish() {
  std::vector<QuoteDrift> drifts;
  for (auto& [speaker, quotes] : quotations_->by_speaker) {
    for (Quoted& q : quotes) q.tokens = Tokens(q.text);  // one speaker's at a time
    for (size_t x = 0; x < quotes.size(); ++x) {
      for (size_t y = x + 1; y < quotes.size(); ++y) {
        if (quotes[x].document == quotes[y].document) continue;
        std::optional<QuoteDrift> drift = Align(quotes[x], quotes[y]);
        if (!drift) continue;
        drift->a.document = documents_[quotes[x].document].path;
        drift->a.outlet = documents_[quotes[x].document].outlet;
        drift->b.document = documents_[quotes[y].document].path;
        drift->b.outlet = documents_[quotes[y].document].outlet;
        drifts.push_back(std::move(*drift));
      }
    }
    std::vector<Quoted>().swap(quotes);
  }
  quotations_ = std::make_unique<Quotations>();
  documents_.clear();
  std::stable_sort(drifts.begin(), drifts.end(), [](const QuoteDrift& p, const QuoteDrift& q) {
    return std::tie(p.a.document, p.b.document, p.a.quote) < std::tie(q.a.document, q.b.document, q.a.quote);
  });
  return drifts;
}

std::vector<QuoteDrift> FindQuoteDrift(const std::vector<SourceText>& input, size_t min_words) {
  std::vector<const SourceText*> docs;
  for (const SourceText& d : input) docs.push_back(&d);
  std::sort(docs.begin(), docs.end(), [](const auto* a, const auto* b) { return a->source.path < b->source.path; });
  QuoteDriftFinder finder(min_words);
  for (const SourceText* d : docs) finder.Add(*d);
  return finder.Finish();
}

}  // namespace crosscheck::check
