// DocumentLoader: original bytes in, a Document with body sentences out.
//
// decode + normalise (text/text_normaliser.h) -> body (boilerplate_filter.h)
// -> sentences (text/sentence_splitter.h), with every range mapped back to the
// original bytes. A pure function of the bytes and the source description, so
// it runs on any thread.
#pragma once

#include <string>

#include "crosscheck/document.h"
#include "crosscheck/status.h"
#include "ingest/boilerplate_filter.h"
#include "ingest/corpus_scanner.h"

namespace crosscheck::ingest {

class DocumentLoader {
 public:
  explicit DocumentLoader(const BoilerplateFilter& filter) : filter_(&filter) {}

  // Reads and prepares a corpus file. IoError when it cannot be read.
  Result<Document> Load(const CorpusFile& file, DocumentSource source) const;
  // Prepares bytes already in memory. `html_hint` forces HTML handling; HTML
  // is also detected from the content.
  Document FromBytes(std::string raw, DocumentSource source, bool html_hint) const;

 private:
  const BoilerplateFilter* filter_;
};

// Reads a whole file. IoError naming the file when it cannot.
Result<std::string> ReadFileBytes(const std::filesystem::path& path);

}  // namespace crosscheck::ingest
