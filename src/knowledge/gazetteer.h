// Gazetteer: places with containment (Brussels in Belgium in Europe).
//
// Places come from knowledge/**/*.toml `[[place]]` tables. Each has an id
// (the name unless it is ambiguous), a kind and the id of the place it lies in;
// the tree answers "is Riyadh in Saudi Arabia?" for the place comparator.
// Immutable after loading, so safe to share across threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::knowledge {

enum class PlaceKind { kContinent, kRegion, kCountry, kTerritory, kState, kProvince, kCounty, kCity };

std::string_view PlaceKindName(PlaceKind kind);
bool ParsePlaceKind(std::string_view name, PlaceKind* kind);

struct Place {
  std::string id;    // unique; equals name unless the name is shared
  std::string name;  // canonical English name, used in reports
  PlaceKind kind = PlaceKind::kCity;
  int parent = -1;   // index of the containing place, -1 for a root
  std::vector<std::string> aliases;
  std::vector<std::string> demonyms;
};

class Gazetteer {
 public:
  static constexpr int kNone = -1;

  // Adds a place; `parent_id` is resolved by Link() once every file is read.
  // Returns false when the id is already taken.
  bool Add(Place place, std::string parent_id);
  // Resolves parent ids. Returns the ids that could not be resolved.
  std::vector<std::string> Link();

  // The place a name or alias denotes (case-insensitive), preferring countries
  // over states over cities when a name is shared; kNone when unknown.
  int Find(std::string_view name) const;
  // Every place a name or alias denotes, best first; empty when unknown.
  std::vector<int> FindAll(std::string_view name) const;
  int FindById(std::string_view id) const;
  // Index of the country whose demonym this is ("Russian" -> Russia), or kNone.
  int FindByDemonym(std::string_view demonym) const;
  const Place& place(int index) const { return places_[static_cast<size_t>(index)]; }
  size_t size() const { return places_.size(); }

  // True when `inner` lies inside `outer` (strictly).
  bool IsWithin(int inner, int outer) const;
  // Place, parent, grandparent... up to the root.
  std::vector<int> Lineage(int index) const;
  // Every name, alias and demonym, for building matchers.
  std::vector<std::string> AllNames() const;
  std::vector<std::string> AllDemonyms() const;

 private:
  std::vector<Place> places_;
  std::vector<std::string> parent_ids_;
  std::unordered_map<std::string, int> by_id_;
  std::unordered_map<std::string, std::vector<int>> by_name_;  // lower-cased name or alias
  std::unordered_map<std::string, int> by_demonym_;
};

// Lower-cases ASCII letters; matching keys for names and aliases.
std::string LowerAscii(std::string_view text);

}  // namespace crosscheck::knowledge
