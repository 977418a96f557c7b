#include "knowledge/entity_catalog.h"

#include <algorithm>

namespace crosscheck::knowledge {

std::string EntityCatalog::Key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (char c : name) {
    if (c == '.' || c == ' ' || c == '-' || c == '\n') continue;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

int EntityCatalog::Add(Entity entity) {
  for (size_t i = 0; i < entities_.size(); ++i) {
    Entity& existing = entities_[i];
    if (existing.kind == entity.kind && existing.name == entity.name) {
      for (std::string& alias : entity.aliases) {
        if (std::find(existing.aliases.begin(), existing.aliases.end(), alias) == existing.aliases.end()) {
          auto& list = by_key_[Key(alias)];
          if (std::find(list.begin(), list.end(), static_cast<int>(i)) == list.end()) list.push_back(static_cast<int>(i));
          existing.aliases.push_back(std::move(alias));
        }
      }
      if (existing.country.empty()) existing.country = entity.country;
      return static_cast<int>(i);
    }
  }
  const int index = static_cast<int>(entities_.size());
  by_key_[Key(entity.name)].push_back(index);
  for (const std::string& alias : entity.aliases) {
    auto& list = by_key_[Key(alias)];
    if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
  }
  entities_.push_back(std::move(entity));
  return index;
}

int EntityCatalog::Find(std::string_view name) const {
  auto it = by_key_.find(Key(name));
  // A name shared by two entities names neither: guessing would merge subjects wrongly.
  if (it == by_key_.end() || it->second.size() != 1) return kNone;
  return it->second.front();
}

int EntityCatalog::Find(std::string_view name, EntityKind kind) const {
  auto it = by_key_.find(Key(name));
  if (it == by_key_.end()) return kNone;
  int found = kNone;
  for (int index : it->second) {
    if (entities_[static_cast<size_t>(index)].kind != kind) continue;
    if (found != kNone) return kNone;
    found = index;
  }
  return found;
}

std::vector<std::string> EntityCatalog::AllNames(EntityKind kind) const {
  std::vector<std::string> out;
  for (const Entity& e : entities_) {
    if (e.kind != kind) continue;
    out.push_back(e.name);
    out.insert(out.end(), e.aliases.begin(), e.aliases.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace crosscheck::knowledge
