// SubjectLinker: groups claims into subjects.
//
// A subject is a claim kind ("call") plus its canonical participants, plus
// its time where known. Claims of one kind whose participants overlap merge:
// one participant set contains the other, or they share at least two people.
// One shared person is not enough: Trump's call with Putin and his call with
// Zelensky stay apart. A claim naming a single participant joins the one
// subject that contains it, or stands alone when that is ambiguous. Claims
// whose known dates lie more than a week apart never merge. Places relate by
// containment: a subject "in Iran" joins the one subject in a place inside
// Iran ("Bam"), and stands apart when there are several (Bam and Ahar are two
// earthquakes). Work is per subject kind and per participant, never over all
// pairs of claims.
#pragma once

#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "knowledge/gazetteer.h"
#include "link/subject_graph.h"

namespace crosscheck::link {

// What the linker needs to know of each template.
struct TemplateRules {
  std::string subject_kind;
  std::string label;                  // e.g. "call between {participants}"
  std::set<std::string> non_identifying_roles;
};

// What the linker reads of a claim: no evidence, value text or offsets, so
// that the claims of one subject kind can be linked without loading them whole.
struct LinkClaim {
  int64_t id = 0;       // the store's claim row id (SourcedClaim::id)
  size_t index = 0;     // its position among the claims given to LinkSubjects
  std::string template_id;
  std::string subject_kind;
  std::vector<RoleFiller> roles;  // role, entity and entity kind (mention and via are left out)
  std::string time;     // ISO date, resolved
  // For the subject graph's vertices only.
  std::string graph_id;  // StableClaimId
  std::string display;   // the value as shown
  std::string path;
  std::string outlet;
};

// `index` is the claim's position in the caller's list. Without `graph_fields`
// the fields only the subject graph's vertices use are left empty: a caller
// that keeps no graph then holds about half the memory per claim, which
// counts when one subject kind has a million claims.
LinkClaim ToLinkClaim(const SourcedClaim& claim, size_t index, bool graph_fields = true);

// Claims of one template about one subject: the unit a verdict is given to.
struct SubjectGroup {
  Subject subject;
  std::string template_id;
  std::vector<size_t> claims;      // the claims' LinkClaim::index (for LinkSubjects: indices into its input), in input order
  std::vector<int64_t> claim_ids;  // the same claims' store row ids (SourcedClaim::id), in the same order
};

struct LinkResult {
  SubjectGraph graph;
  std::vector<SubjectGroup> groups;  // sorted by template id, then subject id
  size_t subjects = 0;
};

// Claims whose dates differ by more than this are about different events.
inline constexpr int kMaxSameEventDays = 7;

// Links claims one subject kind at a time: claims of one kind never join
// another kind's subjects, so each kind's claims can be loaded, linked and let
// go before the next. LinkSubjects below does the same on claims in memory.
class SubjectLinker {
 public:
  // `places` (may be null) relates place participants by containment;
  // `place_names` are the places any claim to be linked names, of any kind.
  // The graph holds at most `max_graph_vertices` (see SubjectGraph::overflowed).
  SubjectLinker(const std::map<std::string, TemplateRules>& rules, const knowledge::Gazetteer* places,
                std::set<std::string> place_names, size_t max_graph_vertices = std::numeric_limits<size_t>::max());

  // The kind a claim is linked under: its template's subject kind, else its own.
  static std::string KindOf(const std::map<std::string, TemplateRules>& rules, const std::string& template_id,
                            const std::string& subject_kind);

  // Links every claim of `kind`, in input order. Kinds come in ascending order, each once.
  void LinkKind(const std::string& kind, const std::vector<LinkClaim>& claims);
  LinkResult Finish();

 private:
  const std::map<std::string, TemplateRules>& rules_;
  const knowledge::Gazetteer* places_;
  std::set<std::string> place_names_;
  std::set<std::string> taken_ids_;  // subject ids given so far
  LinkResult result_;
};

// `places` (may be null) relates place participants by containment. The
// graph holds at most `max_graph_vertices` (see SubjectGraph::overflowed).
LinkResult LinkSubjects(const std::vector<SourcedClaim>& claims, const std::map<std::string, TemplateRules>& rules,
                        const knowledge::Gazetteer* places = nullptr,
                        size_t max_graph_vertices = std::numeric_limits<size_t>::max());

// "donald-trump+vladimir-putin"
std::string Slug(const std::string& text);

}  // namespace crosscheck::link
