#include "knowledge/gazetteer.h"

#include <algorithm>
#include <array>

namespace crosscheck::knowledge {
namespace {

constexpr std::array<std::pair<std::string_view, PlaceKind>, 8> kKinds = {{
    {"continent", PlaceKind::kContinent},
    {"region", PlaceKind::kRegion},
    {"country", PlaceKind::kCountry},
    {"territory", PlaceKind::kTerritory},
    {"state", PlaceKind::kState},
    {"province", PlaceKind::kProvince},
    {"county", PlaceKind::kCounty},
    {"city", PlaceKind::kCity},
}};

// Which of several places sharing a name a bare mention most likely means.
int Rank(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return 0;
    case PlaceKind::kContinent: return 1;
    case PlaceKind::kState: return 2;
    case PlaceKind::kProvince: return 3;
    case PlaceKind::kTerritory: return 4;
    case PlaceKind::kRegion: return 5;
    case PlaceKind::kCity: return 6;
    case PlaceKind::kCounty: return 7;
  }
  return 8;
}

}  // namespace

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view PlaceKindName(PlaceKind kind) {
  for (const auto& [name, k] : kKinds) {
    if (k == kind) return name;
  }
  return "place";
}

bool ParsePlaceKind(std::string_view name, PlaceKind* kind) {
  for (const auto& [n, k] : kKinds) {
    if (n == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

bool Gazetteer::Add(Place place, std::string parent_id) {
  if (by_id_.count(place.id) > 0) return false;
  const int index = static_cast<int>(places_.size());
  by_id_.emplace(place.id, index);
  auto add_name = [&](const std::string& name) {
    auto& list = by_name_[LowerAscii(name)];
    if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
  };
  add_name(place.name);
  for (const std::string& alias : place.aliases) add_name(alias);
  for (const std::string& demonym : place.demonyms) by_demonym_.emplace(LowerAscii(demonym), index);
  places_.push_back(std::move(place));
  parent_ids_.push_back(std::move(parent_id));
  return true;
}

std::vector<std::string> Gazetteer::Link() {
  std::vector<std::string> unresolved;
  for (size_t i = 0; i < places_.size(); ++i) {
    if (parent_ids_[i].empty()) continue;
    int parent = FindById(parent_ids_[i]);
    if (parent == kNone) {
      unresolved.push_back(parent_ids_[i]);
      continue;
    }
    places_[i].parent = parent;
  }
  // A cycle in `in` would make Lineage loop: break it at the place that closes it.
  for (size_t i = 0; i < places_.size(); ++i) {
    int slow = static_cast<int>(i);
    size_t steps = 0;
    while (slow != kNone && steps <= places_.size()) {
      slow = places_[static_cast<size_t>(slow)].parent;
      ++steps;
    }
    if (steps > places_.size()) {
      unresolved.push_back(places_[i].id + " (containment cycle)");
      places_[i].parent = kNone;
    }
  }
  for (auto& [name, list] : by_name_) {
    std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
      return Rank(places_[static_cast<size_t>(a)].kind) < Rank(places_[static_cast<size_t>(b)].kind);
    });
  }
  return unresolved;
}

int Gazetteer::Find(std::string_view name) const {
  auto it = by_name_.find(LowerAscii(name));
  if (it == by_name_.end() || it->second.empty()) return kNone;
  return it->second.front();
}

std::vector<int> Gazetteer::FindAll(std::string_view name) const {
  auto it = by_name_.find(LowerAscii(name));
  return it == by_name_.end() ? std::vector<int>{} : it->second;
}

int Gazetteer::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? kNone : it->second;
}

int Gazetteer::FindByDemonym(std::string_view demonym) const {
  auto it = by_demonym_.find(LowerAscii(demonym));
  return it == by_demonym_.end() ? kNone : it->second;
}

bool Gazetteer::IsWithin(int inner, int outer) const {
  if (inner == kNone || outer == kNone) return false;
  for (int p = place(inner).parent; p != kNone; p = place(p).parent) {
    if (p == outer) return true;
  }
  return false;
}

std::vector<int> Gazetteer::Lineage(int index) const {
  std::vector<int> out;
  for (int p = index; p != kNone; p = place(p).parent) out.push_back(p);
  return out;
}

std::vector<std::string> Gazetteer::AllNames() const {
  std::vector<std::string> out;
  for (const Place& p : places_) {
    out.push_back(p.name);
    out.insert(out.end(), p.aliases.begin(), p.aliases.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Gazetteer::AllDemonyms() const {
  std::vector<std::string> out;
  for (const Place& p : places_) out.insert(out.end(), p.demonyms.begin(), p.demonyms.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace crosscheck::knowledge
