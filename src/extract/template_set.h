// TemplateSet: every claim template of a run, compiled once at start-up.
//
// Loads the default templates folder, then each user folder in order: a user
// template with the same id as an earlier one replaces it (with a notice), and
// types declared in any file are visible to every template. Nothing runs until
// every template compiles. Immutable afterwards and shared by all threads.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/status.h"
#include "extract/claim_template.h"
#include "extract/pattern_compiler.h"
#include "extract/slot_types.h"
#include "extract/template_loader.h"

namespace re2 {
class RE2;
}

namespace crosscheck::extract {

struct CompiledTemplate {
  ClaimTemplate spec;
  std::vector<CompiledPattern> patterns;
  std::shared_ptr<const re2::RE2> hedged;   // finds a hedge cue; null when none declared
  std::shared_ptr<const re2::RE2> negated;  // finds a negation cue; null when none declared
  std::shared_ptr<const re2::RE2> exclude;  // finds an exclusion cue; null when none declared
  // SHA-256 over everything this template's matching depends on besides the
  // extractor's code and the knowledge base: its file, and the files
  // declaring the types it uses. A stored extraction with another is stale
  // for this template only (see docs/templates.md, "Editing templates").
  std::string fingerprint;
};

class TemplateSet {
 public:
  // Reads and compiles every *.toml below each folder (recursively, sorted).
  // `notices` receives overrides. Errors from all files come back together.
  static Result<std::unique_ptr<TemplateSet>> Load(const std::vector<std::filesystem::path>& folders,
                                                   const EntityResolver& resolver, std::vector<Diagnostic>* notices);
  // Compiles templates given in memory (tests, `templates test` on one file).
  static Result<std::unique_ptr<TemplateSet>> FromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                                                        const EntityResolver& resolver, std::vector<Diagnostic>* notices);

  TemplateSet(const TemplateSet&) = delete;  // owns compiled regexes shared with threads
  TemplateSet& operator=(const TemplateSet&) = delete;

  const std::vector<CompiledTemplate>& templates() const { return templates_; }
  const CompiledTemplate* Find(const std::string& id) const;
  // Index of the template with this id in templates(), or -1.
  int IndexOf(const std::string& id) const;
  const TypeRegistry& types() const { return *types_; }
  const EntityResolver& resolver() const { return types_->resolver(); }
  // SHA-256 over every template and type file: a stored extraction made with
  // another fingerprint is stale.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  TemplateSet() = default;
  static Result<std::unique_ptr<TemplateSet>> Build(std::vector<TemplateFile>* files, const EntityResolver& resolver,
                                                    const std::vector<size_t>& folder_of_file,
                                                    std::vector<Diagnostic>* notices);
  std::unique_ptr<TypeRegistry> types_;
  std::vector<CompiledTemplate> templates_;
  std::string fingerprint_;
};

// Builds a case-insensitive whole-word finder for cue phrases; null when empty.
std::shared_ptr<const re2::RE2> CompileCues(const std::vector<std::string>& cues);

}  // namespace crosscheck::extract
