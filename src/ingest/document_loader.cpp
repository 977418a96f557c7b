#include "ingest/document_loader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "text/sentence_splitter.h"
#include "text/text_decoder.h"
#include "text/text_normaliser.h"
#include "util/content_hash.h"

namespace crosscheck::ingest {
namespace {

// Closes a file descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string HumanBytes(uint64_t bytes) {
  char buffer[32];
  if (bytes >= (1ull << 30)) {
    std::snprintf(buffer, sizeof buffer, "%.1f GiB", static_cast<double>(bytes) / static_cast<double>(1ull << 30));
  } else if (bytes >= (1ull << 20)) {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / static_cast<double>(1ull << 20));
  } else if (bytes >= 1024) {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(buffer, sizeof buffer, "%llu bytes", static_cast<unsigned long long>(bytes));
  }
  std::string out = buffer;
  // "64.0 MiB" reads better as "64 MiB".
  if (const size_t dot = out.find(".0 "); dot != std::string::npos) out.erase(dot, 2);
  return out;
}

Result<std::string> ReadFileBytes(const std::filesystem::path& path, uint64_t max_bytes) {
  const std::string name = path.generic_string();
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    const int error = errno;
    return Status::IoError(name + ": cannot open file for reading: " + std::strerror(error));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Status::IoError(name + ": cannot read: " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return Status::InvalidInput(name + ": not a regular file");
  const auto size = static_cast<uint64_t>(st.st_size);
  if (size > max_bytes) {
    return Status::InvalidInput(name + ": too large for an article (" + HumanBytes(size) + "; the limit is " +
                                HumanBytes(max_bytes) + ")");
  }
  // The descriptor was opened non-blocking so that a FIFO swapped in after the
  // scan cannot hang the run; a regular file reads the same either way.
  std::string bytes;
  bytes.resize(static_cast<size_t>(size));
  size_t have = 0;
  for (;;) {
    if (have == bytes.size()) {
      if (bytes.size() > max_bytes) break;
      // The file may have grown since fstat: read on, a chunk at a time, up to the limit.
      bytes.resize(std::min<uint64_t>(bytes.size() + 65536, max_bytes + 1));
    }
    const ssize_t n = ::read(fd.get(), bytes.data() + have, bytes.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      return Status::IoError(name + ": read error: " + std::strerror(error));
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  if (have > max_bytes) {
    return Status::InvalidInput(name + ": too large for an article (grew past the limit of " + HumanBytes(max_bytes) +
                                " while being read)");
  }
  bytes.resize(have);
  return bytes;
}

std::string RejectReason(std::string_view raw) { return text::SniffText(raw).reject; }

std::string EmptyDocumentReason(const Document& document) {
  if (!document.text.empty()) return "";
  return document.html ? "no text: the page holds only markup, scripts or page furniture"
                       : "no text: nothing is left once control characters and white space are removed";
}

Result<Document> DocumentLoader::Load(const CorpusFile& file, DocumentSource source) const {
  auto bytes = ReadFileBytes(file.path);
  if (!bytes.ok()) return bytes.status();
  Known known;
  known.sniff = text::SniffText(*bytes);
  if (!known.sniff.reject.empty()) return Status::InvalidInput(std::filesystem::path(file.path).generic_string() + ": " + known.sniff.reject);
  known.content_hash = util::Sha256Hex(*bytes);
  Document doc = FromBytes(std::move(bytes).value(), std::move(source), file.html, std::move(known));
  if (std::string reason = EmptyDocumentReason(doc); !reason.empty()) {
    return Status::InvalidInput(std::filesystem::path(file.path).generic_string() + ": " + reason);
  }
  return doc;
}

Document DocumentLoader::FromBytes(std::string raw, DocumentSource source, bool html_hint) const {
  Known known;
  known.content_hash = util::Sha256Hex(raw);
  known.sniff = text::SniffText(raw);
  return FromBytes(std::move(raw), std::move(source), html_hint, std::move(known));
}

Document DocumentLoader::FromBytes(std::string raw, DocumentSource source, bool html_hint, Known known) const {
  Document doc;
  doc.source = std::move(source);
  doc.content_hash = std::move(known.content_hash);
  doc.raw = std::move(raw);
  const text::TextSniff& sniff = known.sniff;
  if (!sniff.reject.empty()) {
    doc.diagnostics.push_back({Diagnostic::Severity::kWarning, doc.source.path, 0,
                               sniff.reject + " (read as text anyway)"});
  }
  text::NormalisedText normalised;
  if (sniff.encoding == text::Encoding::kUtf8) {
    doc.html = html_hint || text::LooksLikeHtml(doc.raw);
    normalised = text::NormaliseText(doc.raw, {doc.html});
  } else {
    // Decode to UTF-8, normalise that, and chain both maps back to the original bytes.
    text::DecodedText decoded = text::DecodeText(doc.raw, sniff.encoding, sniff.bom);
    doc.html = html_hint || text::LooksLikeHtml(decoded.text);
    normalised = text::NormaliseText(decoded.text, {doc.html});
    normalised.map = OffsetMap::Compose(normalised.map, decoded.map);
    doc.diagnostics.push_back({Diagnostic::Severity::kNotice, doc.source.path, 0,
                               "not UTF-8: converted from " + std::string(text::EncodingName(sniff.encoding)) + " (" +
                                   sniff.how + ")"});
    if (decoded.malformed > 0) {
      doc.diagnostics.push_back({Diagnostic::Severity::kWarning, doc.source.path, decoded.first_malformed_line,
                                 std::to_string(decoded.malformed) + " malformed " +
                                     std::string(text::EncodingName(sniff.encoding)) +
                                     " code units (replaced by U+FFFD)"});
    }
  }
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
