#include "ingest/document_loader.h"

#include <fstream>
#include <sstream>

#include "text/sentence_splitter.h"
#include "text/text_normaliser.h"
#include "util/content_hash.h"

namespace crosscheck::ingest {

Result<std::string> ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.generic_string() + ": cannot open file for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IoError(path.generic_string() + ": read error");
  return buffer.str();
}

Result<Document> DocumentLoader::Load(const CorpusFile& file, DocumentSource source) const {
  auto bytes = ReadFileBytes(file.path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(std::move(bytes).value(), std::move(source), file.html);
}

Document DocumentLoader::FromBytes(std::string raw, DocumentSource source, bool html_hint) const {
  Document doc;
  doc.source = std::move(source);
  doc.content_hash = util::Sha256Hex(raw);
  doc.raw = std::move(raw);
  doc.html = html_hint || text::LooksLikeHtml(doc.raw);
  text::NormalisedText normalised = text::NormaliseText(doc.raw, {doc.html});
  doc.text = std::move(normalised.text);
  doc.map = std::move(normalised.map);
  for (const text::TextIssue& issue : normalised.issues) {
    doc.diagnostics.push_back({Diagnostic::Severity::kWarning, doc.source.path, issue.line, issue.message});
  }
  if (normalised.invalid_utf8_sequences > normalised.issues.size()) {
    doc.diagnostics.push_back({Diagnostic::Severity::kWarning, doc.source.path, 0,
                               std::to_string(normalised.invalid_utf8_sequences) +
                                   " invalid UTF-8 sequences in all (only the first were listed)"});
  }
  BodyText body = filter_->Apply(doc.text);
  for (RemovedSpan& removed : body.removed) {
    removed.raw = doc.map.ToRaw(removed.norm);
    doc.removed.push_back(std::move(removed));
  }
  uint32_t index = 0;
  for (const text::SentenceSpan& span : text::SplitSentences(doc.text, body.kept)) {
    Sentence s;
    s.index = index++;
    s.paragraph = span.paragraph;
    s.norm = span.norm;
    s.raw = doc.map.ToRaw(span.norm);
    doc.sentences.push_back(s);
  }
  return doc;
}

}  // namespace crosscheck::ingest
