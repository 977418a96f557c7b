#include "report/claim_spool.h"


#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace crosscheck::report {
namespace {

// The file is this process's own, read back on this machine: fields are
// written in host byte order, a record as its payload's size then the payload.
constexpr size_t kFlushAt = 1 << 20;        // write buffer
constexpr size_t kSequentialRead = 1 << 18;  // read-ahead when lists follow each other in the file
constexpr size_t kRandomRead = 1 << 12;      // a lone record (report.html's document view)
constexpr size_t kReusedClaims = 256;        // lists up to this long keep their claims for the next one

template <typename T>
void Put(std::string* out, T v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out->append(bytes, sizeof(T));
}

void PutString(std::string* out, const std::string& s) {
  Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

void PutRange(std::string* out, const ByteRange& r) {
  Put<uint32_t>(out, r.begin);
  Put<uint32_t>(out, r.end);
}

void PutInterval(std::string* out, const Interval& i) {
  Put<double>(out, i.lo);
  Put<double>(out, i.hi);
  Put<uint8_t>(out, static_cast<uint8_t>((i.lo_open ? 1 : 0) | (i.hi_open ? 2 : 0)));
}

// Reads fields in the order they were put; `ok` turns false at the first one past the record's end.
class Reader {
 public:
  Reader(const char* p, const char* end) : p_(p), end_(end) {}
  template <typename T>
  T Get() {
    T v{};
    if (!Has(sizeof(T))) return v;
    std::memcpy(&v, p_, sizeof(T));
    p_ += sizeof(T);
    return v;
  }
  void String(std::string* s) {
    const uint32_t n = Get<uint32_t>();
    if (!Has(n)) return;
    s->assign(p_, n);
    p_ += n;
  }
  void Range(ByteRange* r) {
    r->begin = Get<uint32_t>();
    r->end = Get<uint32_t>();
  }
  void IntervalOf(Interval* i) {
    i->lo = Get<double>();
    i->hi = Get<double>();
    const auto open = Get<uint8_t>();
    i->lo_open = (open & 1) != 0;
    i->hi_open = (open & 2) != 0;
  }
  bool ok() const { return ok_ && p_ == end_; }

 private:
  bool Has(size_t n) {
    if (ok_ && static_cast<size_t>(end_ - p_) >= n) return true;
    ok_ = false;
    return false;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

std::string Errno(const char* what, const std::string& error) {
  return std::string("report: claim spool: ") + what + ": " + error;
}

}  // namespace

struct ClaimSpool::Window {
  std::string bytes;  // file bytes [at, at + bytes.size())
  uint64_t at = 0;
};

Status ClaimSpool::status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return status_;
}

void ClaimSpool::Fail(Status status) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (status_.ok()) status_ = std::move(status);
}

bool ClaimSpool::Failed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return !status_.ok();
}

ClaimSpool::ClaimSpool(const std::filesystem::path& folder) : file_(folder) {
  buffer_.reserve(kFlushAt + 4096);
  if (!file_.ok()) status_ = Status::IoError(Errno("cannot create a temporary file", file_.open_error()));
}

ClaimSpool::~ClaimSpool() = default;

