#include "knowledge/knowledge_base.h"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "util/content_hash.h"
#include "util/toml_document.h"

namespace crosscheck::knowledge {
namespace {

namespace fs = std::filesystem;

void ReadPlaces(util::TomlErrors& errors, const toml::table& root, Gazetteer* places) {
  for (const toml::table* t : errors.Tables(root, "place", false)) {
    errors.CheckKeys(*t, {"name", "id", "kind", "in", "aliases", "demonyms"});
    auto name = errors.String(*t, "name", true);
    auto id = errors.String(*t, "id", false);
    auto kind_name = errors.String(*t, "kind", true);
    auto parent = errors.String(*t, "in", false);
    Place place;
    if (kind_name && !ParsePlaceKind(*kind_name, &place.kind)) {
      errors.Add(*t->get("kind"), "unknown place kind '" + *kind_name +
                                       "'; expected continent, region, country, territory, state, province, county or city");
    }
    place.aliases = errors.Strings(*t, "aliases", false);
    place.demonyms = errors.Strings(*t, "demonyms", false);
    if (!name) continue;
    place.name = *name;
    place.id = id ? *id : *name;
    if (!places->Add(place, parent.value_or(""))) {
      errors.Add(t->source(), "duplicate place id '" + place.id + "'; give one of them an explicit id");
    }
  }
}

void ReadEntities(util::TomlErrors& errors, const toml::table& root, std::string_view key, EntityKind kind,
                  EntityCatalog* entities) {
  for (const toml::table* t : errors.Tables(root, key, false)) {
    if (kind == EntityKind::kPerson) {
      errors.CheckKeys(*t, {"name", "aliases", "country", "roles"});
      errors.Strings(*t, "roles", false);
    } else {
      errors.CheckKeys(*t, {"name", "aliases", "country", "kind"});
      errors.String(*t, "kind", false);
    }
    auto name = errors.String(*t, "name", true);
    Entity entity;
    entity.kind = kind;
    entity.aliases = errors.Strings(*t, "aliases", false);
    entity.country = errors.String(*t, "country", false).value_or("");
    if (!name) continue;
    entity.name = *name;
    entities->Add(std::move(entity));
  }
}

void ReadPatterns(util::TomlErrors& errors, const toml::table& root, std::string_view key,
                  std::vector<SourcedPattern>* out) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    errors.Add(*node, "'" + std::string(key) + "' must be an array of regular expressions");
    return;
  }
  for (const toml::node& item : *array) {
    auto pattern = item.value<std::string>();
    if (!item.is_string() || !pattern) {
      errors.Add(item, "every item of '" + std::string(key) + "' must be a string");
      continue;
    }
    RE2::Options options;
    options.set_log_errors(false);
    RE2 re(*pattern, options);
    if (!re.ok()) {
      errors.Add(item, "invalid regular expression: " + re.error());
      continue;
    }
    out->push_back({*pattern, errors.document().Where(item.source())});
  }
}

void AppendUnique(std::vector<std::string>* list, const std::vector<std::string>& items) {
  for (const std::string& item : items) {
    if (std::find(list->begin(), list->end(), item) == list->end()) list->push_back(item);
  }
}

void ReadOfficeNames(util::TomlErrors& errors, const toml::table& root, KnowledgeBase* kb) {
  for (const toml::table* t : errors.Tables(root, "office", false)) {
    errors.CheckKeys(*t, {"name", "aliases"});
    auto name = errors.String(*t, "name", true);
    OfficeNames office;
    office.aliases = errors.Strings(*t, "aliases", false);
    if (!name) continue;
    office.name = *name;
    kb->AddOfficeNames(std::move(office));
  }
}

}  // namespace

std::string DisplayPath(const fs::path& path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (!ec) {
      fs::path relative = absolute.lexically_relative(cwd);
      if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    }
  }
  return path.generic_string();
}

std::vector<fs::path> ListTomlFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_regular_file(folder, ec)) {
    files.push_back(folder);
    return files;
  }
  for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".toml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void KnowledgeBase::AddOffices(const std::vector<std::string>& offices) { AppendUnique(&offices_, offices); }

void KnowledgeBase::AddOfficeNames(OfficeNames names) {
  // Every name of an office is an office before a person's name too.
  AddOffices({names.name});
  AddOffices(names.aliases);
  // A second entry with a name already loaded adds its aliases to that office.
  for (OfficeNames& known : office_names_) {
    if (known.name == names.name) {
      AppendUnique(&known.aliases, names.aliases);
      return;
    }
  }
  office_names_.push_back(std::move(names));
}

void KnowledgeBase::AddGivenNames(const std::vector<std::string>& names) {
  for (const std::string& n : names) {
    if (given_name_set_.insert(n).second) given_names_.push_back(n);
  }
}

Result<KnowledgeBase> KnowledgeBase::Load(const std::vector<fs::path>& folders) {
  KnowledgeBase kb;
  std::vector<std::string> messages;
  util::Sha256 fingerprint;
  for (const fs::path& folder : folders) {
    std::error_code ec;
    if (!fs::exists(folder, ec)) {
      messages.push_back(DisplayPath(folder) + ": knowledge folder does not exist");
      continue;
    }
    for (const fs::path& file : ListTomlFiles(folder)) {
      const std::string display = DisplayPath(file);
      std::ifstream in(file, std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      const std::string text = buffer.str();
      fingerprint.Update(file.filename().string());
      fingerprint.Update(text);
      auto doc = util::TomlDocument::ParseText(text, display);
      if (!doc.ok()) {
        messages.push_back(doc.status().message());
        continue;
      }
      kb.files_.push_back(display);
      util::TomlErrors errors(*doc);
      const toml::table& root = doc->root();
      errors.CheckKeys(root, {"place", "person", "organisation", "offices", "modifiers", "honorifics", "former",
                              "office_modifiers", "office", "given_names", "drop_lines", "end_markers"});
      ReadPlaces(errors, root, &kb.places_);
      ReadEntities(errors, root, "person", EntityKind::kPerson, &kb.entities_);
      ReadEntities(errors, root, "organisation", EntityKind::kOrganisation, &kb.entities_);
      AppendUnique(&kb.offices_, errors.Strings(root, "offices", false));
      AppendUnique(&kb.modifiers_, errors.Strings(root, "modifiers", false));
      AppendUnique(&kb.honorifics_, errors.Strings(root, "honorifics", false));
      AppendUnique(&kb.former_, errors.Strings(root, "former", false));
      AppendUnique(&kb.office_modifiers_, errors.Strings(root, "office_modifiers", false));
      ReadOfficeNames(errors, root, &kb);
      kb.AddGivenNames(errors.Strings(root, "given_names", false));
      ReadPatterns(errors, root, "drop_lines", &kb.drop_lines_);
      ReadPatterns(errors, root, "end_markers", &kb.end_markers_);
      messages.insert(messages.end(), errors.messages().begin(), errors.messages().end());
    }
  }
  for (const std::string& problem : kb.places_.Link()) {
    messages.push_back(problem.find("containment cycle") != std::string::npos
                           ? "knowledge: place '" + problem.substr(0, problem.find(" (")) +
                                 "' lies, through its 'in' keys, inside itself (a containment cycle)"
                           : "knowledge: place '" + problem + "' is named in an 'in' key but never defined");
  }
  if (!messages.empty()) {
    std::string joined;
    for (const std::string& m : messages) joined += (joined.empty() ? "" : "\n") + m;
    return Status::InvalidInput(joined);
  }
  kb.fingerprint_ = fingerprint.HexDigest();
  return kb;
}

}  // namespace crosscheck::knowledge
