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

// Claims of one template about one subject: the unit a verdict is given to.
struct SubjectGroup {
  Subject subject;
  std::string template_id;
  std::vector<size_t> claims;  // indices into the linked claims, in input order
};

struct LinkResult {
  SubjectGraph graph;
  std::vector<SubjectGroup> groups;  // sorted by template id, then subject id
  size_t subjects = 0;
};

// Claims whose dates differ by more than this are about different events.
inline constexpr int kMaxSameEventDays = 7;

// `places` (may be null) relates place participants by containment. The
// graph holds at most `max_graph_vertices` (see SubjectGraph::overflowed).
LinkResult LinkSubjects(const std::vector<SourcedClaim>& claims, const std::map<std::string, TemplateRules>& rules,
                        const knowledge::Gazetteer* places = nullptr,
                        size_t max_graph_vertices = std::numeric_limits<size_t>::max());

// "donald-trump+vladimir-putin"
std::string Slug(const std::string& text);

}  // namespace crosscheck::link
