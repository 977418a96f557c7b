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
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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

// Strings many claims share (template ids, kinds, roles, names, dates), each
// held once: a claim of a million in one subject kind then holds views, not copies.
class SharedStrings {
 public:
  std::string_view Intern(std::string_view text);

 private:
  std::set<std::string, std::less<>> strings_;  // nodes never move: views stay valid
};

// A role of a claim as linking reads it, viewing strings of a SharedStrings.
struct LinkRole {
  std::string_view role;
  std::string_view entity;       // canonical name
  std::string_view entity_kind;  // "person", "organisation" or "place"
};

// What only the subject graph's vertices read of a claim.
struct LinkGraphFields {
  std::string graph_id;  // StableClaimId
  std::string display;   // the value as shown
  std::string_view path;
  std::string_view outlet;
};

// What the linker reads of a claim: no evidence, value text or offsets, so
// that the claims of one subject kind can be linked without loading them
// whole. Its strings are views of the SharedStrings given to ToLinkClaim.
struct LinkClaim {
  int64_t id = 0;       // the store's claim row id (SourcedClaim::id)
  size_t index = 0;     // its position among the claims given to LinkSubjects
  std::string_view template_id;
  std::string_view subject_kind;
  std::string_view time;  // ISO date, resolved
  std::vector<LinkRole> roles;  // mention and via are left out
  std::unique_ptr<LinkGraphFields> graph;  // null unless the subject graph is kept
  // Later claims identical to this one in all linking reads, folded into it
  // (LinkClaimFolder): their row ids and indices, by ascending index.
  std::vector<std::pair<int64_t, size_t>> folded;
};

// Collects one kind's claims for SubjectLinker::LinkKind, folding each claim
// into an earlier one identical in all that linking reads (template, kind,
// time, roles): a kind with a million claims of a few thousand distinct
// kinds then holds a LinkClaim per distinct claim and 16 bytes for each
// other. Linking gives the same groups either way. Claims with graph fields
// are never folded: each is a vertex of its own.
class LinkClaimFolder {
 public:
  void Add(LinkClaim claim);
  std::vector<LinkClaim>& claims() { return claims_; }

 private:
  std::vector<LinkClaim> claims_;
  std::unordered_map<std::string, size_t> by_key_;  // the views' addresses -> position in claims_
};

// `index` is the claim's position in the caller's list; `strings` must
// outlive the result. Without `graph_fields` the fields only the subject
// graph's vertices use are left out: a caller that keeps no graph then holds
// far less memory per claim, which counts when one subject kind has a
// million claims.
LinkClaim ToLinkClaim(const SourcedClaim& claim, size_t index, SharedStrings* strings, bool graph_fields = true);

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
