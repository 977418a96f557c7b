// OutletManifest: the optional TOML file that says who published each file.
//
//   [[document]]
//   path = "forbes/*.txt"       # relative to the corpus; * matches within a folder, ** across folders
//   outlet = "Forbes"
//   url = "https://www.forbes.com/..."   # optional
//   published = 2025-02-12               # optional; a TOML date or "YYYY-MM-DD"
//
// The first entry whose path matches a file wins. Files no entry matches get
// their stem as outlet, as without a manifest.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/document.h"
#include "crosscheck/status.h"

namespace re2 {
class RE2;
}

namespace crosscheck::ingest {

class OutletManifest {
 public:
  static constexpr const char* kDefaultFileName = "outlets.toml";

  // Reads a manifest; errors are `file:line:column: message`.
  static Result<OutletManifest> Load(const std::filesystem::path& path);
  static Result<OutletManifest> Parse(std::string_view toml_text, const std::string& display_path);

  // Fills outlet, url and published for a corpus-relative path.
  DocumentSource Describe(const std::string& relative_path) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string pattern;
    std::shared_ptr<const re2::RE2> glob;  // the pattern, compiled
    DocumentSource source;
  };
  std::vector<Entry> entries_;
};

// Glob match of a '/'-separated path: '*' and '?' stay within one folder, '**' crosses folders.
bool GlobMatch(std::string_view pattern, std::string_view path);
bool GlobMatch(const re2::RE2& glob, std::string_view path);
// The RE2 a glob pattern is translated to (check ok() before use).
std::shared_ptr<const re2::RE2> CompileGlob(std::string_view pattern);

// Checks a "YYYY-MM-DD" date (real calendar day).
bool IsIsoDate(std::string_view text);

}  // namespace crosscheck::ingest
