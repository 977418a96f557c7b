// Tests for report/claim_spool: every field of a claim comes back as it was
// appended, lists are read in any order and as often as asked, and records
// larger than the read window or past the write buffer come back whole.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <cstring>
#include <limits>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "crosscheck/finding.h"
#include "report/claim_spool.h"
#include "test_support.h"

namespace {

using crosscheck::ByteRange;
using crosscheck::Interval;
using crosscheck::Modality;
using crosscheck::RoleFiller;
using crosscheck::SourcedClaim;
using crosscheck::ValueKind;
using crosscheck::report::ClaimSpool;

// Every field set, each to something that tells claims `n` apart.
SourcedClaim FullClaim(int n) {
  const std::string k = std::to_string(n);
  SourcedClaim sc;
  sc.id = 1000 + n;
  sc.document_hash = std::string(64, 'a') + k;
  sc.source = {"folder/doc-" + k + ".txt", "Outlet " + k, "https://example.org/" + k, "2025-02-1" + k.substr(0, 1)};
  crosscheck::Claim& c = sc.claim;
  c.template_id = "call_duration";
  c.subject_kind = "call";
  c.pattern = 3 + n;
  c.value.kind = ValueKind::kDate;
  c.value.type = "date";
  c.value.unit = "day";
  c.value.interval = {-0.0, Interval::kInfinity, true, false};
  c.value.id = "id-" + k;
  c.value.text = "Z\xC3\xBCrich \"" + k + "\"";
  c.value.display = "display " + k;
  c.modality = Modality::kNegated;
  c.modality_cue = "denied";
  c.attribution = "Kremlin";
  c.roles = {RoleFiller{"participants", "Donald Trump", "person", "Trump", "slot", 2},
             RoleFiller{"place", "Geneva", "place", "Geneva", "sentence", 7}};
  c.time = "2025-02-12";
  c.has_when = true;
  c.when.phrase = "on Wednesday";
  c.when.resolved = true;
  c.when.days = {20131, 20131.5, false, true};
  c.when.display = "Wednesday (2025-02-12)";
  c.when.weekday = 3;
  c.when.relative = true;
  c.when.rule = "the most recent Wednesday";
  c.when.anchor = "2025-02-13";
  c.when.anchor_source = "published";
  c.when.anchor_evidence = "published 2025-02-13 (outlets manifest)";
  c.sentence = 9;
  c.sentence_raw = {100, 200};
  c.match_raw = {110, 150};
  c.value_raw = {120, 130};
  c.evidence = "It lasted " + k + " minutes.\nNext line\t\x01.";
  c.value_in_evidence = {10, 12};
  return sc;
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

void CheckSame(const SourcedClaim& got, const SourcedClaim& want) {
  CHECK(got.id == want.id);
  CHECK(got.document_hash == want.document_hash);
  CHECK(got.source.path == want.source.path);
  CHECK(got.source.outlet == want.source.outlet);
  CHECK(got.source.url == want.source.url);
  CHECK(got.source.published == want.source.published);
  const crosscheck::Claim& g = got.claim;
  const crosscheck::Claim& w = want.claim;
  CHECK(g.template_id == w.template_id);
  CHECK(g.subject_kind == w.subject_kind);
  CHECK(g.pattern == w.pattern);
  CHECK(g.value.kind == w.value.kind);
  CHECK(g.value.type == w.value.type);
  CHECK(g.value.unit == w.value.unit);
  CHECK(SameBits(g.value.interval.lo, w.value.interval.lo));
  CHECK(SameBits(g.value.interval.hi, w.value.interval.hi));
  CHECK(g.value.interval.lo_open == w.value.interval.lo_open);
  CHECK(g.value.interval.hi_open == w.value.interval.hi_open);
  CHECK(g.value.id == w.value.id);
  CHECK(g.value.text == w.value.text);
  CHECK(g.value.display == w.value.display);
  CHECK(g.modality == w.modality);
  CHECK(g.modality_cue == w.modality_cue);
  CHECK(g.attribution == w.attribution);
  REQUIRE(g.roles.size() == w.roles.size());
  for (size_t i = 0; i < g.roles.size(); ++i) {
    CHECK(g.roles[i].role == w.roles[i].role);
    CHECK(g.roles[i].entity == w.roles[i].entity);
    CHECK(g.roles[i].entity_kind == w.roles[i].entity_kind);
    CHECK(g.roles[i].mention == w.roles[i].mention);
    CHECK(g.roles[i].via == w.roles[i].via);
    CHECK(g.roles[i].sentence == w.roles[i].sentence);
  }
  CHECK(g.time == w.time);
  CHECK(g.has_when == w.has_when);
  CHECK(g.when.phrase == w.when.phrase);
  CHECK(g.when.resolved == w.when.resolved);
  CHECK(SameBits(g.when.days.lo, w.when.days.lo));
  CHECK(SameBits(g.when.days.hi, w.when.days.hi));
  CHECK(g.when.days.lo_open == w.when.days.lo_open);
  CHECK(g.when.days.hi_open == w.when.days.hi_open);
  CHECK(g.when.display == w.when.display);
  CHECK(g.when.weekday == w.when.weekday);
  CHECK(g.when.relative == w.when.relative);
  CHECK(g.when.rule == w.when.rule);
  CHECK(g.when.anchor == w.when.anchor);
  CHECK(g.when.anchor_source == w.when.anchor_source);
  CHECK(g.when.anchor_evidence == w.when.anchor_evidence);
  CHECK(g.sentence == w.sentence);
  CHECK(g.sentence_raw == w.sentence_raw);
  CHECK(g.match_raw == w.match_raw);
  CHECK(g.value_raw == w.value_raw);
  CHECK(g.evidence == w.evidence);
  CHECK(g.value_in_evidence == w.value_in_evidence);
}

// Reads lists[k] for each k of `order`; what came back, by visit.
std::vector<std::vector<SourcedClaim>> Read(const ClaimSpool& spool, const std::vector<std::vector<int64_t>>& lists,
                                            const std::vector<size_t>& order) {
  std::vector<const std::vector<int64_t>*> pointers;
  for (const auto& list : lists) pointers.push_back(&list);
  std::vector<std::vector<SourcedClaim>> seen;
  spool.ForEachList(pointers, order, [&](size_t, std::vector<SourcedClaim>& claims) {
    seen.push_back(claims);
    return true;
  });
  return seen;
}

}  // namespace

TEST_CASE("ClaimSpool gives back every field of a claim, empty ones included", "[report][spool]") {
  ClaimSpool spool;
  REQUIRE(spool.status().ok());
  const SourcedClaim full = FullClaim(1);
  SourcedClaim empty;  // what the store gives for NULL columns: empty strings, no roles, no `when`
  empty.claim.when.weekday = -1;
  empty.claim.value.interval = {std::nan(""), -Interval::kInfinity, false, true};
  const std::vector<std::vector<int64_t>> lists = {{spool.Append(full), spool.Append(empty)}};
  const auto seen = Read(spool, lists, {0});
  REQUIRE(spool.status().ok());
  REQUIRE(seen.size() == 1);
  REQUIRE(seen[0].size() == 2);
  CheckSame(seen[0][0], full);
  CheckSame(seen[0][1], empty);
  CHECK(std::isnan(seen[0][1].claim.value.interval.lo));
}

TEST_CASE("ClaimSpool reads lists in any order, twice, empty, and after more appends", "[report][spool]") {
  ClaimSpool spool;
  std::vector<SourcedClaim> claims;
  std::vector<int64_t> keys;
  for (int n = 0; n < 6; ++n) {
    claims.push_back(FullClaim(n));
    keys.push_back(spool.Append(claims.back()));
  }
  // Findings (runs of the spool), an empty one, and a document's claims from several findings.
  const std::vector<std::vector<int64_t>> lists = {
      {keys[0], keys[1]}, {}, {keys[2], keys[3], keys[4]}, {keys[5]}, {keys[4], keys[0], keys[4]}};
  const auto seen = Read(spool, lists, {3, 1, 0, 3, 4, 2});
  REQUIRE(spool.status().ok());
  REQUIRE(seen.size() == 6);
  REQUIRE(seen[0].size() == 1);
  CheckSame(seen[0][0], claims[5]);
  CHECK(seen[1].empty());
  REQUIRE(seen[2].size() == 2);
  CheckSame(seen[2][0], claims[0]);
  CheckSame(seen[2][1], claims[1]);
  REQUIRE(seen[3].size() == 1);
  CheckSame(seen[3][0], claims[5]);  // read twice
  REQUIRE(seen[4].size() == 3);
  CheckSame(seen[4][0], claims[4]);
  CheckSame(seen[4][1], claims[0]);
  CheckSame(seen[4][2], claims[4]);
  REQUIRE(seen[5].size() == 3);
  CheckSame(seen[5][2], claims[4]);

  // Appending after a read, then reading the new claim with an old one.
  const SourcedClaim later = FullClaim(7);
  const std::vector<std::vector<int64_t>> more = {{spool.Append(later), keys[1]}};
  const auto again = Read(spool, more, {0});
  REQUIRE(again.size() == 1);
  REQUIRE(again[0].size() == 2);
  CheckSame(again[0][0], later);
  CheckSame(again[0][1], claims[1]);
  CHECK(spool.status().ok());
}

TEST_CASE("ClaimSpool stops when the visitor says so", "[report][spool]") {
  ClaimSpool spool;
  const std::vector<std::vector<int64_t>> lists = {{spool.Append(FullClaim(0))}, {spool.Append(FullClaim(1))}};
  std::vector<const std::vector<int64_t>*> pointers = {&lists[0], &lists[1]};
  size_t visits = 0;
  spool.ForEachList(pointers, {1, 0}, [&](size_t k, std::vector<SourcedClaim>&) {
    ++visits;
    CHECK(k == 1);
    return false;
  });
  CHECK(visits == 1);
}

TEST_CASE("ClaimSpool handles records larger than its read window and spools larger than its buffer",
          "[report][spool]") {
  ClaimSpool spool;
  std::vector<SourcedClaim> claims;
  std::vector<int64_t> keys;
  for (int n = 0; n < 300; ++n) {
    SourcedClaim c = FullClaim(n);
    c.claim.evidence = std::string(static_cast<size_t>(n % 3 == 0 ? 300000 : 5000), static_cast<char>('a' + n % 26));
    claims.push_back(c);
    keys.push_back(spool.Append(c));
  }
  CHECK(spool.bytes() > (1u << 21));  // past the write buffer several times
  // Backwards, so that no record follows the one read before it.
  std::vector<std::vector<int64_t>> lists;
  std::vector<size_t> order;
  for (size_t i = keys.size(); i-- > 0;) {
    order.push_back(lists.size());
    lists.push_back({keys[i]});
  }
  lists.push_back(keys);  // and all of them in a run
  order.push_back(lists.size() - 1);
  const auto seen = Read(spool, lists, order);
  REQUIRE(spool.status().ok());
  REQUIRE(seen.size() == claims.size() + 1);
  for (size_t i = 0; i < claims.size(); ++i) {
    REQUIRE(seen[i].size() == 1);
    CHECK(seen[i][0].claim.evidence == claims[claims.size() - 1 - i].claim.evidence);
    CHECK(seen[i][0].id == claims[claims.size() - 1 - i].id);
  }
  REQUIRE(seen.back().size() == claims.size());
  for (size_t i = 0; i < claims.size(); ++i) CheckSame(seen.back()[i], claims[i]);
}

TEST_CASE("ClaimSpool in a folder leaves no file behind, and falls back when the folder cannot hold one",
          "[report][spool]") {
  crosscheck::testing::TempDir dir;
  for (const std::filesystem::path& folder : {dir.path(), dir.path() / "missing"}) {
    ClaimSpool spool(folder);
    REQUIRE(spool.status().ok());
    const SourcedClaim claim = FullClaim(2);
    const std::vector<std::vector<int64_t>> lists = {{spool.Append(claim)}};
    const auto seen = Read(spool, lists, {0});
    REQUIRE(seen.size() == 1);
    REQUIRE(seen[0].size() == 1);
    CheckSame(seen[0][0], claim);
    CHECK(std::filesystem::is_empty(dir.path()));
  }
}

TEST_CASE("ClaimSpool is read by several threads at once, each list whole and in its order", "[report][spool][threads]") {
  ClaimSpool spool;
  std::vector<SourcedClaim> claims;
  std::vector<std::vector<int64_t>> lists(40);
  for (int n = 0; n < 400; ++n) {
    SourcedClaim c = FullClaim(n);
    c.claim.evidence = std::string(static_cast<size_t>(2000 + 37 * n), static_cast<char>('a' + n % 26));
    claims.push_back(c);
    lists[static_cast<size_t>(n) % lists.size()].push_back(spool.Append(c));  // lists interleaved in the file
  }
  // Left in the write buffer: the first reader flushes it while the others wait.
  std::vector<size_t> forward(lists.size());
  for (size_t i = 0; i < forward.size(); ++i) forward[i] = i;
  const std::vector<size_t> backward(forward.rbegin(), forward.rend());
  std::vector<std::vector<std::vector<SourcedClaim>>> seen(4);
  std::vector<std::thread> readers;
  for (size_t t = 0; t < seen.size(); ++t) {
    readers.emplace_back([&, t] { seen[t] = Read(spool, lists, t % 2 == 0 ? forward : backward); });
  }
  for (std::thread& r : readers) r.join();
  REQUIRE(spool.status().ok());
  for (size_t t = 0; t < seen.size(); ++t) {
    REQUIRE(seen[t].size() == lists.size());
    for (size_t v = 0; v < lists.size(); ++v) {
      const size_t k = t % 2 == 0 ? v : lists.size() - 1 - v;
      REQUIRE(seen[t][v].size() == lists[k].size());
      for (size_t j = 0; j < lists[k].size(); ++j) {
        const SourcedClaim& want = claims[k + j * lists.size()];
        REQUIRE(seen[t][v][j].id == want.id);
        REQUIRE(seen[t][v][j].claim.evidence == want.claim.evidence);
      }
    }
  }
}

TEST_CASE("ClaimSpool reads a list in pieces, in order, and an empty list once", "[report][spool]") {
  ClaimSpool spool;
  std::vector<SourcedClaim> claims;
  std::vector<int64_t> keys;
  for (int n = 0; n < 5; ++n) {
    claims.push_back(FullClaim(n));
    keys.push_back(spool.Append(claims.back()));
  }
  const std::vector<std::vector<int64_t>> lists = {{keys[0], keys[1], keys[2], keys[3], keys[4]}, {}, {keys[1]}};
  std::vector<const std::vector<int64_t>*> pointers = {&lists[0], &lists[1], &lists[2]};
  std::vector<std::tuple<size_t, size_t, size_t>> visits;  // (list, begin, claims)
  std::vector<SourcedClaim> seen;
  spool.ForEachPiece(pointers, {0, 1, 2}, 2, [&](size_t k, size_t begin, std::vector<SourcedClaim>& piece) {
    visits.emplace_back(k, begin, piece.size());
    if (k == 0) seen.insert(seen.end(), piece.begin(), piece.end());
    return true;
  });
  REQUIRE(spool.status().ok());
  CHECK(visits == std::vector<std::tuple<size_t, size_t, size_t>>{{0, 0, 2}, {0, 2, 2}, {0, 4, 1}, {1, 0, 0}, {2, 0, 1}});
  REQUIRE(seen.size() == 5);
  for (size_t j = 0; j < seen.size(); ++j) CheckSame(seen[j], claims[j]);

  // Stopping inside a list.
  size_t count = 0;
  spool.ForEachPiece(pointers, {0, 2}, 2, [&](size_t, size_t, std::vector<SourcedClaim>&) { return ++count < 2; });
  CHECK(count == 2);
}
