// Subject and Finding: what the claims are about, and the verdict on whether
// the outlets agree about it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/claim.h"
#include "crosscheck/document.h"

namespace crosscheck {

enum class Verdict {
  kAgree,         // every claim says the same value
  kCompatible,    // same fact at different precision, or a place and one containing it
  kConflict,      // some asserted values cannot both be true
  kSingleSource,  // only one outlet reports it
};
std::string_view VerdictName(Verdict verdict);

// How strong a conflict is. A weak conflict rests on a hedged claim ("could
// meet in Vienna") or on claims attributed to different parties ("the Kremlin
// said..." against "the White House said..."): a disagreement worth reading,
// but not a flat contradiction between outlets.
enum class ConflictStrength {
  kNone,  // not a conflict
  kFirm,
  kWeak,
};
std::string_view ConflictStrengthName(ConflictStrength strength);  // "", "firm", "weak"
bool ParseVerdict(std::string_view name, Verdict* verdict);

// The event or entity claims are about: a kind plus canonical participants,
// plus its time where known ("call between Donald Trump and Vladimir Putin").
struct Subject {
  std::string id;     // stable: "call:donald-trump+vladimir-putin"
  std::string kind;   // from the template, e.g. "call"
  std::string label;  // readable
  std::vector<std::string> participants;  // canonical names, sorted
  std::string time;   // ISO date when known
};

// A claim with the document it came from.
struct SourcedClaim {
  int64_t id = 0;            // row id in the store
  std::string document_hash; // content hash of the document
  DocumentSource source;     // path, outlet, url, published
  Claim claim;
};

// A claim's id in reports: stable across runs and stores
// ("<first 10 hex of the document hash>-<match start>-<template id>").
std::string StableClaimId(const SourcedClaim& claim);

// Two claims of one document about one subject that cannot both be true.
struct SelfContradiction {
  std::string document;  // path
  std::string outlet;
  std::string reason;    // e.g. "Geneva and Vienna are different places"
};

struct Finding {
  std::string id;           // "<template id>/<subject id>"
  std::string template_id;  // the claim kind
  Subject subject;
  Verdict verdict = Verdict::kSingleSource;
  std::string reason;       // one line: "90 min lies within > 60 min"
  ConflictStrength strength = ConflictStrength::kNone;  // conflicts only
  size_t outlets = 0;       // distinct outlets among the claims
  size_t sources = 0;       // independent sources among the claims: outlets, with the
                            // outlets of copies of one story (link/source_clusters.h) counted once
  std::vector<SourcedClaim> claims;  // sorted by document path, then offset
  std::vector<int64_t> claim_ids;    // the claims' store row ids, in that order, when `claims` is not held:
                                     // the report pipeline reads them back one finding at a time
  std::vector<SelfContradiction> self_contradictions;  // documents whose own claims disagree, by path
  std::string derived_from;  // a derived-fact check (check/elapsed_check.h): the start template whose
                             // dates `template_id`'s durations are counted from; "" for ordinary findings
  std::string input_hash;    // SHA-256 of everything the verdict depends on (src/check/group_input_hash.h): a
                             // re-run reuses the stored verdict while it is unchanged; "" for derived findings
};

}  // namespace crosscheck
