#include "extract/template_set.h"

#include <re2/re2.h>

#include <map>
#include <set>

#include "extract/date_parser.h"
#include "extract/entity_resolver.h"
#include "extract/slot_types.h"
#include "extract/literal_alternation.h"
#include "knowledge/knowledge_base.h"
#include "util/content_hash.h"

namespace crosscheck::extract {

std::shared_ptr<const re2::RE2> CompileCues(const std::vector<std::string>& cues) {
  if (cues.empty()) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<RE2>("(?i:" + LiteralAlternation(cues) + ")", options);
  if (!re->ok()) return nullptr;
  return re;
}

namespace {

// A template's own file, and the file declaring each type it uses (built-in
// types are the extractor's code, fingerprinted with it).
std::string TemplateFingerprint(const std::string& file_digest, const ClaimTemplate& spec,
                                const std::vector<CompiledPattern>& patterns,
                                const std::map<std::string, std::string>& type_file_digest) {
  std::set<std::string> used = {spec.value_type};
  for (const RoleSpec& role : spec.roles) used.insert(role.type);
  for (const CompiledPattern& p : patterns) {
    for (const SlotBinding& slot : p.slots) {
      if (slot.type != nullptr) used.insert(slot.type->name());
    }
  }
  util::Sha256 digest;
  digest.Update(file_digest);
  for (const std::string& type : used) {
    auto it = type_file_digest.find(type);
    const std::string declared = it == type_file_digest.end() ? "built-in" : it->second;
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on the chain of operator+.
    std::string line = "\n";
    line += std::to_string(type.size());
    line += ':';
    line += type;
    line += '=';
    line += declared;
    digest.Update(line);
  }
  return digest.HexDigest();
}

}  // namespace

const CompiledTemplate* TemplateSet::Find(const std::string& id) const {
  for (const CompiledTemplate& t : templates_) {
    if (t.spec.id == id) return &t;
  }
  return nullptr;
}

int TemplateSet::IndexOf(const std::string& id) const {
  for (size_t i = 0; i < templates_.size(); ++i) {
    if (templates_[i].spec.id == id) return static_cast<int>(i);
  }
  return -1;
}

Result<std::unique_ptr<TemplateSet>> TemplateSet::Load(const std::vector<std::filesystem::path>& folders,
                                                       const EntityResolver& resolver, std::vector<Diagnostic>* notices) {
  std::vector<TemplateFile> files;
  std::vector<size_t> folder_of_file;
  std::vector<std::string> errors;
  for (size_t f = 0; f < folders.size(); ++f) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folders[f], ec) && !std::filesystem::is_regular_file(folders[f], ec)) {
      errors.push_back(knowledge::DisplayPath(folders[f]) + ": template folder does not exist");
      continue;
    }
    for (const auto& path : knowledge::ListTomlFiles(folders[f])) {
      auto file = ReadTemplateFile(path, knowledge::DisplayPath(path));
      if (!file.ok()) {
        errors.push_back(file.status().message());
        continue;
      }
      files.push_back(std::move(file).value());
      folder_of_file.push_back(f);
    }
  }
  // Compile what did parse, so that one run reports every error of every file.
  auto built = Build(&files, resolver, folder_of_file, notices);
  if (errors.empty()) return built;
  if (!built.ok()) errors.push_back(built.status().message());
  std::string joined;
  for (const auto& e : errors) joined += (joined.empty() ? "" : "\n") + e;
  return Status::InvalidInput(joined);
}

Result<std::unique_ptr<TemplateSet>> TemplateSet::FromTexts(const std::vector<std::pair<std::string, std::string>>& texts,
                                                            const EntityResolver& resolver,
                                                            std::vector<Diagnostic>* notices) {
  std::vector<TemplateFile> files;
  std::vector<size_t> folder_of_file;
  std::string errors;
  for (const auto& [name, text] : texts) {
    auto file = ParseTemplateText(text, name);
    if (!file.ok()) {
      errors += (errors.empty() ? "" : "\n") + file.status().message();
      continue;
    }
    files.push_back(std::move(file).value());
    folder_of_file.push_back(0);
  }
  if (!errors.empty()) return Status::InvalidInput(errors);
  return Build(&files, resolver, folder_of_file, notices);
}

