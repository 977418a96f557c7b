// Test fixtures shared by the pattern compiler's and the prefilter's tests:
// the built-in types with a "duration" quantity, a call template with person
// and actor roles, and an event template.
#pragma once

#include <memory>
#include <string>

#include "extract/claim_template.h"
#include "extract/entity_resolver.h"
#include "extract/mention_tagger.h"
#include "extract/quantity.h"
#include "extract/slot_types.h"
#include "knowledge/knowledge_base.h"

namespace crosscheck::test {

struct CallTemplates {
  knowledge::KnowledgeBase knowledge;
  extract::EntityResolver resolver{knowledge};
  extract::TypeRegistry types{resolver};
  extract::ClaimTemplate tmpl;
  extract::ClaimTemplate event;

  CallTemplates() {
    extract::QuantitySpec duration;
    duration.name = "duration";
    duration.base_unit = "min";
    duration.units = {{"minute", 1, {"minutes"}, true}, {"hour", 60, {"hours"}, true}};
    types.Add(std::make_unique<extract::QuantitySlotType>(duration));
    tmpl.id = "call_duration";
    tmpl.value_type = "duration";
    tmpl.max_gap_words = 3;
    tmpl.roles = {extract::RoleSpec{"participants", "person", 2, true, true, {}},
                  extract::RoleSpec{"by", "actor", 0, false, false, {}}};
    event.id = "release";
    event.value_type = "event";
    event.roles = {extract::RoleSpec{"released", "person", 1, false, true, {}}};
  }
};

// `name` as the tagger marks an entity of `kind` in a sentence.
inline std::string Marked(char kind, const std::string& name) {
  return std::string{extract::kMarkBegin, kind} + name + extract::kMarkEnd;
}

}  // namespace crosscheck::test
