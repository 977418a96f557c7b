#include "check/value_comparator.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace crosscheck::check {
namespace {

constexpr double kEpsilon = 1e-6;

// Whether x lies in the interval, honouring open ends.
bool LowerBelow(const Interval& outer, const Interval& inner) {
  // outer's lower end is at or below inner's.
  if (std::isinf(outer.lo) && std::isinf(inner.lo) && outer.lo < 0 && inner.lo < 0) return true;
  if (outer.lo < inner.lo - kEpsilon) return true;
  if (std::fabs(outer.lo - inner.lo) <= kEpsilon) return !outer.lo_open || inner.lo_open;
  return false;
}

bool UpperAbove(const Interval& outer, const Interval& inner) {
  if (outer.hi > inner.hi + kEpsilon) return true;
  if (std::fabs(outer.hi - inner.hi) <= kEpsilon || (std::isinf(outer.hi) && std::isinf(inner.hi))) {
    return !outer.hi_open || inner.hi_open;
  }
  return false;
}

bool Contains(const Interval& outer, const Interval& inner) { return LowerBelow(outer, inner) && UpperAbove(outer, inner); }

bool Disjoint(const Interval& a, const Interval& b) {
  // a ends before b starts, or b ends before a starts.
  auto before = [](const Interval& x, const Interval& y) {
    if (x.hi < y.lo - kEpsilon) return true;
    if (std::fabs(x.hi - y.lo) <= kEpsilon) return x.hi_open || y.lo_open;
    return false;
  };
  return before(a, b) || before(b, a);
}

// Reported quantities are rounded: "an hour" is not a claim of exactly 60:00.
// A point value is read as +/-tolerance (2.5% unless its type says otherwise),
// enough for rounding, too little to make four deaths agree with five.
Interval WidenPoint(const Interval& v, double tolerance) {
  if (!v.IsPoint() || tolerance <= 0) return v;
  const double margin = std::fabs(v.lo) * tolerance;
  return {v.lo - margin, v.hi + margin, false, false};
}

}  // namespace

Relation CompareIntervals(const Interval& a, const Interval& b) {
  const bool a_in_b = Contains(b, a);
  const bool b_in_a = Contains(a, b);
  if (a_in_b && b_in_a) return Relation::kSame;
  if (a_in_b) return Relation::kWithin;
  if (b_in_a) return Relation::kContains;
  if (Disjoint(a, b)) return Relation::kDisjoint;
  return Relation::kOverlaps;
}

namespace {

std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    if (c == ' ') {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back().push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

constexpr std::string_view kFormer = "former ";

}  // namespace

void ValueComparator::SetOfficeModifiers(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    for (const std::string& lower : LowerWords(w)) office_modifiers_.insert(lower);
  }
}

// Titles are offices by canonical name. A former holder is not the incumbent;
// an office named more precisely ("Police Chief") is a kind of the plainer
// one ("Chief"), unless what it adds makes it another office ("Deputy Chief").
Comparison ValueComparator::CompareTitles(const Value& a, const Value& b) const {
  const std::string& x = a.display;
  const std::string& y = b.display;
  const bool a_former = a.id.rfind(kFormer, 0) == 0;
  const bool b_former = b.id.rfind(kFormer, 0) == 0;
  if (a_former != b_former) {
    const std::string_view a_office = std::string_view(a.id).substr(a_former ? kFormer.size() : 0);
    const std::string_view b_office = std::string_view(b.id).substr(b_former ? kFormer.size() : 0);
    if (a_office == b_office) {
      return {Relation::kDisjoint, x + (a_former ? " (no longer in office)" : " (in office)") + " and " + y +
                                       (a_former ? " (in office)" : " (no longer in office)") + " differ"};
    }
    return {Relation::kDisjoint, x + " and " + y + " differ"};
  }
  // Both former, or both in office: compare the offices.
  const std::vector<std::string> wa = LowerWords(std::string_view(a.id).substr(a_former ? kFormer.size() : 0));
  const std::vector<std::string> wb = LowerWords(std::string_view(b.id).substr(b_former ? kFormer.size() : 0));
  // Whether `shorter` ends `longer` and the words before it leave the office what it is.
  auto narrows = [&](const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
    if (shorter.size() >= longer.size()) return false;
    const size_t extra = longer.size() - shorter.size();
    if (!std::equal(shorter.begin(), shorter.end(), longer.begin() + static_cast<std::ptrdiff_t>(extra))) return false;
    for (size_t i = 0; i < extra; ++i) {
      if (office_modifiers_.count(longer[i]) > 0) return false;
    }
    return true;
  };
  // "Secretary of the Interior" is a kind of "Secretary".
  auto names_its_domain = [](const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
    return shorter.size() < longer.size() && longer[shorter.size()] == "of" &&
           std::equal(shorter.begin(), shorter.end(), longer.begin());
  };
  if (narrows(wa, wb) || names_its_domain(wa, wb)) return {Relation::kWithin, x + " is a more precise title than " + y};
  if (names_its_domain(wb, wa)) return {Relation::kContains, y + " is a more precise title than " + x};
  if (narrows(wb, wa)) return {Relation::kContains, y + " is a more precise title than " + x};
  return {Relation::kDisjoint, x + " and " + y + " differ"};
}

double ValueComparator::ToleranceFor(const std::string& type) const {
  auto it = tolerances_.find(type);
  return it == tolerances_.end() ? kDefaultTolerance : it->second;
}

Comparison ValueComparator::Compare(const Value& a, const Value& b) const {
  const std::string& x = a.display;
  const std::string& y = b.display;
  switch (a.kind) {
    case ValueKind::kQuantity:
    case ValueKind::kDate: {
      const double tolerance = ToleranceFor(a.type);
      const Relation r = a.kind == ValueKind::kQuantity && !(a.interval == b.interval)
                             ? CompareIntervals(WidenPoint(a.interval, tolerance), WidenPoint(b.interval, tolerance))
                             : CompareIntervals(a.interval, b.interval);
      switch (r) {
        case Relation::kSame: return {r, x + " equals " + y};
        case Relation::kWithin: return {r, x + " lies within " + y};
        case Relation::kContains: return {r, y + " lies within " + x};
        case Relation::kOverlaps: return {r, x + " overlaps " + y};
        case Relation::kDisjoint: return {r, x + " and " + y + " do not overlap"};
      }
      break;
    }
    case ValueKind::kPlace: {
      if (a.id == b.id) return {Relation::kSame, "both say " + x};
      const int pa = places_->FindById(a.id);
      const int pb = places_->FindById(b.id);
      if (places_->IsWithin(pa, pb)) return {Relation::kWithin, x + " lies in " + y};
      if (places_->IsWithin(pb, pa)) return {Relation::kContains, y + " lies in " + x};
      return {Relation::kDisjoint, x + " and " + y + " are different places"};
    }
    case ValueKind::kEvent:
      return {Relation::kSame, "both report it"};
    case ValueKind::kEntity:
    case ValueKind::kCategory:
      if (a.id == b.id) return {Relation::kSame, "both say " + x};
      if (a.type == "title") return CompareTitles(a, b);
      return {Relation::kDisjoint, x + " and " + y + " differ"};
  }
  return {Relation::kSame, ""};
}

}  // namespace crosscheck::check
