#include "check/truth_subject.h"

namespace crosscheck::check::truth_internal {
namespace {

// Layout: k, groups, parts, pool size; the finding id and k displays, each
// length-prefixed; within and exclusive, k * k bytes each; per group (first
// outlet in the pool, outlet count, weight); the outlet pool; the vote, wrong
// and right matrices (groups x k); per part (outlet, group, claims, weight);
// the fits matrix (parts x k). Fixed-size rows let SubjectView index them.
void PutU64(std::string* out, uint64_t x) { out->append(reinterpret_cast<const char*>(&x), sizeof x); }
void PutF64(std::string* out, double x) { out->append(reinterpret_cast<const char*>(&x), sizeof x); }
void PutString(std::string* out, std::string_view s) {
  PutU64(out, s.size());
  out->append(s);
}

class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  bool Take(size_t size, const char** at) {
    if (static_cast<size_t>(end_ - p_) < size) return false;
    *at = p_;
    p_ += size;
    return true;
  }
  bool U64(uint64_t* x) {
    const char* at = nullptr;
    if (!Take(sizeof *x, &at)) return false;
    std::memcpy(x, at, sizeof *x);
    return true;
  }
  bool String(std::string_view* s) {
    uint64_t size = 0;
    const char* at = nullptr;
    if (!U64(&size) || !Take(size, &at)) return false;
    *s = std::string_view(at, size);
    return true;
  }
  // Takes rows * width bytes, refusing sizes whose product overflows.
  bool Rows(uint64_t rows, size_t width, const char** at) {
    if (width != 0 && rows > static_cast<uint64_t>(end_ - p_) / width) return false;
    return Take(rows * width, at);
  }
  bool done() const { return p_ == end_; }

 private:
  const char* p_;
  const char* end_;
};

}  // namespace

void EncodeSubject(const SubjectEvidence& s, std::string* out) {
  const size_t k = s.candidates.size();
  size_t pool = 0;
  for (const Group& g : s.groups) pool += g.outlets.size();
  PutU64(out, k);
  PutU64(out, s.groups.size());
  PutU64(out, s.parts.size());
  PutU64(out, pool);
  PutString(out, s.finding_id);
  for (const std::string& display : s.candidates) PutString(out, display);
  for (const auto* matrix : {&s.within, &s.exclusive}) {
    for (size_t a = 0; a < k; ++a) {
      for (size_t b = 0; b < k; ++b) out->push_back((*matrix)[a][b] ? 1 : 0);
    }
  }
  size_t first = 0;
  for (const Group& g : s.groups) {
    PutU64(out, first);
    PutU64(out, g.outlets.size());
    PutF64(out, g.weight);
    first += g.outlets.size();
  }
  for (const Group& g : s.groups) {
    for (size_t o : g.outlets) PutU64(out, o);
  }
  for (auto member : {&Group::vote, &Group::wrong, &Group::right}) {
    for (const Group& g : s.groups) {
      for (size_t v = 0; v < k; ++v) PutF64(out, (g.*member)[v]);
    }
  }
  for (const OutletPart& p : s.parts) {
    PutU64(out, p.outlet);
    PutU64(out, p.group);
    PutU64(out, p.claims);
    PutF64(out, p.weight);
  }
  for (const OutletPart& p : s.parts) {
    for (size_t v = 0; v < k; ++v) PutF64(out, p.fits[v]);
  }
}

bool SubjectView::Parse(std::string_view record, size_t outlets) {
  Cursor in(record);
  uint64_t k = 0;
  uint64_t groups = 0;
  uint64_t parts = 0;
  uint64_t pool = 0;
  if (!in.U64(&k) || !in.U64(&groups) || !in.U64(&parts) || !in.U64(&pool) || !in.String(&finding_id_)) return false;
  if (k > record.size() / 8) return false;  // each display takes 8 bytes at least
  displays_.resize(k);
  for (std::string_view& display : displays_) {
    if (!in.String(&display)) return false;
  }
  if (k != 0 && k > record.size() / k) return false;  // the two k x k matrices alone would not fit
  const uint64_t cells = k * k;
  if (!in.Rows(cells, 1, &within_) || !in.Rows(cells, 1, &exclusive_) ||
      !in.Rows(groups, kGroupBytes, &group_) || !in.Rows(pool, 8, &pool_)) {
    return false;
  }
  const uint64_t group_cells = k == 0 ? 0 : groups;
  const size_t row = static_cast<size_t>(k) * 8;
  if (!in.Rows(group_cells, row, &vote_) || !in.Rows(group_cells, row, &wrong_) || !in.Rows(group_cells, row, &right_) ||
      !in.Rows(parts, kPartBytes, &part_) || !in.Rows(k == 0 ? 0 : parts, row, &fits_) || !in.done()) {
    return false;
  }
  k_ = k;
  groups_ = groups;
  parts_ = parts;
  // Every outlet range must lie in the pool, every part name a group, every outlet a known one.
  for (size_t g = 0; g < groups_; ++g) {
    const uint64_t first = U64(group_ + g * kGroupBytes);
    const uint64_t count = U64(group_ + g * kGroupBytes + 8);
    if (first > pool || count > pool - first) return false;
  }
  for (size_t p = 0; p < parts_; ++p) {
    if (part_group(p) >= groups_ || part_outlet(p) >= outlets) return false;
  }
  for (uint64_t i = 0; i < pool; ++i) {
    if (U64(pool_ + i * 8) >= outlets) return false;
  }
  return true;
}

}  // namespace crosscheck::check::truth_internal