int64_t ClaimSpool::Append(const SourcedClaim& sc) {
  const int64_t key = static_cast<int64_t>(end_);
  const size_t at = buffer_.size();
  Put<uint32_t>(&buffer_, 0);  // the payload's size, set below
  Put<int64_t>(&buffer_, sc.id);
  PutString(&buffer_, sc.document_hash);
  PutString(&buffer_, sc.source.path);
  PutString(&buffer_, sc.source.outlet);
  PutString(&buffer_, sc.source.url);
  PutString(&buffer_, sc.source.published);
  const Claim& c = sc.claim;
  PutString(&buffer_, c.template_id);
  PutString(&buffer_, c.subject_kind);
  Put<uint32_t>(&buffer_, c.pattern);
  Put<uint8_t>(&buffer_, static_cast<uint8_t>(c.value.kind));
  PutString(&buffer_, c.value.type);
  PutString(&buffer_, c.value.unit);
  PutInterval(&buffer_, c.value.interval);
  PutString(&buffer_, c.value.id);
  PutString(&buffer_, c.value.text);
  PutString(&buffer_, c.value.display);
  Put<uint8_t>(&buffer_, static_cast<uint8_t>(c.modality));
  PutString(&buffer_, c.modality_cue);
  PutString(&buffer_, c.attribution);
  Put<uint32_t>(&buffer_, static_cast<uint32_t>(c.roles.size()));
  for (const RoleFiller& r : c.roles) {
    PutString(&buffer_, r.role);
    PutString(&buffer_, r.entity);
    PutString(&buffer_, r.entity_kind);
    PutString(&buffer_, r.mention);
    PutString(&buffer_, r.via);
    Put<uint32_t>(&buffer_, r.sentence);
  }
  PutString(&buffer_, c.time);
  Put<uint8_t>(&buffer_, c.has_when ? 1 : 0);
  const EventTime& w = c.when;
  PutString(&buffer_, w.phrase);
  Put<uint8_t>(&buffer_, static_cast<uint8_t>((w.resolved ? 1 : 0) | (w.relative ? 2 : 0)));
  PutInterval(&buffer_, w.days);
  PutString(&buffer_, w.display);
  Put<int32_t>(&buffer_, w.weekday);
  PutString(&buffer_, w.rule);
  PutString(&buffer_, w.anchor);
  PutString(&buffer_, w.anchor_source);
  PutString(&buffer_, w.anchor_evidence);
  Put<uint32_t>(&buffer_, c.sentence);
  PutRange(&buffer_, c.sentence_raw);
  PutRange(&buffer_, c.match_raw);
  PutRange(&buffer_, c.value_raw);
  PutString(&buffer_, c.evidence);
  PutRange(&buffer_, c.value_in_evidence);
  const auto size = static_cast<uint32_t>(buffer_.size() - at - sizeof(uint32_t));
  std::memcpy(buffer_.data() + at, &size, sizeof(size));
  end_ += buffer_.size() - at;
  if (buffer_.size() >= kFlushAt) Flush();
  return key;
}

bool ClaimSpool::Flush() {
  if (Failed()) return false;
  std::string error;
  if (!file_.WriteAt(written_, buffer_.data(), buffer_.size(), &error)) {
    Fail(Status::IoError(Errno("cannot write the temporary file", error)));
    return false;
  }
  written_ += buffer_.size();
  buffer_.clear();
  return true;
}

bool ClaimSpool::Read(Window* window, uint64_t at, size_t size, bool sequential) const {
  if (at >= window->at && at + size <= window->at + window->bytes.size()) return true;
  if (at + size > written_) {
    Fail(Status::Internal("report: claim spool: a record past the spool's end was asked for"));
    return false;
  }
  const size_t want = std::max(size, sequential ? kSequentialRead : kRandomRead);
  const size_t length = static_cast<size_t>(std::min<uint64_t>(want, written_ - at));
  window->bytes.resize(length);
  window->at = at;
  std::string error;
  if (!file_.ReadAt(at, window->bytes.data(), length, &error)) {
    window->bytes.clear();
    Fail(Status::IoError(Errno("cannot read the temporary file", error)));
    return false;
  }
  return true;
}

