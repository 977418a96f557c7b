// DocumentLoader: original bytes in, a Document with body sentences out.
//
// decode (text/text_decoder.h) + normalise (text/text_normaliser.h) -> body
// (boilerplate_filter.h) -> sentences (text/sentence_splitter.h), with every
// range mapped back to the original bytes. A pure function of the bytes and
// the source description, so it runs on any thread.
#pragma once

#include <cstdint>
#include <string>

#include "crosscheck/document.h"
#include "crosscheck/status.h"
#include "ingest/boilerplate_filter.h"
#include "ingest/corpus_scanner.h"
#include "text/text_decoder.h"

namespace crosscheck::ingest {

// The largest article file read. Articles are tens of kilobytes, the biggest
// saved pages a few megabytes: a larger file is a dump, an archive or a
// mistake, and reading it whole would cost several times its size in memory
// (original, normalised text, offsets, sentences). Such files are skipped
// with a warning before a byte is read.
inline constexpr uint64_t kMaxArticleBytes = 64ull << 20;  // 64 MiB

class DocumentLoader {
 public:
  explicit DocumentLoader(const BoilerplateFilter& filter) : filter_(&filter) {}

  // Reads and prepares a corpus file. IoError when it cannot be read;
  // InvalidInput, with the reason, when it is not an article (too large,
  // binary, empty, no text: see RejectReason).
  Result<Document> Load(const CorpusFile& file, DocumentSource source) const;
  // Prepares bytes already in memory. `html_hint` forces HTML handling; HTML
  // is also detected from the content. Text that is not UTF-8 is decoded (a
  // notice says from what); bytes that are not text at all are still read, with
  // a warning, so callers that must not skip (explain, examples) get a Document.
  Document FromBytes(std::string raw, DocumentSource source, bool html_hint) const;

  // What a caller that has looked at the bytes already knows of them, so
  // that they are not hashed and sniffed a second time.
  struct Known {
    std::string content_hash;  // util::Sha256Hex of the bytes
    text::TextSniff sniff;     // text::SniffText of the bytes
  };
  Document FromBytes(std::string raw, DocumentSource source, bool html_hint, Known known) const;

 private:
  const BoilerplateFilter* filter_;
};

// Why these bytes are not an article ("binary file: ...", "empty file (0
// bytes)", "no text: ..."), or "" when they are. Cheap: one pass, no copy.
std::string RejectReason(std::string_view raw);

// Why a prepared document holds nothing to read (no text left once markup
// and control characters are gone), or "".
std::string EmptyDocumentReason(const Document& document);

// Reads a whole regular file of at most `max_bytes`. IoError naming the file
// and the system's reason when it cannot be opened or read; InvalidInput when
// it is not a regular file or is larger than `max_bytes` (checked before
// reading, and again while reading in case it grows).
Result<std::string> ReadFileBytes(const std::filesystem::path& path, uint64_t max_bytes = kMaxArticleBytes);

// "64 MiB", "200 MB"-style sizes for messages.
std::string HumanBytes(uint64_t bytes);

}  // namespace crosscheck::ingest
