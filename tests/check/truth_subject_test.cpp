// Tests for check/truth_subject: a subject's evidence survives its record bit
// for bit, and a damaged record is refused rather than read past its end.
#include "check/truth_subject.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

using crosscheck::check::truth_internal::EncodeSubject;
using crosscheck::check::truth_internal::Group;
using crosscheck::check::truth_internal::OutletPart;
using crosscheck::check::truth_internal::SubjectEvidence;
using crosscheck::check::truth_internal::SubjectView;

namespace {

SubjectEvidence TwoSources() {
  SubjectEvidence s;
  s.finding_id = "meeting_location/meeting:a+b";
  s.candidates = {"Geneva", "Switzerland", std::string("odd\0name", 8)};
  s.within = {{false, true, false}, {false, false, false}, {false, false, false}};
  s.exclusive = {{false, false, true}, {false, false, true}, {true, true, false}};
  Group one;
  one.outlets = {7};
  one.weight = 1;
  one.vote = {1, 1, 0};
  one.wrong = {0, 0, 1};
  one.right = {1, 1, 0};
  Group copies;
  copies.outlets = {3, 0, 12};
  copies.weight = 0.75;
  copies.vote = {0.1 + 0.2, std::numeric_limits<double>::denorm_min(), -0.0};
  copies.wrong = {0, 0.25, 0.75};
  copies.right = {0.5, 0.5, 1.0 / 3};
  s.groups = {one, copies};
  s.parts = {OutletPart{7, 0, 2, 1, {1, 1, 0}}, OutletPart{3, 1, 1, 0.5, {0, 1, 1}}, OutletPart{0, 1, 4, 1, {0.25, 0.5, 1}}};
  return s;
}

}  // namespace

TEST_CASE("Truth subject records keep every number's bits and every name", "[check][consensus]") {
  const SubjectEvidence s = TwoSources();
  std::string record = "prefix:";  // records follow one another in a spool
  EncodeSubject(s, &record);
  SubjectView view;
  REQUIRE(view.Parse(std::string_view(record).substr(7), 13));
  CHECK(view.finding_id() == s.finding_id);
  REQUIRE(view.candidates() == 3);
  for (size_t v = 0; v < 3; ++v) CHECK(view.candidate(v) == s.candidates[v]);
  for (size_t a = 0; a < 3; ++a) {
    for (size_t b = 0; b < 3; ++b) {
      CHECK(view.within(a, b) == s.within[a][b]);
      CHECK(view.exclusive(a, b) == s.exclusive[a][b]);
    }
  }
  REQUIRE(view.groups() == 2);
  for (size_t g = 0; g < 2; ++g) {
    REQUIRE(view.outlet_count(g) == s.groups[g].outlets.size());
    for (size_t i = 0; i < view.outlet_count(g); ++i) CHECK(view.outlet(g, i) == s.groups[g].outlets[i]);
    CHECK(view.weight(g) == s.groups[g].weight);
    for (size_t v = 0; v < 3; ++v) {
      CHECK(view.vote(g, v) == s.groups[g].vote[v]);
      CHECK(std::signbit(view.vote(g, v)) == std::signbit(s.groups[g].vote[v]));
      CHECK(view.wrong(g, v) == s.groups[g].wrong[v]);
      CHECK(view.right(g, v) == s.groups[g].right[v]);
    }
  }
  REQUIRE(view.parts() == 3);
  for (size_t p = 0; p < 3; ++p) {
    CHECK(view.part_outlet(p) == s.parts[p].outlet);
    CHECK(view.part_group(p) == s.parts[p].group);
    CHECK(view.part_claims(p) == s.parts[p].claims);
    CHECK(view.part_weight(p) == s.parts[p].weight);
    for (size_t v = 0; v < 3; ++v) CHECK(view.fits(p, v) == s.parts[p].fits[v]);
  }
}

TEST_CASE("Truth subject records without candidates or sources parse", "[check][consensus]") {
  SubjectEvidence s;
  s.finding_id = "kind/empty";
  std::string record;
  EncodeSubject(s, &record);
  SubjectView view;
  REQUIRE(view.Parse(record, 0));
  CHECK(view.candidates() == 0);
  CHECK(view.groups() == 0);
  CHECK(view.parts() == 0);
  CHECK(view.finding_id() == "kind/empty");
}

TEST_CASE("Truth subject records cut short, lengthened or pointing outside are refused", "[check][consensus]") {
  std::string record;
  EncodeSubject(TwoSources(), &record);
  SubjectView view;
  for (size_t size = 0; size < record.size(); ++size) {
    CAPTURE(size);
    CHECK_FALSE(view.Parse(std::string_view(record).substr(0, size), 13));
  }
  CHECK_FALSE(view.Parse(record + "x", 13));
  REQUIRE(view.Parse(record, 13));
  CHECK_FALSE(view.Parse(record, 12));  // outlet 12 is named: 12 outlets are too few
  // A part naming a group the subject does not have (the part rows follow the three matrices).
  std::string bad = record;
  const size_t part_rows = record.size() - 3 * 3 * 8 - 3 * SubjectView::kPartBytes;
  bad[part_rows + 8] = 9;  // the first part's group
  CHECK_FALSE(view.Parse(bad, 13));
  // A candidate count larger than the record.
  bad = record;
  bad[7] = 1;  // k's top byte
  CHECK_FALSE(view.Parse(bad, 13));
}
