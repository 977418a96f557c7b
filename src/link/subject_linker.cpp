#include "link/subject_linker.h"

#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "extract/date_parser.h"

namespace crosscheck::link {
namespace {

using Names = std::vector<std::string>;  // sorted, unique

bool IsSubset(const Names& a, const Names& b) { return std::includes(b.begin(), b.end(), a.begin(), a.end()); }

size_t CommonCount(const Names& a, const Names& b) {
  size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

bool TimesCompatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  auto da = extract::IsoToDays(a);
  auto db = extract::IsoToDays(b);
  if (!da || !db) return true;
  return std::abs(*da - *db) <= kMaxSameEventDays;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// A set of claims with identical identifying participants.
struct KeyGroup {
  Names participants;
  std::string time;
  std::vector<size_t> claims;
  size_t weight = 0;  // how many claims, folded ones (LinkClaim::folded) included
};

}  // namespace

std::string Slug(const std::string& text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out.push_back('-');
      out.push_back(static_cast<char>(std::tolower(c)));
      dash = false;
    } else if (c >= 0x80) {
      if (dash && !out.empty()) out.push_back('-');
      out.push_back(static_cast<char>(c));  // keep non-ASCII letters as they are
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "unnamed" : out;
}

std::string_view SharedStrings::Intern(std::string_view text) {
  auto it = strings_.find(text);
  if (it == strings_.end()) it = strings_.emplace(text).first;
  return *it;
}

LinkClaim ToLinkClaim(const SourcedClaim& claim, size_t index, SharedStrings* strings, bool graph_fields) {
  LinkClaim c;
  c.id = claim.id;
  c.index = index;
  c.template_id = strings->Intern(claim.claim.template_id);
  c.subject_kind = strings->Intern(claim.claim.subject_kind);
  c.time = strings->Intern(claim.claim.time);
  c.roles.reserve(claim.claim.roles.size());
  for (const RoleFiller& f : claim.claim.roles) {
    c.roles.push_back({strings->Intern(f.role), strings->Intern(f.entity), strings->Intern(f.entity_kind)});
  }
  if (!graph_fields) return c;
  c.graph = std::make_unique<LinkGraphFields>();
  c.graph->graph_id = StableClaimId(claim);
  c.graph->display = claim.claim.value.display;
  c.graph->path = strings->Intern(claim.source.path);
  c.graph->outlet = strings->Intern(claim.source.outlet);
  return c;
}

void LinkClaimFolder::Add(LinkClaim claim) {
  if (claim.graph != nullptr) {
    claims_.push_back(std::move(claim));
    return;
  }
  // Interned views are equal exactly when their addresses and sizes are.
  std::string key;
  auto add = [&key](std::string_view v) {
    const char* data = v.data();
    const size_t size = v.size();
    key.append(reinterpret_cast<const char*>(&data), sizeof data);
    key.append(reinterpret_cast<const char*>(&size), sizeof size);
  };
  add(claim.template_id);
  add(claim.subject_kind);
  add(claim.time);
  for (const LinkRole& r : claim.roles) {
    add(r.role);
    add(r.entity);
    add(r.entity_kind);
  }
  auto [it, added] = by_key_.try_emplace(std::move(key), claims_.size());
  if (added) {
    claims_.push_back(std::move(claim));
  } else {
    claims_[it->second].folded.emplace_back(claim.id, claim.index);
  }
}

SubjectLinker::SubjectLinker(const std::map<std::string, TemplateRules>& rules, const knowledge::Gazetteer* places,
                             std::set<std::string> place_names, size_t max_graph_vertices)
    : rules_(rules), places_(places), place_names_(std::move(place_names)), result_{SubjectGraph(max_graph_vertices), {}, 0} {}

std::string SubjectLinker::KindOf(const std::map<std::string, TemplateRules>& rules, const std::string& template_id,
                                  const std::string& subject_kind) {
  auto rule = rules.find(template_id);
  return rule != rules.end() ? rule->second.subject_kind : subject_kind;
}

LinkResult SubjectLinker::Finish() {
  std::sort(result_.groups.begin(), result_.groups.end(), [](const SubjectGroup& a, const SubjectGroup& b) {
    return a.template_id != b.template_id ? a.template_id < b.template_id : a.subject.id < b.subject.id;
  });
  return std::move(result_);
}

LinkResult LinkSubjects(const std::vector<SourcedClaim>& claims, const std::map<std::string, TemplateRules>& rules,
                        const knowledge::Gazetteer* places, size_t max_graph_vertices) {
  // Place participants, by name, for containment.
  std::set<std::string> place_names;
  for (const SourcedClaim& c : claims) {
    for (const RoleFiller& f : c.claim.roles) {
      if (f.entity_kind == "place") place_names.insert(f.entity);
    }
  }
  SharedStrings strings;
  std::map<std::string, std::vector<LinkClaim>> by_kind;
  for (size_t i = 0; i < claims.size(); ++i) {
    by_kind[SubjectLinker::KindOf(rules, claims[i].claim.template_id, claims[i].claim.subject_kind)].push_back(
        ToLinkClaim(claims[i], i, &strings));
  }
  SubjectLinker linker(rules, places, std::move(place_names), max_graph_vertices);
  for (const auto& [kind, kind_claims] : by_kind) linker.LinkKind(kind, kind_claims);
  return linker.Finish();
}

void SubjectLinker::LinkKind(const std::string& kind, const std::vector<LinkClaim>& claims) {
  const auto& rules = rules_;
  // True when `inner` is a place strictly inside the place `outer`.
  auto inside = [&](const std::string& inner, const std::string& outer) {
    if (places_ == nullptr || !place_names_.count(inner) || !place_names_.count(outer)) return false;
    return places_->IsWithin(places_->FindById(inner), places_->FindById(outer));
  };
  // Identical participant sets first, then merges between sets.
  std::map<std::pair<Names, std::string>, KeyGroup> key_groups;
  for (size_t i = 0; i < claims.size(); ++i) {
    const LinkClaim& c = claims[i];
    auto rule = rules.find(std::string(c.template_id));
    Names names;
    for (const LinkRole& f : c.roles) {
      if (rule != rules.end() && rule->second.non_identifying_roles.count(std::string(f.role)) > 0) continue;
      names.emplace_back(f.entity);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    KeyGroup& g = key_groups[{names, std::string(c.time)}];
    g.participants = names;
    g.time = c.time;
    g.claims.push_back(i);
    g.weight += 1 + c.folded.size();
  }
  LinkResult& result = result_;
  std::set<std::string>& taken_ids = taken_ids_;
  {
    std::vector<KeyGroup*> groups;
    for (auto& [key, g] : key_groups) groups.push_back(&g);
    const size_t n = groups.size();
    std::vector<size_t> rank(n), parent(n);
    boost::disjoint_sets<size_t*, size_t*> sets(rank.data(), parent.data());
    for (size_t i = 0; i < n; ++i) sets.make_set(i);
    // Multi-participant sets: compare only sets sharing a participant.
    std::unordered_map<std::string, std::vector<size_t>> by_participant;
    for (size_t i = 0; i < n; ++i) {
      if (groups[i]->participants.size() < 2) continue;
      std::vector<size_t> candidates;
      for (const std::string& p : groups[i]->participants) {
        for (size_t j : by_participant[p]) candidates.push_back(j);
        by_participant[p].push_back(i);
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (size_t j : candidates) {
        const Names& a = groups[i]->participants;
        const Names& b = groups[j]->participants;
        if ((IsSubset(a, b) || IsSubset(b, a) || CommonCount(a, b) >= 2) && TimesCompatible(groups[i]->time, groups[j]->time)) {
          sets.union_set(i, j);
        }
      }
    }
    // Components of multi-participant sets and their union of participants.
    std::map<size_t, Names> component_names;
    for (size_t i = 0; i < n; ++i) {
      if (groups[i]->participants.size() < 2) continue;
      Names& names = component_names[sets.find_set(i)];
      names.insert(names.end(), groups[i]->participants.begin(), groups[i]->participants.end());
    }
    for (auto& [root, names] : component_names) {
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
    }
    // Known dates of each multi-participant component, to keep other dates out.
    std::map<size_t, std::vector<std::string>> component_times;
    for (size_t i = 0; i < n; ++i) {
      if (groups[i]->participants.size() >= 2 && !groups[i]->time.empty()) {
        component_times[sets.find_set(i)].push_back(groups[i]->time);
      }
    }
    auto fits = [&](const std::string& time, const std::vector<std::string>& times) {
      return std::all_of(times.begin(), times.end(), [&](const std::string& t) { return TimesCompatible(time, t); });
    };
    // A single participant joins the one component naming it (at a compatible
    // date); otherwise it stays apart.
    std::vector<size_t> lone;
    for (size_t i = 0; i < n; ++i) {
      if (groups[i]->participants.size() != 1) continue;
      const std::string& who = groups[i]->participants.front();
      std::vector<size_t> homes;
      for (const auto& [root, names] : component_names) {
        if (std::binary_search(names.begin(), names.end(), who) && fits(groups[i]->time, component_times[root])) {
          homes.push_back(root);
        }
      }
      if (homes.size() == 1) {
        sets.union_set(i, homes.front());
      } else {
        lone.push_back(i);
      }
    }
    // Lone single participants merge with each other when their dates allow.
    std::map<std::string, std::vector<size_t>> lone_by_name;
    for (size_t i : lone) {
      auto& same_name = lone_by_name[groups[i]->participants.front()];
      for (size_t j : same_name) {
        if (TimesCompatible(groups[i]->time, groups[j]->time)) {
          sets.union_set(i, j);
          break;
        }
      }
      same_name.push_back(i);
    }
    // A place joins the one lone subject in a place inside it ("Iran" joins
    // "Bam"); with two or more candidates it names neither.
    for (const auto& [outer, outer_members] : lone_by_name) {
      std::vector<size_t> candidates;
      for (const auto& [inner, inner_members] : lone_by_name) {
        if (inside(inner, outer)) candidates.push_back(inner_members.front());
      }
      std::set<size_t> roots;
      for (size_t c : candidates) roots.insert(sets.find_set(c));
      if (roots.size() != 1) continue;
      const size_t target = *roots.begin();
      for (size_t m : outer_members) {
        if (TimesCompatible(groups[m]->time, groups[target]->time)) sets.union_set(m, target);
      }
    }

    // Emit one subject per component, and one group per template within it.
    std::map<size_t, std::vector<size_t>> members;  // root -> claim indices
    std::map<size_t, Names> names_of;
    std::map<size_t, std::map<std::string, int>> times_of;
    for (size_t i = 0; i < n; ++i) {
      const size_t root = sets.find_set(i);
      auto& list = members[root];
      list.insert(list.end(), groups[i]->claims.begin(), groups[i]->claims.end());
      Names& names = names_of[root];
      names.insert(names.end(), groups[i]->participants.begin(), groups[i]->participants.end());
      if (!groups[i]->time.empty()) times_of[root][groups[i]->time] += static_cast<int>(groups[i]->weight);
    }
    for (auto& [root, claim_indices] : members) {
      std::sort(claim_indices.begin(), claim_indices.end());
      Names names = names_of[root];
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
      Subject subject;
      subject.kind = kind;
      subject.participants = names;
      int best = 0;
      for (const auto& [time, count] : times_of[root]) {
        if (count > best) best = count, subject.time = time;
      }
      std::string slug;
      for (const std::string& name : names) slug += (slug.empty() ? "" : "+") + Slug(name);
      subject.id = kind + ":" + (slug.empty() ? "unspecified" : slug) + (subject.time.empty() ? "" : "@" + subject.time);
      // Names differing only in punctuation ("Shockley-Zalabak", "Shockley Zalabak") slug alike; ids stay unique.
      const std::string base_id = subject.id;
      for (int k = 2; !taken_ids.insert(subject.id).second; ++k) subject.id = base_id + "~" + std::to_string(k);

      std::map<std::string, std::vector<size_t>> by_template;
      for (size_t index : claim_indices) by_template[std::string(claims[index].template_id)].push_back(index);
      // The label follows the first template's format; {role} takes that role's fillers.
      const std::string& first_template = by_template.begin()->first;
      auto rule = rules.find(first_template);
      std::string label = rule != rules.end() ? rule->second.label : kind + " of {participants}";
      std::map<std::string, Names> role_names;
      for (size_t index : claim_indices) {
        for (const LinkRole& f : claims[index].roles) {
          Names& list = role_names[std::string(f.role)];
          if (std::find(list.begin(), list.end(), f.entity) == list.end()) list.emplace_back(f.entity);
        }
      }
      for (size_t pos; (pos = label.find('{')) != std::string::npos;) {
        size_t end = label.find('}', pos);
        if (end == std::string::npos) break;
        const std::string role = label.substr(pos + 1, end - pos - 1);
        const std::string text = role == "participants" ? JoinNames(names) : JoinNames(role_names[role]);
        label.replace(pos, end - pos + 1, text.empty() ? "unknown" : text);
      }
      subject.label = label;
      if (subject.time.size() == 10) subject.label += " (" + subject.time + ")";

      const Vertex subject_vertex = result.graph.Add(VertexKind::kSubject, subject.id, subject.label);
      for (const auto& [template_id, indices] : by_template) {
        SubjectGroup group;
        group.subject = subject;
        group.template_id = template_id;
        // Folded claims come back in their own places: by index, as if never folded.
        std::vector<std::pair<size_t, int64_t>> members_of_group;
        for (size_t index : indices) {
          members_of_group.emplace_back(claims[index].index, claims[index].id);
          for (const auto& [id, at] : claims[index].folded) members_of_group.emplace_back(at, id);
        }
        std::sort(members_of_group.begin(), members_of_group.end());
        group.claims.reserve(members_of_group.size());
        group.claim_ids.reserve(members_of_group.size());
        for (const auto& [at, id] : members_of_group) {
          group.claims.push_back(at);
          group.claim_ids.push_back(id);
        }
        for (size_t index : indices) {
          if (result.graph.overflowed()) break;
          const LinkClaim& lc = claims[index];
          if (lc.graph == nullptr) continue;  // the graph's fields were left out: no graph is kept
          const LinkGraphFields& g = *lc.graph;
          const Vertex claim =
              result.graph.Add(VertexKind::kClaim, g.graph_id, std::string(lc.template_id) + ": " + g.display);
          const Vertex document = result.graph.Add(VertexKind::kDocument, std::string(g.path), std::string(g.outlet));
          result.graph.Connect(claim, document, "from");
          result.graph.Connect(claim, subject_vertex, "about");
          for (const LinkRole& f : lc.roles) {
            const std::string entity_name(f.entity);
            const Vertex entity =
                result.graph.Add(VertexKind::kEntity, std::string(f.entity_kind) + ":" + entity_name, entity_name);
            result.graph.Connect(claim, entity, std::string(f.role));
          }
        }
        result.groups.push_back(std::move(group));
      }
      ++result.subjects;
    }
  }
}

}  // namespace crosscheck::link
