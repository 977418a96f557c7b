// A subject's evidence for truth discovery (check/truth_discovery.h): who
// backs which candidate value, by how much, gathered once from its claims and
// then read in every round. It is kept as one flat record (EncodeSubject) in a
// util::RecordSpool, so that a large corpus's subjects need not all be in
// memory; SubjectView reads a record in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::check::truth_internal {

// Claims of one independent source on one subject: one outlet, or several
// whose documents are copies of one story.
struct Group {
  std::vector<size_t> outlets;  // outlet numbers
  double weight = 0;            // mean modality weight of its claims
  std::vector<double> vote;     // per candidate: mean of weight * how right the claim would be
  std::vector<double> wrong;    // per candidate: mean of weight where the claim would be wrong
  std::vector<double> right;    // per candidate: mean of how right, unweighted
};

// One outlet's claims on one subject: the unit of its reliability evidence.
struct OutletPart {
  size_t outlet = 0;
  size_t group = 0;
  size_t claims = 0;
  double weight = 0;          // mean modality weight
  std::vector<double> fits;   // per candidate: share of its claims that can be true with it
};

struct SubjectEvidence {
  std::string finding_id;
  std::vector<std::string> candidates;       // each candidate value's display
  std::vector<Group> groups;
  std::vector<OutletPart> parts;
  std::vector<std::vector<bool>> within;     // [a][b]: candidate a is a narrower statement inside b
  std::vector<std::vector<bool>> exclusive;  // [a][b]: a and b cannot both be true
};

// Appends the record of `s` to *out. Numbers keep their exact bits.
void EncodeSubject(const SubjectEvidence& s, std::string* out);

// A record EncodeSubject wrote, read where it lies (the bytes must outlive the view).
class SubjectView {
 public:
  // False when `record` is not a whole record, or names an outlet number of
  // `outlets` or more (a damaged record must not index past the outlets).
  bool Parse(std::string_view record, size_t outlets);

  std::string_view finding_id() const { return finding_id_; }
  size_t candidates() const { return k_; }
  std::string_view candidate(size_t v) const { return displays_[v]; }
  bool within(size_t a, size_t b) const { return within_[a * k_ + b] != 0; }
  bool exclusive(size_t a, size_t b) const { return exclusive_[a * k_ + b] != 0; }

  size_t groups() const { return groups_; }
  size_t outlet_count(size_t g) const { return U64(group_ + g * kGroupBytes + 8); }
  size_t outlet(size_t g, size_t i) const { return U64(pool_ + (U64(group_ + g * kGroupBytes) + i) * 8); }
  double weight(size_t g) const { return F64(group_ + g * kGroupBytes + 16); }
  double vote(size_t g, size_t v) const { return F64(vote_ + (g * k_ + v) * 8); }
  double wrong(size_t g, size_t v) const { return F64(wrong_ + (g * k_ + v) * 8); }
  double right(size_t g, size_t v) const { return F64(right_ + (g * k_ + v) * 8); }

  size_t parts() const { return parts_; }
  size_t part_outlet(size_t p) const { return U64(part_ + p * kPartBytes); }
  size_t part_group(size_t p) const { return U64(part_ + p * kPartBytes + 8); }
  size_t part_claims(size_t p) const { return U64(part_ + p * kPartBytes + 16); }
  double part_weight(size_t p) const { return F64(part_ + p * kPartBytes + 24); }
  double fits(size_t p, size_t v) const { return F64(fits_ + (p * k_ + v) * 8); }

  static constexpr size_t kGroupBytes = 24;  // first outlet in the pool, outlet count, weight
  static constexpr size_t kPartBytes = 32;   // outlet, group, claims, weight

 private:
  // Records sit at any offset in a spool's buffer: numbers are copied out, not dereferenced.
  static uint64_t U64(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, sizeof x);
    return x;
  }
  static double F64(const char* p) {
    double x;
    std::memcpy(&x, p, sizeof x);
    return x;
  }

  std::string_view finding_id_;
  size_t k_ = 0;
  size_t groups_ = 0;
  size_t parts_ = 0;
  std::vector<std::string_view> displays_;
  const char* within_ = nullptr;
  const char* exclusive_ = nullptr;
  const char* group_ = nullptr;
  const char* pool_ = nullptr;
  const char* vote_ = nullptr;
  const char* wrong_ = nullptr;
  const char* right_ = nullptr;
  const char* part_ = nullptr;
  const char* fits_ = nullptr;
};

}  // namespace crosscheck::check::truth_internal
