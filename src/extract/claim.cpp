#include "crosscheck/claim.h"

namespace crosscheck {

std::string_view ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kHedged: return "hedged";
    case Modality::kNegated: return "negated";
  }
  return "asserted";
}

bool ParseModality(std::string_view name, Modality* modality) {
  for (Modality m : {Modality::kAsserted, Modality::kHedged, Modality::kNegated}) {
    if (ModalityName(m) == name) {
      *modality = m;
      return true;
    }
  }
  return false;
}

std::string_view ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kQuantity: return "quantity";
    case ValueKind::kPlace: return "place";
    case ValueKind::kEntity: return "entity";
    case ValueKind::kDate: return "date";
    case ValueKind::kEvent: return "event";
    case ValueKind::kCategory: return "category";
  }
  return "event";
}

}  // namespace crosscheck
