#include "util/toml_document.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace crosscheck::util {
namespace {

std::string Describe(const toml::parse_error& error) {
  return std::string(error.description());
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

Result<TomlDocument> TomlDocument::ParseFile(const std::filesystem::path& path, std::string display_path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(display_path + ": cannot read file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return ParseText(buffer.str(), std::move(display_path));
}

Result<TomlDocument> TomlDocument::ParseText(std::string_view text, std::string display_path) {
  try {
    toml::table root = toml::parse(text, std::string_view(display_path));
    return TomlDocument(std::move(root), std::move(display_path));
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    return Status::InvalidInput(display_path + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column) +
                                ": " + Describe(error));
  }
}

std::string TomlDocument::Where(const toml::source_region& region) const {
  return display_path_ + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

void TomlErrors::Add(const toml::source_region& where, std::string_view message) {
  const std::pair<uint32_t, uint32_t> position{where.begin.line, where.begin.column};
  const auto at = std::upper_bound(positions_.begin(), positions_.end(), position);
  messages_.insert(messages_.begin() + (at - positions_.begin()), doc_->Where(where) + ": " + std::string(message));
  positions_.insert(at, position);
}

std::string ClosestWord(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    size_t d = EditDistance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

void TomlErrors::CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed) {
  CheckKeys(table, std::vector<std::string>(allowed.begin(), allowed.end()));
}

void TomlErrors::CheckKeys(const toml::table& table, const std::vector<std::string>& allowed) {
  for (const auto& [key, value] : table) {
    std::string_view name = key.str();
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string message = "unknown key '" + std::string(name) + "'";
    std::string suggestion = ClosestWord(name, allowed);
    if (!suggestion.empty()) {
      message += "; did you mean '" + suggestion + "'?";
    } else {
      message += "; expected one of:";
      for (size_t i = 0; i < allowed.size(); ++i) message += (i ? ", " : " ") + allowed[i];
    }
    Add(key.source().begin.line > 0 ? key.source() : value.source(), message);
  }
}

std::string_view TomlTypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::array: return "array";
    case toml::node_type::table: return "table";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    default: return "nothing";
  }
}

void TomlErrors::Missing(const toml::table& table, std::string_view key) {
  Add(table.source(), "missing required key '" + std::string(key) + "'");
}

void TomlErrors::WrongType(const toml::node& node, std::string_view key, std::string_view expected) {
  Add(node, "'" + std::string(key) + "' must be " + std::string(expected) + ", not " + std::string(TomlTypeName(node)));
}

std::optional<std::string> TomlErrors::String(const toml::table& table, std::string_view key, bool required) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Missing(table, key);
    return std::nullopt;
  }
  if (auto value = node->value<std::string>(); value && node->is_string()) return *value;
  WrongType(*node, key, "a string");
  return std::nullopt;
}

std::optional<double> TomlErrors::Number(const toml::table& table, std::string_view key, bool required) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Missing(table, key);
    return std::nullopt;
  }
  if (node->is_number()) return node->value<double>();
  WrongType(*node, key, "a number");
  return std::nullopt;
}

std::optional<int64_t> TomlErrors::Integer(const toml::table& table, std::string_view key, bool required) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Missing(table, key);
    return std::nullopt;
  }
  if (node->is_integer()) return node->value<int64_t>();
  WrongType(*node, key, "an integer");
  return std::nullopt;
}

std::optional<bool> TomlErrors::Boolean(const toml::table& table, std::string_view key, bool required) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Missing(table, key);
    return std::nullopt;
  }
  if (node->is_boolean()) return node->value<bool>();
  WrongType(*node, key, "true or false");
  return std::nullopt;
}

std::vector<std::string> TomlErrors::Strings(const toml::table& table, std::string_view key, bool required) {
  std::vector<std::string> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Missing(table, key);
    return out;
  }
  if (node->is_string()) {
    out.push_back(*node->value<std::string>());
    return out;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    WrongType(*node, key, "a string or an array of strings");
    return out;
  }
  for (const toml::node& item : *array) {
    if (item.is_string()) {
      out.push_back(*item.value<std::string>());
    } else {
      Add(item, "every item of '" + std::string(key) + "' must be a string, not " + std::string(TomlTypeName(item)));
    }
  }
  return out;
}

const toml::table* TomlErrors::Table(const toml::table& table, std::string_view key, bool required) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Missing(table, key);
    return nullptr;
  }
  if (const toml::table* t = node->as_table()) return t;
  WrongType(*node, key, "a table");
  return nullptr;
}

std::vector<const toml::table*> TomlErrors::Tables(const toml::table& table, std::string_view key, bool required) {
  std::vector<const toml::table*> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) Missing(table, key);
    return out;
  }
  if (const toml::table* single = node->as_table()) {
    out.push_back(single);
    return out;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    WrongType(*node, key, "an array of tables ([[" + std::string(key) + "]])");
    return out;
  }
  for (const toml::node& item : *array) {
    if (const toml::table* t = item.as_table()) {
      out.push_back(t);
    } else {
      Add(item, "every item of '" + std::string(key) + "' must be a table, not " + std::string(TomlTypeName(item)));
    }
  }
  return out;
}

Status TomlErrors::ToStatus() const {
  if (messages_.empty()) return Status::Ok();
  std::string joined;
  for (const std::string& m : messages_) {
    if (!joined.empty()) joined += '\n';
    joined += m;
  }
  return Status::InvalidInput(joined);
}

}  // namespace crosscheck::util
