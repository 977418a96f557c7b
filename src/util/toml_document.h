// TomlDocument and TomlErrors: reading user-written TOML (templates,
// knowledge, manifests) with errors in `file:line:column: message` form.
//
// toml++ reports syntax errors with a position; TomlErrors adds the same for
// what the TOML grammar cannot catch: unknown keys (with a "did you mean"),
// wrong types and missing keys. Readers collect every error in a file instead
// of stopping at the first, so that one lint run shows them all.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::util {

class TomlDocument {
 public:
  // Parses a file. `display_path` is how errors name it (usually relative to
  // the working folder).
  static Result<TomlDocument> ParseFile(const std::filesystem::path& path, std::string display_path);
  static Result<TomlDocument> ParseText(std::string_view text, std::string display_path);

  const toml::table& root() const { return root_; }
  const std::string& display_path() const { return display_path_; }
  // "path:line:column" of a node or region.
  std::string Where(const toml::source_region& region) const;

 private:
  TomlDocument(toml::table root, std::string display_path) : root_(std::move(root)), display_path_(std::move(display_path)) {}
  toml::table root_;
  std::string display_path_;
};

class TomlErrors {
 public:
  explicit TomlErrors(const TomlDocument& doc) : doc_(&doc) {}

  void Add(const toml::source_region& where, std::string_view message);
  void Add(const toml::node& node, std::string_view message) { Add(node.source(), message); }

  // Reports each key of `table` that is not in `allowed`, suggesting the
  // closest allowed key when one is near.
  void CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed);
  void CheckKeys(const toml::table& table, const std::vector<std::string>& allowed);

  // Typed getters. A missing optional key yields nullopt silently; a missing
  // required key or a value of the wrong type is reported.
  std::optional<std::string> String(const toml::table& table, std::string_view key, bool required);
  std::optional<double> Number(const toml::table& table, std::string_view key, bool required);
  std::optional<int64_t> Integer(const toml::table& table, std::string_view key, bool required);
  std::optional<bool> Boolean(const toml::table& table, std::string_view key, bool required);
  // Accepts a string or an array of strings.
  std::vector<std::string> Strings(const toml::table& table, std::string_view key, bool required);
  const toml::table* Table(const toml::table& table, std::string_view key, bool required);
  // An array of tables (`[[key]]`); a single table is accepted too.
  std::vector<const toml::table*> Tables(const toml::table& table, std::string_view key, bool required);

  bool ok() const { return messages_.empty(); }
  const std::vector<std::string>& messages() const { return messages_; }
  // InvalidInput with every message, one per line; Ok when there are none.
  Status ToStatus() const;
  const TomlDocument& document() const { return *doc_; }

 private:
  void Missing(const toml::table& table, std::string_view key);
  void WrongType(const toml::node& node, std::string_view key, std::string_view expected);
  const TomlDocument* doc_;
  std::vector<std::string> messages_;  // kept in line and column order
  std::vector<std::pair<uint32_t, uint32_t>> positions_;
};

// The allowed word closest to `word` when it is a plausible typo, else "".
std::string ClosestWord(std::string_view word, const std::vector<std::string>& candidates);

// Name of a TOML node type for messages ("string", "array", ...).
std::string_view TomlTypeName(const toml::node& node);

}  // namespace crosscheck::util
