// Engine: knowledge, templates and extraction, loaded once and reused.
//
// The report pipeline, `explain` and `templates test` all start here. Loading
// reads every knowledge and template file and compiles every pattern; nothing
// runs until all of them are valid, and errors come back together, each as
// `file:line:column: message`. Immutable afterwards: Extract() may be called
// from several threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/claim.h"
#include "crosscheck/diagnostic.h"
#include "crosscheck/document.h"
#include "crosscheck/status.h"

namespace crosscheck {

struct EngineOptions {
  // Template folders, in order: defaults first, then user folders. A later
  // template with an id already seen replaces it (reported as a notice).
  std::vector<std::filesystem::path> template_dirs;
  // Knowledge folders, in order; later ones add to earlier ones.
  std::vector<std::filesystem::path> knowledge_dirs;
};

struct TemplateInfo {
  std::string id;
  std::string file;
  std::string subject_kind;
  std::string value_type;
  std::string description;
  size_t patterns = 0;
  size_t examples = 0;
};

// A slot or value type: built in (person, place, date...) or declared in TOML.
struct TypeInfo {
  std::string name;
  std::string description;
};

// One embedded example run against its template.
struct ExampleResult {
  std::string template_id;
  std::string where;     // "file:line:column" of the example
  std::string text;
  bool passed = false;
  std::string expected;  // what the example declares
  std::string actual;    // what extraction produced
};

// A pattern that matched but could not make a claim, and why.
struct NearMissInfo {
  uint32_t sentence = 0;
  std::string template_id;
  uint32_t pattern = 0;
  std::string reason;
};

// A person, organisation or place recognised in a sentence (explain shows them).
struct MentionInfo {
  uint32_t sentence = 0;
  std::string text;       // as written
  std::string canonical;  // canonical name (place: gazetteer id)
  std::string kind;       // person, organisation or place
  bool known = false;     // in the knowledge base
};

struct ExtractionResult {
  std::vector<Claim> claims;
  std::vector<NearMissInfo> near_misses;  // only when asked for
  std::vector<MentionInfo> mentions;      // only when near misses are asked for
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Load(const EngineOptions& options, std::vector<Diagnostic>* notices);
  ~Engine();
  Engine(const Engine&) = delete;  // owns compiled templates shared by threads
  Engine& operator=(const Engine&) = delete;

  // Prepares an article (normalise, strip boilerplate, split sentences).
  Document Prepare(std::string bytes, DocumentSource source, bool html) const;
  Result<Document> PrepareFile(const std::filesystem::path& path, DocumentSource source) const;
  ExtractionResult Extract(const Document& document, bool near_misses = false,
                           const std::string& only_template = "") const;

  std::vector<TemplateInfo> Templates() const;
  std::vector<TypeInfo> Types() const;
  std::vector<ExampleResult> RunExamples(const std::string& only_template = "") const;
  // Changes whenever a template, type or knowledge file (or the extraction
  // code) changes: a report made with another is not kept. Stored
  // extractions are compared with finer ones: knowledge and code as a whole,
  // each template on its own (see pipeline.h).
  const std::string& fingerprint() const;
  const std::string& templates_fingerprint() const;
  const std::string& knowledge_fingerprint() const;

  struct Impl;  // internals, for the pipeline stages inside the library
  const Impl& impl() const { return *impl_; }

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where the default templates/ and knowledge/ folders are: $CROSSCHECK_DATA_DIR,
// else <executable>/../share/crosscheck when installed, else the source tree
// this binary was built from.
std::filesystem::path DefaultDataDir();

}  // namespace crosscheck
