// Tests for check/group_input_hash: the hash changes with everything a
// verdict depends on, and with nothing else.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "check/group_input_hash.h"

namespace {

using crosscheck::SourceClusters;
using crosscheck::SourcedClaim;

SourcedClaim Claim(const std::string& outlet, const std::string& path, double minutes) {
  SourcedClaim c;
  c.id = 7;
  c.document_hash = std::string(64, 'a');
  c.source.outlet = outlet;
  c.source.path = path;
  c.claim.template_id = "call_duration";
  c.claim.subject_kind = "call";
  c.claim.value.kind = crosscheck::ValueKind::kQuantity;
  c.claim.value.interval = {minutes, minutes};
  c.claim.value.display = std::to_string(minutes) + " min";
  c.claim.evidence = "The call lasted a while.";
  return c;
}

struct Input {
  crosscheck::Subject subject{"call:a+b", "call", "call between A and B", {"a", "b"}, ""};
  std::vector<SourcedClaim> claims = {Claim("A", "a.txt", 45), Claim("B", "b.txt", 90)};
  SourceClusters clusters;
  std::string engine = "engine-1";
  std::string code = "code-1";

  std::string Hash() const {
    return crosscheck::check::GroupInputHash("call_duration", subject, claims, &clusters, engine, code);
  }
};

}  // namespace

TEST_CASE("group input hash: the same inputs give the same hash, whatever the store's row ids", "[check][recheck]") {
  Input input;
  const std::string hash = input.Hash();
  CHECK(hash.size() == 64);
  CHECK(Input().Hash() == hash);
  input.claims[0].id = 12345;
  CHECK(input.Hash() == hash);
}

TEST_CASE("group input hash: every input of a verdict changes it", "[check][recheck]") {
  const std::string base = Input().Hash();
  const std::vector<std::pair<const char*, std::function<void(Input*)>>> changes = {
      {"value", [](Input* in) { in->claims[1].claim.value.interval.hi = 91; }},
      {"modality", [](Input* in) { in->claims[1].claim.modality = crosscheck::Modality::kHedged; }},
      {"attribution", [](Input* in) { in->claims[1].claim.attribution = "the Kremlin"; }},
      {"outlet", [](Input* in) { in->claims[1].source.outlet = "A"; }},
      {"path", [](Input* in) { in->claims[1].source.path = "c.txt"; }},
      {"document content", [](Input* in) { in->claims[1].document_hash[0] = 'b'; }},
      {"resolved time", [](Input* in) { in->claims[1].claim.when.display = "Tuesday (2025-02-11)"; }},
      {"evidence offset", [](Input* in) { in->claims[1].claim.match_raw.begin = 3; }},
      {"a claim more", [](Input* in) { in->claims.push_back(Claim("C", "c.txt", 60)); }},
      {"a claim fewer", [](Input* in) { in->claims.pop_back(); }},
      {"subject", [](Input* in) { in->subject.participants.push_back("c"); }},
      {"copies of one story", [](Input* in) {
         in->clusters.cluster_of = {{"a.txt", "copies:a.txt"}, {"b.txt", "copies:a.txt"}};
       }},
      {"engine", [](Input* in) { in->engine = "engine-2"; }},
      {"check code", [](Input* in) { in->code = "code-2"; }},
  };
  for (const auto& [name, change] : changes) {
    INFO(name);
    Input input;
    change(&input);
    CHECK(input.Hash() != base);
  }
}

TEST_CASE("group input hash: a cluster of documents outside the group does not change it", "[check][recheck]") {
  Input input;
  const std::string base = input.Hash();
  input.clusters.cluster_of = {{"x.txt", "copies:x.txt"}, {"y.txt", "copies:x.txt"}};
  CHECK(input.Hash() == base);
}
