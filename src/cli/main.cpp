// Temporary development driver; replaced by the real CLI.
#include <iostream>

#include "extract/extractor.h"
#include "ingest/document_loader.h"
#include "knowledge/knowledge_base.h"

using namespace crosscheck;

int main(int argc, char** argv) {
  auto kb = knowledge::KnowledgeBase::Load(std::vector<std::filesystem::path>{std::string(CROSSCHECK_SOURCE_DIR) + "/knowledge"});
  if (!kb.ok()) { std::cerr << kb.status().message() << "\n"; return 2; }
  extract::EntityResolver resolver(*kb);
  std::vector<Diagnostic> notices;
  auto set = extract::TemplateSet::Load(std::vector<std::filesystem::path>{std::string(CROSSCHECK_SOURCE_DIR) + "/templates"}, resolver, &notices);
  if (!set.ok()) { std::cerr << set.status().message() << "\n"; return 2; }
  auto filter = ingest::BoilerplateFilter::Create(*kb);
  if (!filter.ok()) { std::cerr << filter.status().message() << "\n"; return 2; }
  ingest::DocumentLoader loader(**filter);
  extract::Extractor extractor(**set);
  for (int i = 1; i < argc; ++i) {
    ingest::CorpusFile f{argv[i], argv[i], false};
    auto doc = loader.Load(f, DocumentSource{argv[i], "x", "", ""});
    if (!doc.ok()) { std::cerr << doc.status().message() << "\n"; continue; }
    std::cout << "== " << argv[i] << " sentences=" << doc->sentences.size() << "\n";
    for (auto& r : doc->removed) std::cout << "  removed [" << r.raw.begin << "," << r.raw.end << ") " << r.reason << ": " << doc->text.substr(r.norm.begin, std::min<uint32_t>(60, r.norm.size())) << "\n";
    if (getenv("SENT")) for (auto& s : doc->sentences) std::cout << "  S" << s.index << " p" << s.paragraph << ": " << doc->SentenceText(s) << "\n";
    auto ex = extractor.Extract(*doc, {true, ""});
    for (auto& c : ex.claims) {
      std::cout << "  CLAIM " << c.template_id << " S" << c.sentence << " value=" << c.value.display << " [" << c.value.text << "] " << ModalityName(c.modality) << (c.modality_cue.empty() ? "" : "(" + c.modality_cue + ")") << " attr=" << c.attribution << " roles:";
      for (auto& r : c.roles) std::cout << " " << r.role << "=" << r.entity << "(" << r.via << ")";
      std::cout << "\n";
    }
    for (auto& n : ex.near_misses) std::cout << "  MISS " << n.template_id << "#" << n.pattern << " S" << n.sentence << ": " << n.reason << "\n";
  }
}
