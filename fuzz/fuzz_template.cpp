// Fuzz target: template parsing and compilation. The input is one template
// file, compiled together with the shipped duration type; a template that
// compiles is run on a short prepared article. Errors must name the file.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/entity_resolver.h"
#include "extract/extractor.h"
#include "extract/template_loader.h"
#include "extract/template_set.h"
#include "fuzz_check.h"
#include "ingest/boilerplate_filter.h"
#include "ingest/document_loader.h"
#include "knowledge/knowledge_base.h"

namespace {

const crosscheck::knowledge::KnowledgeBase& Knowledge() {
  static const crosscheck::knowledge::KnowledgeBase kb;  // empty: fast, and the templates are what is fuzzed
  return kb;
}

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(CROSSCHECK_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const crosscheck::Document& Article() {
  static const crosscheck::Document doc = [] {
    auto filter = crosscheck::ingest::BoilerplateFilter::Create(Knowledge());
    FUZZ_CHECK(filter.ok());
    crosscheck::ingest::DocumentLoader loader(**filter);
    return loader.FromBytes(
        "The call between Anna Lindqvist and Tomas Koval lasted 90 minutes, officials said.\n"
        "Koval told reporters they would meet in Geneva on April 12. A second call could last over an hour.\n"
        "\"It was useful,\" Lindqvist said on Tuesday, adding that 3 prisoners were released.\n",
        crosscheck::DocumentSource{"a.txt", "a", "", "2026-03-04"}, false);
  }();
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 14) return 0;
  static const crosscheck::extract::EntityResolver resolver(Knowledge());
  static const std::string duration = ReadSourceFile("templates/types/duration.toml");
  static const std::string count = ReadSourceFile("templates/types/count.toml");
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)crosscheck::extract::ParseTemplateText(text, "fuzz/t.toml");
  auto set = crosscheck::extract::TemplateSet::FromTexts(
      {{"fuzz/t.toml", text}, {"types/duration.toml", duration}, {"types/count.toml", count}}, resolver, nullptr);
  if (!set.ok()) {
    FUZZ_CHECK(!set.status().message().empty());
    return 0;
  }
  const crosscheck::extract::Extractor extractor(**set);
  const crosscheck::extract::Extraction result = extractor.Extract(Article());
  for (const crosscheck::Claim& claim : result.claims) {
    FUZZ_CHECK(claim.match_raw.begin <= claim.match_raw.end && claim.match_raw.end <= Article().raw.size());
    FUZZ_CHECK(claim.sentence_raw.begin <= claim.match_raw.begin && claim.match_raw.end <= claim.sentence_raw.end);
  }
  return 0;
}
