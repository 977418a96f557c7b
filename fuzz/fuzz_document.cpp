// Fuzz target: decoding and normalisation of arbitrary bytes as an article,
// the way a corpus file is read (encoding sniffing and conversion, HTML
// stripping, normalisation, boilerplate removal, sentence splitting with the
// shipped knowledge). Every offset must map back inside the original bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "ingest/boilerplate_filter.h"
#include "ingest/document_loader.h"
#include "knowledge/knowledge_base.h"
#include "text/text_decoder.h"
#include "text/utf8.h"

namespace {

const crosscheck::ingest::DocumentLoader& Loader() {
  static const auto* filter = [] {
    auto kb = crosscheck::knowledge::KnowledgeBase::Load({std::string(CROSSCHECK_SOURCE_DIR) + "/knowledge"});
    FUZZ_CHECK(kb.ok());
    static const crosscheck::knowledge::KnowledgeBase knowledge = std::move(kb).value();
    auto created = crosscheck::ingest::BoilerplateFilter::Create(knowledge);
    FUZZ_CHECK(created.ok());
    return created->release();
  }();
  static const crosscheck::ingest::DocumentLoader loader(*filter);
  return loader;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  const std::string raw(reinterpret_cast<const char*>(data), size);
  (void)crosscheck::ingest::RejectReason(raw);
  for (const bool html : {false, true}) {
    const crosscheck::Document doc = Loader().FromBytes(raw, crosscheck::DocumentSource{"fuzz.txt", "fuzz", "", ""}, html);
    FUZZ_CHECK(crosscheck::text::IsValidUtf8(doc.text));
    uint32_t previous_end = 0;
    for (const crosscheck::Sentence& s : doc.sentences) {
      FUZZ_CHECK(s.norm.begin < s.norm.end && s.norm.end <= doc.text.size());
      FUZZ_CHECK(s.norm.begin >= previous_end);
      previous_end = s.norm.end;
      FUZZ_CHECK(s.raw.begin <= s.raw.end && s.raw.end <= raw.size());
      FUZZ_CHECK(crosscheck::text::IsValidUtf8(std::string_view(doc.text).substr(s.norm.begin, s.norm.size())));
    }
    for (const crosscheck::RemovedSpan& r : doc.removed) {
      FUZZ_CHECK(r.norm.begin <= r.norm.end && r.norm.end <= doc.text.size());
      FUZZ_CHECK(r.raw.begin <= r.raw.end && r.raw.end <= raw.size());
    }
  }
  return 0;
}
