// TemplateLoader: reads claim templates and value types from TOML files.
//
// A file may hold one template (top-level `id`, `patterns`, `[roles]`, ...),
// value types (`[types.NAME]`), or both. Every error is reported as
// `file:line:column: message`, and all errors of all files are collected.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/status.h"
#include "extract/claim_template.h"
#include "extract/slot_types.h"

namespace crosscheck::extract {

// What one TOML file contributed.
struct TemplateFile {
  std::string display_path;
  std::string contents;                  // for fingerprints
  std::optional<ClaimTemplate> tmpl;     // when the file defines a template
  std::vector<std::unique_ptr<SlotType>> types;
  std::vector<SourcePos> type_positions;  // parallel to `types`
  // Errors found in the file, as `file:line:column: message`, in order. A file
  // with errors still yields what could be read, so that its patterns are
  // compiled and their errors reported in the same run.
  std::vector<std::string> errors;
};

// Parses one file. Only a TOML syntax error fails; other errors are listed in
// TemplateFile::errors.
Result<TemplateFile> ReadTemplateFile(const std::filesystem::path& path, const std::string& display_path);
Result<TemplateFile> ParseTemplateText(std::string_view text, const std::string& display_path);

// The keys a template file may have at top level, for "did you mean".
const std::vector<std::string>& TemplateTopLevelKeys();

}  // namespace crosscheck::extract
