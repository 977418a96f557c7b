#include "ingest/outlet_manifest.h"

#include <re2/re2.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "util/toml_document.h"

namespace crosscheck::ingest {

std::shared_ptr<const RE2> CompileGlob(std::string_view pattern) {
  // Translated to RE2 (linear time, whatever the pattern): "**/" is any
  // number of folders, "**" anything, "*" and "?" stay within one folder.
  std::string regex;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '*' && i + 1 < pattern.size() && pattern[i + 1] == '*') {
      const bool folder = i + 2 < pattern.size() && pattern[i + 2] == '/';
      regex += folder ? "(?:.*/)?" : ".*";
      i += folder ? 2 : 1;
    } else if (c == '*') {
      regex += "[^/]*";
    } else if (c == '?') {
      regex += "[^/]";
    } else {
      regex += RE2::QuoteMeta(std::string(1, c));
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);
  return std::make_shared<const RE2>(regex, options);
}

bool GlobMatch(const RE2& glob, std::string_view path) {
  return glob.ok() && RE2::FullMatch(re2::StringPiece(path.data(), path.size()), glob);
}

bool GlobMatch(std::string_view pattern, std::string_view path) { return GlobMatch(*CompileGlob(pattern), path); }

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  y = std::stoi(std::string(text.substr(0, 4)));
  m = std::stoi(std::string(text.substr(5, 2)));
  d = std::stoi(std::string(text.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

Result<OutletManifest> OutletManifest::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.generic_string() + ": cannot read the outlets manifest");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path.generic_string());
}

Result<OutletManifest> OutletManifest::Parse(std::string_view toml_text, const std::string& display_path) {
  auto doc = util::TomlDocument::ParseText(toml_text, display_path);
  if (!doc.ok()) return doc.status();
  util::TomlErrors errors(*doc);
  errors.CheckKeys(doc->root(), {"document"});
  OutletManifest manifest;
  for (const toml::table* t : errors.Tables(doc->root(), "document", false)) {
    errors.CheckKeys(*t, {"path", "outlet", "url", "published"});
    auto path = errors.String(*t, "path", true);
    auto outlet = errors.String(*t, "outlet", true);
    auto url = errors.String(*t, "url", false);
    std::string published;
    if (const toml::node* node = t->get("published")) {
      if (auto date = node->value<toml::date>(); date && node->is_date()) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date->year),
                      static_cast<int>(date->month), static_cast<int>(date->day));
        published = buffer;
      } else if (auto text = node->value<std::string>(); text && node->is_string() && IsIsoDate(*text)) {
        published = *text;
      } else {
        errors.Add(*node, "'published' must be a date such as 2025-02-12");
      }
    }
    if (!path || !outlet) continue;
    if (outlet->empty()) {
      errors.Add(*t->get("outlet"), "'outlet' must not be empty");
      continue;
    }
    // Compiled once: Describe() runs for every file of the corpus.
    manifest.entries_.push_back({*path, CompileGlob(*path), DocumentSource{"", *outlet, url.value_or(""), published}});
  }
  if (!errors.ok()) return errors.ToStatus();
  return manifest;
}

DocumentSource OutletManifest::Describe(const std::string& relative_path) const {
  for (const Entry& e : entries_) {
    if (e.pattern == relative_path) {
      DocumentSource s = e.source;
      s.path = relative_path;
      return s;
    }
  }
  for (const Entry& e : entries_) {
    if (GlobMatch(*e.glob, relative_path)) {
      DocumentSource s = e.source;
      s.path = relative_path;
      return s;
    }
  }
  DocumentSource s;
  s.path = relative_path;
  s.outlet = std::filesystem::path(relative_path).stem().string();
  return s;
}

}  // namespace crosscheck::ingest
