#include "crosscheck/finding.h"

namespace crosscheck {

std::string_view ConflictStrengthName(ConflictStrength strength) {
  switch (strength) {
    case ConflictStrength::kNone: return "";
    case ConflictStrength::kFirm: return "firm";
    case ConflictStrength::kWeak: return "weak";
  }
  return "";
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAgree: return "agree";
    case Verdict::kCompatible: return "compatible";
    case Verdict::kConflict: return "conflict";
    case Verdict::kSingleSource: return "single_source";
  }
  return "single_source";
}

bool ParseVerdict(std::string_view name, Verdict* verdict) {
  for (Verdict v : {Verdict::kAgree, Verdict::kCompatible, Verdict::kConflict, Verdict::kSingleSource}) {
    if (VerdictName(v) == name) {
      *verdict = v;
      return true;
    }
  }
  return false;
}

std::string StableClaimId(const SourcedClaim& claim) {
  return claim.document_hash.substr(0, 10) + "-" + std::to_string(claim.claim.match_raw.begin) + "-" +
         claim.claim.template_id;
}

}  // namespace crosscheck
