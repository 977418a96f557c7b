// ValueComparator: how two claimed values relate, by type.
//
//   quantities, dates   interval relations: same, within, contains, overlaps, disjoint
//   places              containment in the gazetteer: Riyadh lies in Saudi Arabia
//   people, categories  identity: same or different
//   events              polarity: both assert it, or one denies what the other asserts
// Each relation comes with a one-line reason a reader can check.
#pragma once

#include <map>
#include <set>
#include <vector>
#include <string>

#include "crosscheck/claim.h"
#include "knowledge/gazetteer.h"

namespace crosscheck::check {

enum class Relation {
  kSame,      // equal values
  kWithin,    // a is a narrower statement inside b (90 min within > 60 min; Riyadh in Saudi Arabia)
  kContains,  // b is inside a
  kOverlaps,  // both could be true, neither contains the other
  kDisjoint,  // both cannot be true
};

struct Comparison {
  Relation relation = Relation::kSame;
  std::string reason;  // "90 min lies within > 60 min"
};

class ValueComparator {
 public:
  // Relative tolerance for single figures when a type sets none.
  static constexpr double kDefaultTolerance = 0.025;

  explicit ValueComparator(const knowledge::Gazetteer& places) : places_(&places) {}
  explicit ValueComparator(knowledge::Gazetteer&&) = delete;  // keeps a pointer: no temporaries
  // Per value type (by name), how much a single reported figure may be rounded.
  void SetTolerance(const std::string& type, double tolerance) { tolerances_[type] = tolerance; }
  // Words that make an office another office when they precede it ("Deputy",
  // "Acting"): "Deputy Chief" is no kind of "Chief", "Police Chief" is.
  void SetOfficeModifiers(const std::vector<std::string>& words);
  // Compares two values of the same claim kind. Modality is not considered here.
  Comparison Compare(const Value& a, const Value& b) const;

 private:
  double ToleranceFor(const std::string& type) const;
  Comparison CompareTitles(const Value& a, const Value& b) const;
  const knowledge::Gazetteer* places_;
  std::map<std::string, double> tolerances_;
  std::set<std::string> office_modifiers_;  // lower case
};

// Interval relation of a to b.
Relation CompareIntervals(const Interval& a, const Interval& b);

}  // namespace crosscheck::check