Result<std::unique_ptr<TemplateSet>> TemplateSet::Build(std::vector<TemplateFile>* files, const EntityResolver& resolver,
                                                        const std::vector<size_t>& folder_of_file,
                                                        std::vector<Diagnostic>* notices) {
  std::unique_ptr<TemplateSet> set(new TemplateSet());
  set->types_ = std::make_unique<TypeRegistry>(resolver);
  util::Sha256 fingerprint;
  std::vector<std::string> errors;
  // Types first: any template may use a type declared in any file.
  std::map<std::string, SourcePos> type_origin;
  std::map<std::string, std::string> type_file_digest;  // type name -> SHA-256 of the file declaring it
  std::vector<std::string> file_digests;                // parallel to *files
  for (TemplateFile& file : *files) {
    errors.insert(errors.end(), file.errors.begin(), file.errors.end());
    const std::string base_name = file.display_path.substr(file.display_path.find_last_of('/') + 1);
    fingerprint.Update(base_name);
    fingerprint.Update(file.contents);
    file_digests.push_back(util::Sha256Hex(std::to_string(base_name.size()) + ":" + base_name + file.contents));
    for (size_t i = 0; i < file.types.size(); ++i) {
      const std::string name = file.types[i]->name();
      const SourcePos& pos = file.type_positions[i];
      if (auto it = type_origin.find(name); it != type_origin.end() && notices != nullptr) {
        notices->push_back({Diagnostic::Severity::kNotice, pos.file, pos.line,
                            "type '" + name + "' replaces the one defined at " + it->second.ToString()});
      }
      type_origin[name] = pos;
      type_file_digest[name] = file_digests.back();
      set->types_->Add(std::move(file.types[i]));
    }
  }
  // Templates: a later folder overrides an earlier one; one folder must not repeat an id.
  std::map<std::string, std::pair<size_t, size_t>> by_id;  // id -> (index in templates, folder)
  for (size_t f = 0; f < files->size(); ++f) {
    TemplateFile& file = (*files)[f];
    if (!file.tmpl) continue;
    ClaimTemplate& spec = *file.tmpl;
    CompiledTemplate compiled;
    bool ok = true;
    if (spec.id.empty() || spec.value_type.empty()) continue;  // already reported by the loader
    if (spec.value_type != "event" && set->types_->Find(spec.value_type) == nullptr) {
      errors.push_back(spec.value_pos.ToString() + ": value type '" + spec.value_type + "' is not defined; expected a type " +
                       "declared under [types] or one of person, organisation, actor, place, date, quote, event");
      ok = false;
    }
    if (!spec.since.empty()) {
      const auto* quantity = dynamic_cast<const QuantitySlotType*>(set->types_->Find(spec.value_type));
      if (quantity == nullptr || DaysPerUnit(quantity->spec().base_unit) <= 0) {
        errors.push_back(spec.since_pos.ToString() + ": 'since' needs a value type that is a quantity in years, months, " +
                         "weeks or days; '" + spec.value_type + "' is not");
        ok = false;
      }
    }
    for (const RoleSpec& role : spec.roles) {
      const SlotType* type = set->types_->Find(role.type);
      if (type == nullptr || !type->names_entities()) {
        errors.push_back(role.pos.ToString() + ": role '" + role.name + "' has type '" + role.type +
                         "'; roles take person, organisation, actor or place");
        ok = false;
      }
    }
    if (spec.patterns.size() > kMaxPatternsPerTemplate) {
      errors.push_back(spec.pos.ToString() + ": " + std::to_string(spec.patterns.size()) +
                       " patterns; the limit is " + std::to_string(kMaxPatternsPerTemplate) + " per template");
      ok = false;
    }
    if (ok) {
      for (const PatternSpec& p : spec.patterns) {
        auto pattern = CompilePattern(p, spec, *set->types_);
        if (!pattern.ok()) {
          errors.push_back(pattern.status().message());
          continue;
        }
        compiled.patterns.push_back(std::move(pattern).value());
      }
    }
    compiled.fingerprint = TemplateFingerprint(file_digests[f], spec, compiled.patterns, type_file_digest);
    compiled.hedged = CompileCues(spec.hedged);
    compiled.negated = CompileCues(spec.negated);
    compiled.exclude = CompileCues(spec.exclude);
    const size_t folder = folder_of_file[f];
    auto existing = by_id.find(spec.id);
    if (existing != by_id.end()) {
      CompiledTemplate& previous = set->templates_[existing->second.first];
      if (existing->second.second == folder) {
        errors.push_back(spec.pos.ToString() + ": duplicate template id '" + spec.id + "' (also defined at " +
                         previous.spec.pos.ToString() + ")");
        continue;
      }
      if (notices != nullptr) {
        notices->push_back({Diagnostic::Severity::kNotice, spec.pos.file, spec.pos.line,
                            "template '" + spec.id + "' overrides the one from " + previous.spec.file});
      }
      compiled.spec = std::move(spec);
      previous = std::move(compiled);
      existing->second.second = folder;
      continue;
    }
    compiled.spec = std::move(spec);
    by_id[compiled.spec.id] = {set->templates_.size(), folder};
    set->templates_.push_back(std::move(compiled));
  }
  if (!errors.empty()) {
    std::string joined;
    for (const auto& e : errors) joined += (joined.empty() ? "" : "\n") + e;
    return Status::InvalidInput(joined);
  }
  set->fingerprint_ = fingerprint.HexDigest();
  return set;
}

}  // namespace crosscheck::extract
