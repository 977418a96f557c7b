// Engine internals, shared by the pipeline stages inside the library.
#pragma once

#include <memory>
#include <string>

#include "crosscheck/engine.h"
#include "extract/entity_resolver.h"
#include "extract/extractor.h"
#include "extract/template_set.h"
#include "ingest/boilerplate_filter.h"
#include "ingest/document_loader.h"
#include "knowledge/knowledge_base.h"

namespace crosscheck {


struct Engine::Impl {
  knowledge::KnowledgeBase knowledge;
  std::unique_ptr<extract::EntityResolver> resolver;
  std::unique_ptr<extract::TemplateSet> templates;
  std::unique_ptr<ingest::BoilerplateFilter> boilerplate;
  std::unique_ptr<ingest::DocumentLoader> loader;
  std::unique_ptr<extract::Extractor> extractor;
  std::string fingerprint;  // extractor code, every template, knowledge
  // Extractor code and knowledge only: a stored document extracted with
  // another is extracted again in full; templates are compared one by one.
  std::string base_fingerprint;
};

}  // namespace crosscheck