bool ClaimSpool::Decode(const char* p, const char* end, SourcedClaim* sc) const {
  Reader in(p, end);
  sc->id = in.Get<int64_t>();
  in.String(&sc->document_hash);
  in.String(&sc->source.path);
  in.String(&sc->source.outlet);
  in.String(&sc->source.url);
  in.String(&sc->source.published);
  Claim& c = sc->claim;
  in.String(&c.template_id);
  in.String(&c.subject_kind);
  c.pattern = in.Get<uint32_t>();
  c.value.kind = static_cast<ValueKind>(in.Get<uint8_t>());
  in.String(&c.value.type);
  in.String(&c.value.unit);
  in.IntervalOf(&c.value.interval);
  in.String(&c.value.id);
  in.String(&c.value.text);
  in.String(&c.value.display);
  c.modality = static_cast<Modality>(in.Get<uint8_t>());
  in.String(&c.modality_cue);
  in.String(&c.attribution);
  const auto roles = in.Get<uint32_t>();
  constexpr size_t kRoleBytes = 6 * sizeof(uint32_t);  // a role's least size: five empty strings and its sentence
  c.roles.resize(std::min<size_t>(roles, static_cast<size_t>(end - p) / kRoleBytes));
  for (RoleFiller& r : c.roles) {
    in.String(&r.role);
    in.String(&r.entity);
    in.String(&r.entity_kind);
    in.String(&r.mention);
    in.String(&r.via);
    r.sentence = in.Get<uint32_t>();
  }
  in.String(&c.time);
  c.has_when = in.Get<uint8_t>() != 0;
  EventTime& w = c.when;
  in.String(&w.phrase);
  const auto flags = in.Get<uint8_t>();
  w.resolved = (flags & 1) != 0;
  w.relative = (flags & 2) != 0;
  in.IntervalOf(&w.days);
  in.String(&w.display);
  w.weekday = in.Get<int32_t>();
  in.String(&w.rule);
  in.String(&w.anchor);
  in.String(&w.anchor_source);
  in.String(&w.anchor_evidence);
  c.sentence = in.Get<uint32_t>();
  in.Range(&c.sentence_raw);
  in.Range(&c.match_raw);
  in.Range(&c.value_raw);
  in.String(&c.evidence);
  in.Range(&c.value_in_evidence);
  if (in.ok()) return true;
  Fail(Status::Internal("report: claim spool: a record does not decode"));
  return false;
}

void ClaimSpool::ForEachPiece(const std::vector<const std::vector<int64_t>*>& lists, const std::vector<size_t>& order,
                              size_t piece, const PieceVisitor& visit) const {
  {
    std::lock_guard<std::mutex> lock(flush_mutex_);
    if (!buffer_.empty() && !const_cast<ClaimSpool*>(this)->Flush()) return;
  }
  if (Failed()) return;
  piece = std::max<size_t>(piece, 1);
  // A piece's claims are kept for the next when pieces are bounded; whole
  // lists can run to thousands of claims, and kept for reuse they would hold
  // the largest list's memory through every pass that follows.
  const size_t reused = piece == SIZE_MAX ? kReusedClaims : std::max(piece, kReusedClaims);
  Window window;
  std::vector<SourcedClaim> claims;  // reused between pieces: decoding assigns into their strings
  uint64_t next = UINT64_MAX;  // where the last record read ended
  for (size_t k : order) {
    const std::vector<int64_t>& keys = *lists[k];
    size_t begin = 0;
    do {
      const size_t count = std::min(piece, keys.size() - begin);
      // Assigning into the strings of the last piece's claims spares most allocations.
      if (claims.size() > count) claims.erase(claims.begin() + static_cast<ptrdiff_t>(count), claims.end());
      claims.resize(count);
      for (size_t j = 0; j < count; ++j) {
        const auto at = static_cast<uint64_t>(keys[begin + j]);
        uint32_t size = 0;
        if (!Read(&window, at, sizeof(size), at == next)) return;
        std::memcpy(&size, window.bytes.data() + (at - window.at), sizeof(size));
        if (!Read(&window, at, sizeof(size) + size, at == next)) return;
        const char* p = window.bytes.data() + (at - window.at) + sizeof(size);
        if (!Decode(p, p + size, &claims[j])) return;
        next = at + sizeof(size) + size;
      }
      const bool more = visit(k, begin, claims);
      if (claims.capacity() > reused) std::vector<SourcedClaim>().swap(claims);
      if (!more) return;
      begin += count;
    } while (begin < keys.size());
  }
}

}  // namespace crosscheck::report
