#include "extract/template_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "util/toml_document.h"

namespace crosscheck::extract {
namespace {

SourcePos PosOf(const util::TomlDocument& doc, const toml::source_region& region) {
  return {doc.display_path(), region.begin.line, region.begin.column};
}

bool IsIdentifier(std::string_view id) {
  if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Where the characters of a string value start: after its opening quote(s).
SourcePos StringStart(const util::TomlDocument& doc, const toml::node& node, const std::vector<std::string_view>& lines) {
  SourcePos pos = PosOf(doc, node.source());
  const uint32_t line = pos.line;
  if (line >= 1 && line <= lines.size()) {
    std::string_view text = lines[line - 1];
    const size_t col = pos.column >= 1 ? pos.column - 1 : 0;
    if (text.compare(col, 3, "\"\"\"") == 0 || text.compare(col, 3, "'''") == 0) {
      // A multi-line string starting with a newline begins on the next line.
      if (col + 3 >= text.size()) return {pos.file, line + 1, 1};
      pos.column += 3;
      return pos;
    }
  }
  pos.column += 1;
  return pos;
}

void ReadTypes(util::TomlErrors& errors, const toml::table& root, TemplateFile* file) {
  const toml::table* types = errors.Table(root, "types", false);
  if (types == nullptr) return;
  const util::TomlDocument& doc = errors.document();
  for (const auto& [key, node] : *types) {
    const std::string name(key.str());
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      errors.Add(node, "type '" + name + "' must be a table ([types." + name + "])");
      continue;
    }
    if (!IsIdentifier(name)) {
      errors.Add(key.source(), "type name '" + name + "' must be lower case letters, digits and '_'");
      continue;
    }
    if (name == "person" || name == "organisation" || name == "actor" || name == "place" || name == "date" ||
        name == "quote" || name == "title" || name == "event" || name == "value") {
      errors.Add(key.source(), "type '" + name + "' is built in and cannot be redefined");
      continue;
    }
    auto kind = errors.String(*t, "kind", true);
    if (!kind) continue;
    SourcePos pos = PosOf(doc, t->source());
    if (*kind == "quantity") {
      errors.CheckKeys(*t, {"kind", "description", "unit", "units", "counts", "unit_required", "approximation",
                            "tolerance", "article"});
      QuantitySpec spec;
      spec.name = name;
      spec.base_unit = errors.String(*t, "unit", true).value_or("");
      spec.unit_required = errors.Boolean(*t, "unit_required", false).value_or(true);
      spec.approximation = errors.Number(*t, "approximation", false).value_or(0.1);
      spec.tolerance = errors.Number(*t, "tolerance", false).value_or(0.025);
      spec.article_is_one = errors.Boolean(*t, "article", false).value_or(false);
      if (spec.tolerance < 0 || spec.tolerance >= 1) {
        errors.Add(*t->get("tolerance"), "'tolerance' must be between 0 and 1 (0.025 means +/-2.5%; 0 for exact figures)");
      }
      errors.String(*t, "description", false);
      if (spec.approximation < 0 || spec.approximation >= 1) {
        errors.Add(*t->get("approximation"), "'approximation' must be between 0 and 1 (0.1 means +/-10%)");
      }
      for (const toml::table* u : errors.Tables(*t, "units", false)) {
        errors.CheckKeys(*u, {"name", "factor", "aliases", "article", "prefix"});
        QuantityUnit unit;
        unit.name = errors.String(*u, "name", true).value_or("");
        unit.factor = errors.Number(*u, "factor", true).value_or(1);
        unit.aliases = errors.Strings(*u, "aliases", false);
        unit.article = errors.Boolean(*u, "article", false).value_or(true);
        unit.prefix = errors.Boolean(*u, "prefix", false).value_or(false);
        if (unit.prefix && unit.aliases.empty()) {
          errors.Add(*u, "a prefix unit needs its symbols in 'aliases', e.g. aliases = [\"$\", \"US$\"]");
        }
        if (unit.factor <= 0) errors.Add(*u, "unit factor must be positive");
        spec.units.push_back(std::move(unit));
      }
      for (const toml::table* c : errors.Tables(*t, "counts", false)) {
        errors.CheckKeys(*c, {"word", "min", "max"});
        CountWord count;
        count.word = errors.String(*c, "word", true).value_or("");
        double lo = errors.Number(*c, "min", true).value_or(0);
        std::optional<double> hi = errors.Number(*c, "max", false);
        count.interval = {lo, hi ? *hi : Interval::kInfinity, false, !hi.has_value()};
        spec.count_words.push_back(std::move(count));
      }
      if (spec.units.empty() && spec.unit_required) {
        errors.Add(*t, "quantity type '" + name + "' has no units; add [[types." + name +
                           ".units]] or set unit_required = false for counts");
      }
      file->types.push_back(std::make_unique<QuantitySlotType>(std::move(spec)));
    } else if (*kind == "enum") {
      errors.CheckKeys(*t, {"kind", "description", "values"});
      errors.String(*t, "description", false);
      const toml::table* values = errors.Table(*t, "values", true);
      std::vector<std::pair<std::string, std::vector<std::string>>> list;
      if (values != nullptr) {
        for (const auto& [value_key, aliases_node] : *values) {
          std::vector<std::string> aliases;
          if (const toml::array* a = aliases_node.as_array()) {
            for (const toml::node& item : *a) {
              if (auto s = item.value<std::string>(); s && item.is_string()) {
                aliases.push_back(*s);
              } else {
                errors.Add(item, "enum aliases must be strings");
              }
            }
          } else {
            errors.Add(aliases_node, "enum value '" + std::string(value_key.str()) +
                                         "' must list the words that express it, e.g. low = [\"minor\", \"light\"]");
          }
          list.emplace_back(std::string(value_key.str()), std::move(aliases));
        }
        if (list.empty()) errors.Add(*values, "enum type '" + name + "' has no values");
      }
      file->types.push_back(std::make_unique<EnumSlotType>(name, std::move(list)));
    } else if (*kind == "list") {
      errors.CheckKeys(*t, {"kind", "description", "names", "case_sensitive"});
      errors.String(*t, "description", false);
      std::vector<std::string> names = errors.Strings(*t, "names", true);
      bool case_sensitive = errors.Boolean(*t, "case_sensitive", false).value_or(true);
      if (names.empty() && t->get("names") != nullptr) errors.Add(*t->get("names"), "list type '" + name + "' has no names");
      file->types.push_back(std::make_unique<ListSlotType>(name, std::move(names), case_sensitive));
    } else {
      errors.Add(*t->get("kind"), "unknown type kind '" + *kind + "'; expected quantity, enum or list");
      continue;
    }
    if (const toml::node* d = t->get("description"); d != nullptr && d->is_string()) {
      file->types.back()->set_description(*d->value<std::string>());
    }
    file->type_positions.push_back(pos);
  }
}

void ReadTemplate(util::TomlErrors& errors, const toml::table& root, const std::vector<std::string_view>& lines,
                  TemplateFile* file) {
  const util::TomlDocument& doc = errors.document();
  ClaimTemplate t;
  t.file = doc.display_path();
  t.pos = {doc.display_path(), 1, 1};
  if (const toml::node* id_node = root.get("id")) t.pos = PosOf(doc, id_node->source());
  t.id = errors.String(root, "id", true).value_or("");
  if (!t.id.empty() && !IsIdentifier(t.id)) {
    errors.Add(*root.get("id"), "template id '" + t.id + "' must be lower case letters, digits and '_', starting with a letter");
  }
  t.description = errors.String(root, "description", true).value_or("");
  t.subject_kind = errors.String(root, "subject", true).value_or("");
  t.value_type = errors.String(root, "value", true).value_or("");
  t.value_pos = t.pos;
  if (const toml::node* v = root.get("value")) t.value_pos = PosOf(doc, v->source());
  t.label = errors.String(root, "label", false).value_or(t.subject_kind + " of {participants}");
  t.priority = static_cast<int>(errors.Integer(root, "priority", false).value_or(0));
  t.dated = errors.Boolean(root, "dated", false).value_or(true);
  if (auto gap = errors.Integer(root, "max_gap", false)) {
    if (*gap < 1 || *gap > 20) {
      errors.Add(*root.get("max_gap"), "'max_gap' must be between 1 and 20 words");
    } else {
      t.max_gap_words = static_cast<uint32_t>(*gap);
    }
  }
  if (const toml::table* roles = errors.Table(root, "roles", false)) {
    for (const auto& [key, node] : *roles) {
      const toml::table* r = node.as_table();
      if (r == nullptr) {
        errors.Add(node, "role '" + std::string(key.str()) + "' must be a table, e.g. { type = \"person\", min = 1 }");
        continue;
      }
      errors.CheckKeys(*r, {"type", "min", "max", "context", "identifies"});
      RoleSpec role;
      role.name = std::string(key.str());
      role.pos = PosOf(doc, key.source());
      role.type = errors.String(*r, "type", true).value_or("");
      auto min = errors.Integer(*r, "min", false).value_or(0);
      if (min < 0 || min > 10) errors.Add(*r->get("min"), "'min' must be between 0 and 10");
      role.min = static_cast<uint32_t>(std::max<int64_t>(0, min));
      if (auto max = errors.Integer(*r, "max", false)) {
        if (*max < 1 || *max > 10) {
          errors.Add(*r->get("max"), "'max' must be between 1 and 10");
        } else if (*max < min) {
          errors.Add(*r->get("max"), "'max' (" + std::to_string(*max) + ") is below 'min' (" + std::to_string(min) + ")");
        } else {
          role.max = static_cast<uint32_t>(*max);
        }
      }
      role.from_context = errors.Boolean(*r, "context", false).value_or(false);
      role.identifies = errors.Boolean(*r, "identifies", false).value_or(true);
      if (role.name == "value") errors.Add(key.source(), "'value' is reserved for the value slot; name the role otherwise");
      t.roles.push_back(std::move(role));
    }
  }
  if (const toml::node* node = root.get("patterns")) {
    if (const toml::array* array = node->as_array()) {
      for (const toml::node& item : *array) {
        if (auto s = item.value<std::string>(); s && item.is_string()) {
          t.patterns.push_back({*s, StringStart(doc, item, lines)});
        } else {
          errors.Add(item, "every pattern must be a string");
        }
      }
      if (array->empty()) errors.Add(*node, "'patterns' is empty; a template needs at least one pattern");
    } else {
      errors.Add(*node, "'patterns' must be an array of strings");
    }
  } else {
    errors.Add(root.source(), "missing required key 'patterns'");
  }
  t.exclude = errors.Strings(root, "exclude", false);
  if (const toml::table* modality = errors.Table(root, "modality", false)) {
    errors.CheckKeys(*modality, {"hedged", "negated"});
    t.hedged = errors.Strings(*modality, "hedged", false);
    t.negated = errors.Strings(*modality, "negated", false);
  }
  for (const toml::table* e : errors.Tables(root, "example", false)) {
    errors.CheckKeys(*e, {"text", "match", "value", "participants", "modality", "published"});
    TemplateExample example;
    example.pos = PosOf(doc, e->source());
    example.text = errors.String(*e, "text", true).value_or("");
    example.should_match = errors.Boolean(*e, "match", false).value_or(true);
    example.value = errors.String(*e, "value", false).value_or("");
    example.participants = errors.Strings(*e, "participants", false);
    std::sort(example.participants.begin(), example.participants.end());
    if (auto m = errors.String(*e, "modality", false)) {
      Modality modality;
      if (ParseModality(*m, &modality)) {
        example.modality = modality;
      } else {
        errors.Add(*e->get("modality"), "unknown modality '" + *m + "'; expected asserted, hedged or negated");
      }
    }
    example.published = errors.String(*e, "published", false).value_or("");
    t.examples.push_back(std::move(example));
  }
  file->tmpl = std::move(t);
}

}  // namespace

const std::vector<std::string>& TemplateTopLevelKeys() {
  static const std::vector<std::string> kKeys = {"id",       "description", "subject",  "label",   "value",
                                                 "priority", "max_gap",     "patterns", "roles",   "modality",
                                                 "example",  "types",       "exclude",  "dated"};
  return kKeys;
}

Result<TemplateFile> ReadTemplateFile(const std::filesystem::path& path, const std::string& display_path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(display_path + ": cannot read template file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return ParseTemplateText(buffer.str(), display_path);
}

Result<TemplateFile> ParseTemplateText(std::string_view text, const std::string& display_path) {
  auto doc = util::TomlDocument::ParseText(text, display_path);
  if (!doc.ok()) return doc.status();
  TemplateFile file;
  file.display_path = display_path;
  file.contents = std::string(text);
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  util::TomlErrors errors(*doc);
  const toml::table& root = doc->root();
  errors.CheckKeys(root, TemplateTopLevelKeys());
  ReadTypes(errors, root, &file);
  // A file with only [types] defines no template.
  const bool has_template_keys = root.get("id") != nullptr || root.get("patterns") != nullptr ||
                                 root.get("subject") != nullptr || root.get("value") != nullptr;
  if (has_template_keys || root.get("types") == nullptr) ReadTemplate(errors, root, lines, &file);
  file.errors = errors.messages();
  return file;
}

}  // namespace crosscheck::extract
