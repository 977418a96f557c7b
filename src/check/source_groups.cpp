#include "check/source_groups.h"

#include <algorithm>
#include <map>
#include <string>

namespace crosscheck::check {

std::vector<size_t> SourceGroups(const std::vector<SourcedClaim>& claims, const SourceClusters* clusters) {
  std::vector<size_t> parent(claims.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::map<std::string, size_t> first_of;  // "o:<outlet>" or "s:<source>" -> first claim with it
  for (size_t i = 0; i < claims.size(); ++i) {
    std::vector<std::string> keys = {"o:" + claims[i].source.outlet};
    if (clusters != nullptr) keys.push_back("s:" + clusters->SourceOf(claims[i].source.path));
    for (const std::string& key : keys) {
      auto [it, inserted] = first_of.emplace(key, i);
      if (!inserted) {
        const size_t a = find(i), b = find(it->second);
        parent[std::max(a, b)] = std::min(a, b);
      }
    }
  }
  std::map<size_t, size_t> numbered;  // root -> dense group number, in claim order
  std::vector<size_t> groups(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) groups[i] = numbered.emplace(find(i), numbered.size()).first->second;
  return groups;
}

}  // namespace crosscheck::check
