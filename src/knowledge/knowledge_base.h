// KnowledgeBase: everything crosscheck knows about the world before reading
// a corpus, loaded from TOML files under one or more knowledge folders:
//   [[place]]          gazetteer entries with containment      (gazetteer.h)
//   [[person]]         people and their aliases                (entity_catalog.h)
//   [[organisation]]   organisations and their aliases
//   offices, modifiers words that precede a name and are not part of it
//   honorifics, former, office_modifiers, [[office]]
//                      how titles read as offices (the person_title claims)
//   given_names        first names, to recognise people nobody listed
//   drop_lines, end_markers   boilerplate rules for ingest    (ingest/boilerplate_filter.h)
// Later folders add to earlier ones. Immutable after loading.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "crosscheck/status.h"
#include "knowledge/entity_catalog.h"
#include "knowledge/gazetteer.h"

namespace crosscheck::knowledge {

// A regular expression from a knowledge file, with where it was written.
struct SourcedPattern {
  std::string pattern;
  std::string where;  // "file:line:column"
};

// One office under all the names articles give it: "Secretary of Defense" is
// also "Defense Secretary". Titles compare by this name.
struct OfficeNames {
  std::string name;                  // the canonical name reports show
  std::vector<std::string> aliases;  // other names of the same office
};

class KnowledgeBase {
 public:
  // Reads every *.toml file below each folder (sorted, recursively). Errors in
  // any file are collected and returned together as `file:line:column: message`.
  static Result<KnowledgeBase> Load(const std::vector<std::filesystem::path>& folders);

  const Gazetteer& places() const { return places_; }
  const EntityCatalog& entities() const { return entities_; }
  const std::vector<std::string>& offices() const { return offices_; }
  const std::vector<std::string>& modifiers() const { return modifiers_; }
  // Titles that address a person without naming an office ("Mr.", "Dr.").
  const std::vector<std::string>& honorifics() const { return honorifics_; }
  // Modifiers saying the office is no longer held ("former", "ex-").
  const std::vector<std::string>& former() const { return former_; }
  // Modifiers that belong to the office they precede ("Deputy", "Acting").
  const std::vector<std::string>& office_modifiers() const { return office_modifiers_; }
  const std::vector<OfficeNames>& office_names() const { return office_names_; }
  const std::vector<std::string>& given_names() const { return given_names_; }
  bool IsGivenName(const std::string& word) const { return given_name_set_.count(word) > 0; }
  const std::vector<SourcedPattern>& drop_lines() const { return drop_lines_; }
  const std::vector<SourcedPattern>& end_markers() const { return end_markers_; }
  // SHA-256 over the files' paths and contents: a stored extraction made with
  // another fingerprint is stale.
  const std::string& fingerprint() const { return fingerprint_; }
  const std::vector<std::string>& files() const { return files_; }

  // For tests and tools that build knowledge in memory.
  Gazetteer& mutable_places() { return places_; }
  EntityCatalog& mutable_entities() { return entities_; }
  void AddOffices(const std::vector<std::string>& offices);
  void AddOfficeNames(OfficeNames names);
  void AddGivenNames(const std::vector<std::string>& names);

 private:
  Gazetteer places_;
  EntityCatalog entities_;
  std::vector<std::string> offices_;
  std::vector<std::string> modifiers_;
  std::vector<std::string> honorifics_;
  std::vector<std::string> former_;
  std::vector<std::string> office_modifiers_;
  std::vector<OfficeNames> office_names_;
  std::vector<std::string> given_names_;
  std::unordered_set<std::string> given_name_set_;
  std::vector<SourcedPattern> drop_lines_;
  std::vector<SourcedPattern> end_markers_;
  std::string fingerprint_;
  std::vector<std::string> files_;
};

// Lists *.toml files below `folder`, sorted, following no symlinked folders.
std::vector<std::filesystem::path> ListTomlFiles(const std::filesystem::path& folder);

// How a path is shown in messages: relative to the working folder when below it.
std::string DisplayPath(const std::filesystem::path& path);

}  // namespace crosscheck::knowledge
