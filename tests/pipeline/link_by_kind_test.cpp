// Linking one subject kind at a time, on light projections of the claims read
// from the store (what the report pipeline does), gives the same subject
// groups as linking every claim at once in memory.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "crosscheck/pipeline.h"
#include "link/subject_linker.h"
#include "pipeline/engine_impl.h"
#include "store/store.h"
#include "test_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

std::map<std::string, link::TemplateRules> Rules(const Engine& engine) {
  std::map<std::string, link::TemplateRules> rules;
  for (const auto& t : engine.impl().templates->templates()) {
    link::TemplateRules& r = rules[t.spec.id];
    r.subject_kind = t.spec.subject_kind;
    r.label = t.spec.label;
    for (const auto& role : t.spec.roles) {
      if (!role.identifies) r.non_identifying_roles.insert(role.name);
    }
  }
  return rules;
}

// Reports `corpus`, then links the claims of its store both ways and compares.
void RequireSameGroups(const fs::path& corpus, const fs::path& out) {
  const Engine& engine = DefaultEngine();
  auto summary = RunReport(engine, TestRunOptions(corpus, out), nullptr);
  REQUIRE(summary.ok());
  auto store = store::Store::Open(summary->db);
  REQUIRE(store.ok());
  const int64_t run = (*store)->database().execAndGet("SELECT max(id) FROM runs").getInt64();
  const auto rules = Rules(engine);
  const knowledge::Gazetteer* places = &engine.impl().knowledge.places();

  auto all = (*store)->LoadClaims(run);
  REQUIRE(all.ok());
  REQUIRE(!all->empty());
  const link::LinkResult whole = link::LinkSubjects(*all, rules, places);

  std::map<std::string, std::vector<std::string>> templates_of;
  for (const auto& [id, rule] : rules) templates_of[rule.subject_kind].push_back(id);
  auto place_names = (*store)->NamedEntities(run, "place");
  REQUIRE(place_names.ok());
  link::SubjectLinker linker(rules, places, *place_names);
  size_t projected = 0;
  for (const auto& entry : templates_of) {
    const std::string& kind = entry.first;  // not a structured binding: clang 14 cannot capture those
    const std::vector<std::string>& templates = entry.second;
    link::SharedStrings strings;
    std::vector<link::LinkClaim> claims;
    REQUIRE((*store)->ForEachClaimToLink(run, templates, [&](SourcedClaim&& c) {
      CHECK(link::SubjectLinker::KindOf(rules, c.claim.template_id, c.claim.subject_kind) == kind);
      claims.push_back(link::ToLinkClaim(c, claims.size(), &strings));
    }).ok());
    projected += claims.size();
    linker.LinkKind(kind, claims);
  }
  const link::LinkResult by_kind = linker.Finish();

  CHECK(projected == all->size());
  CHECK(by_kind.subjects == whole.subjects);
  REQUIRE(by_kind.groups.size() == whole.groups.size());
  for (size_t g = 0; g < whole.groups.size(); ++g) {
    const link::SubjectGroup& a = whole.groups[g];
    const link::SubjectGroup& b = by_kind.groups[g];
    INFO(a.subject.id << " " << a.template_id);
    CHECK(b.subject.id == a.subject.id);
    CHECK(b.subject.kind == a.subject.kind);
    CHECK(b.subject.label == a.subject.label);
    CHECK(b.subject.participants == a.subject.participants);
    CHECK(b.subject.time == a.subject.time);
    CHECK(b.template_id == a.template_id);
    CHECK(b.claim_ids == a.claim_ids);
    std::vector<int64_t> ids;
    for (size_t index : a.claims) ids.push_back((*all)[index].id);
    CHECK(ids == a.claim_ids);
  }
}

}  // namespace

TEST_CASE("link: one subject kind at a time on projections from the store gives the groups of linking all claims",
          "[link][pipeline][memory]") {
  TempDir dir;
  std::vector<fs::path> corpora = {SourceDir() / "corpus" / "sample"};
  if (fs::is_directory(SharedDir() / "seeds")) {
    corpora.push_back(SharedDir() / "seeds");
  } else {
    WARN("../shared/seeds is not present: the seeds are not compared");
  }
  // A generated corpus: several pairs of leaders, places inside places, dates.
  static const char* const kPairs[][2] = {{"Anna Lindqvist", "Tomas Koval"},
                                          {"Donald Trump", "Vladimir Putin"},
                                          {"Donald Trump", "Volodymyr Zelenskyy"}};
  static const char* const kPlaces[] = {"Vienna", "Austria", "Geneva", "Riyadh", "Saudi Arabia"};
  static const char* const kDurations[] = {"45 minutes", "about 90 minutes", "more than an hour", "two hours"};
  for (size_t i = 0; i < 30; ++i) {
    const auto& pair = kPairs[i % 3];
    const std::string text = std::string(pair[0]) + " spoke with " + pair[1] + " on March " + std::to_string(3 + i % 9) +
                             ", 2025.\n\nThe call lasted " + kDurations[i % 4] + ", officials said.\n\n" + pair[0] +
                             " and " + pair[1] + " will meet in " + kPlaces[(i / 3) % 5] + " next month.\n\n" + pair[1] +
                             " invited " + pair[0] + " to visit Moscow.\n";
    dir.Write("generated/outlet-" + std::to_string(i % 4) + "/article-" + std::to_string(i) + ".txt", text);
  }
  corpora.push_back(dir / "generated");
  for (const fs::path& corpus : corpora) {
    INFO(corpus.generic_string());
    RequireSameGroups(corpus, dir / ("out-" + corpus.filename().string()));
  }
}

}  // namespace crosscheck::testing
