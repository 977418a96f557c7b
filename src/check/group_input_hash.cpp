#include "check/group_input_hash.h"

#include <cstdint>
#include <cstring>

#include "util/content_hash.h"

namespace crosscheck::check {
namespace {

// Typed fields over Sha256::Field: no two different inputs hash the same bytes.
class Fields {
 public:
  void Text(std::string_view text) { sha_.Field(text); }
  void Number(uint64_t n) { Text(std::to_string(n)); }
  // The exact bits: two values that print alike may still compare apart.
  void Real(double d) {
    uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    Number(bits);
  }
  void Range(const ByteRange& r) {
    Number(r.begin);
    Number(r.end);
  }
  void Span(const Interval& i) {
    Real(i.lo);
    Real(i.hi);
    Number(i.lo_open ? 1 : 0);
    Number(i.hi_open ? 1 : 0);
  }
  std::string Digest() { return sha_.HexDigest(); }

 private:
  util::Sha256 sha_;
};

}  // namespace

std::string GroupInputHash(const std::string& template_id, const Subject& subject,
                           const std::vector<SourcedClaim>& claims, const SourceClusters* clusters,
                           std::string_view engine_fingerprint, std::string_view code_fingerprint) {
  Fields f;
  f.Text("crosscheck group input 1");
  f.Text(engine_fingerprint);
  f.Text(code_fingerprint);
  f.Text(template_id);
  f.Text(subject.id);
  f.Text(subject.kind);
  f.Text(subject.label);
  f.Text(subject.time);
  f.Number(subject.participants.size());
  for (const std::string& p : subject.participants) f.Text(p);
  f.Number(claims.size());
  for (const SourcedClaim& sc : claims) {
    f.Text(sc.document_hash);
    f.Text(sc.source.path);
    f.Text(sc.source.outlet);
    f.Text(sc.source.url);
    f.Text(sc.source.published);
    f.Text(clusters != nullptr ? clusters->SourceOf(sc.source.path) : sc.source.path);
    const Claim& c = sc.claim;
    f.Text(c.template_id);
    f.Text(c.subject_kind);
    f.Number(c.pattern);
    f.Text(ValueKindName(c.value.kind));
    f.Text(c.value.type);
    f.Text(c.value.unit);
    f.Span(c.value.interval);
    f.Text(c.value.id);
    f.Text(c.value.text);
    f.Text(c.value.display);
    f.Text(ModalityName(c.modality));
    f.Text(c.modality_cue);
    f.Text(c.attribution);
    f.Number(c.roles.size());
    for (const RoleFiller& r : c.roles) {
      f.Text(r.role);
      f.Text(r.entity);
      f.Text(r.entity_kind);
      f.Text(r.mention);
      f.Text(r.via);
      f.Number(r.sentence);
    }
    f.Text(c.time);
    f.Number(c.has_when ? 1 : 0);
    f.Text(c.when.phrase);
    f.Number(c.when.resolved ? 1 : 0);
    f.Span(c.when.days);
    f.Text(c.when.display);
    f.Number(static_cast<uint64_t>(static_cast<int64_t>(c.when.weekday)));
    f.Number(c.when.relative ? 1 : 0);
    f.Text(c.when.rule);
    f.Text(c.when.anchor);
    f.Text(c.when.anchor_source);
    f.Text(c.when.anchor_evidence);
    f.Number(c.sentence);
    f.Range(c.sentence_raw);
    f.Range(c.match_raw);
    f.Range(c.value_raw);
    f.Text(c.evidence);
    f.Range(c.value_in_evidence);
  }
  return f.Digest();
}

}  // namespace crosscheck::check
