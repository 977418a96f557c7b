// QuoteDrift: one speaker's words quoted differently by two documents.
//
// Quotations (text/quotations.h) are attributed to a speaker by the sentence
// around them: "Name said", "said Name", "Name ..., saying"; "he"/"she" and a
// quotation standing alone continue the previous speaker of the document.
// Quotations of one speaker in different documents are aligned when most of
// their words match; the words that differ are the drift ("stop being killed"
// against "stop getting killed"). Punctuation, case, contractions ("don't" =
// "do not") and spellings of names ("Zelensky", "Zelenskyy") are not drift.
// Work is per speaker, never over all pairs of quotations.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/source_cluster.h"

namespace crosscheck::check {

struct QuotedPassage {
  std::string document;  // path
  std::string outlet;
  std::string quote;     // as written, without the quotation marks
  std::string marked;    // the quote with the differing words in [brackets]
  std::vector<std::pair<size_t, size_t>> marks;  // the bracketed runs, as byte ranges [begin, end) of `quote`
};

struct QuoteDrift {
  std::string speaker;   // as written in the first document ("Trump")
  QuotedPassage a;       // a.document < b.document
  QuotedPassage b;
  std::vector<std::pair<std::string, std::string>> changes;  // (words in a, words in b); one side may be empty
  double similarity = 0;  // matching words / words of the longer quotation
};

// Finds drift in documents given one at a time, keeping only their attributed
// quotations: not the documents' text.
class QuoteDriftFinder {
 public:
  // Quotations of at least `min_words` words are aligned.
  explicit QuoteDriftFinder(size_t min_words = 5);
  ~QuoteDriftFinder();
  QuoteDriftFinder(const QuoteDriftFinder&) = delete;
  QuoteDriftFinder& operator=(const QuoteDriftFinder&) = delete;

  // Documents come in ascending path order.
  void Add(const SourceText& document);
  std::vector<QuoteDrift> Finish();

 private:
  struct Quotations;
  size_t min_words_;
  std::vector<DocumentSource> documents_;  // path and outlet of each document added with quotations
  std::unique_ptr<Quotations> quotations_;
};

// The same on documents in memory, in any order.
std::vector<QuoteDrift> FindQuoteDrift(const std::vector<SourceText>& documents, size_t min_words = 5);

}  // namespace crosscheck::check
