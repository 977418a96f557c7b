// Document: one article after ingest, with its sentences and the map from
// normalised text back to the original bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/offset_map.h"

namespace crosscheck {

// Where a document came from and who published it (from the outlets manifest,
// or the file's stem when there is none).
struct DocumentSource {
  std::string path;       // relative to the corpus folder, with '/' separators
  std::string outlet;     // outlet name; the file stem without a manifest
  std::string url;        // may be empty
  std::string published;  // ISO date "YYYY-MM-DD", may be empty
};

struct Sentence {
  uint32_t index = 0;      // 0-based position among the document's sentences
  uint32_t paragraph = 0;  // 0-based paragraph index
  ByteRange norm;          // in Document::text
  ByteRange raw;           // in Document::raw (the original bytes)
};

// A part of the original text left out of matching, and why.
struct RemovedSpan {
  ByteRange norm;
  ByteRange raw;
  std::string reason;  // e.g. "boilerplate line", "trailer after 'Share this post'"
};

struct Document {
  DocumentSource source;
  std::string content_hash;  // SHA-256 of `raw`, lower-case hex
  std::string raw;           // the original bytes, exactly as read
  std::string text;          // normalised text (NFC, ASCII quotes, collapsed spaces)
  OffsetMap map;             // text offsets -> raw offsets
  bool html = false;         // the original was HTML markup
  std::vector<Sentence> sentences;  // body sentences only (boilerplate removed)
  std::vector<RemovedSpan> removed;
  std::vector<Diagnostic> diagnostics;

  std::string_view SentenceText(const Sentence& s) const {
    return std::string_view(text).substr(s.norm.begin, s.norm.size());
  }
};

}  // namespace crosscheck
