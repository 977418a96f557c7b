// EntityCatalog: people and organisations with their aliases, so that
// "Zelensky", "Zelenskyy" and "Volodymyr Zelensky" are one entity.
// Immutable after loading, so safe to share across threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::knowledge {

enum class EntityKind { kPerson, kOrganisation };

struct Entity {
  std::string name;  // canonical name, used in reports and subject ids
  EntityKind kind = EntityKind::kPerson;
  std::vector<std::string> aliases;
  std::string country;  // place id, may be empty
};

class EntityCatalog {
 public:
  static constexpr int kNone = -1;

  // Adds an entity, or merges its aliases into an existing one of the same
  // name and kind. Returns the entity's index.
  int Add(Entity entity);
  // The entity a name denotes, ignoring case, dots, spaces and hyphens
  // ("J.D. Vance" = "JD Vance"); kNone when unknown.
  int Find(std::string_view name) const;
  int Find(std::string_view name, EntityKind kind) const;
  const Entity& entity(int index) const { return entities_[static_cast<size_t>(index)]; }
  size_t size() const { return entities_.size(); }
  // Every name and alias of entities of `kind`, for building matchers.
  std::vector<std::string> AllNames(EntityKind kind) const;

  // The lookup key of a name: lower case without dots, spaces or hyphens.
  static std::string Key(std::string_view name);

 private:
  std::vector<Entity> entities_;
  std::unordered_map<std::string, std::vector<int>> by_key_;
};

}  // namespace crosscheck::knowledge
