// Measures how often the outlets' agreed casualty counts equal the Gun
// Violence Archive's record, over every incident of the corpus.
//
// For every incident folder with a GVA record, the report pipeline runs in
// process on that folder alone (one Engine for all of them), and the findings
// of the templates `killed` and `injured` (examples/gva-casualties) are
// compared with the record's num_killed and num_injured.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/engine.h"

namespace crosscheck::examples {

// Figures for one claim kind (one template) over the corpus.
struct KindAccuracy {
  std::string kind;          // template id: "killed" or "injured"
  size_t incidents = 0;      // incidents with a GVA record
  size_t with_finding = 0;   // incidents where the template made at least one finding
  size_t covered = 0;        // incidents where the outlets have an agreed value (see AgreedValue)
  size_t covered_single = 0; // of those, agreed by a single outlet (verdict single_source)
  size_t exact = 0;          // agreed value == the GVA number
  size_t exact_single = 0;   // of those, from a single outlet

  double coverage() const { return incidents == 0 ? 0 : static_cast<double>(covered) / static_cast<double>(incidents); }
  // Exact matches over all incidents: an incident without an agreed value counts as a miss.
  double accuracy() const { return incidents == 0 ? 0 : static_cast<double>(exact) / static_cast<double>(incidents); }
  // Exact matches over the incidents with an agreed value.
  double covered_accuracy() const { return covered == 0 ? 0 : static_cast<double>(exact) / static_cast<double>(covered); }
};

// What the outlets said about one incident, next to the record.
struct IncidentOutcome {
  std::string incident_id;
  int gva_killed = 0;
  int gva_injured = 0;
  std::optional<long> killed;   // agreed value, when there is one
  std::optional<long> injured;
  std::string killed_verdict;   // verdict of the finding used ("" when none)
  std::string injured_verdict;
  size_t killed_findings = 0;   // findings of the template (more than one when claims name different days)
  size_t injured_findings = 0;
};

struct GvaAccuracy {
  size_t incidents = 0;         // incident folders with a GVA record
  size_t without_record = 0;    // incident folders whose gva_record is null (not measured)
  size_t documents = 0;         // articles read
  size_t failed_runs = 0;       // incidents whose report run failed (see errors)
  KindAccuracy killed{"killed"};
  KindAccuracy injured{"injured"};
  // Both quantities pooled: 2 x incidents values, each counted as in KindAccuracy.
  KindAccuracy Overall() const;
  std::vector<IncidentOutcome> outcomes;  // one per measured incident, in folder order
  std::vector<std::string> errors;
  double seconds = 0;
};

// The outlets' agreed value of a finding, from the report's JSON: each
// outlet's toll (its claims' common value, or its largest figure when it gives
// several), then the single whole number every outlet's toll admits; none when
// the verdict is conflict. See gva_accuracy.cpp for why.
struct FindingClaimInterval {
  std::string outlet;
  double lo = 0;
  double hi = 0;   // may be +infinity
  bool lo_open = false;
  bool hi_open = false;
  bool negated = false;
};
std::optional<long> AgreedValue(const std::string& verdict, const std::vector<FindingClaimInterval>& claims);

// Runs the measurement. `engine` must hold the templates `killed` and `injured`
// (load the default templates and examples/gva-casualties). Temporary stores
// and reports go to a folder under the system temporary folder, removed at the end.
GvaAccuracy MeasureGvaAccuracy(const Engine& engine, const std::filesystem::path& corpus);

}  // namespace crosscheck::examples
