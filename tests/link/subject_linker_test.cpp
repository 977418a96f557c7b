// Tests for link/subject_linker and link/subject_graph: which claims are about
// the same subject, and the graph that explains it.
#include <catch2/catch.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "crosscheck/finding.h"
#include "link/subject_graph.h"
#include "link/subject_linker.h"
#include "test_support.h"

namespace {

using crosscheck::RoleFiller;
using crosscheck::SourcedClaim;
using crosscheck::ValueKind;
using crosscheck::link::LinkResult;
using crosscheck::link::LinkSubjects;
using crosscheck::link::SubjectGroup;
using crosscheck::link::TemplateRules;
using crosscheck::link::VertexKind;

const std::map<std::string, TemplateRules> kRules = {
    {"call_duration", {"call", "call between {participants}", {"moderator"}}},
    {"call_place", {"call", "call between {participants}", {"moderator"}}},
    {"visit_host", {"visit", "visit by {visitor} to {host}", {}}},
};

int next_document = 0;

// One claim of `template_id` naming `people` as participants, from its own document.
SourcedClaim MakeClaim(const std::string& outlet, const std::vector<std::string>& people, const std::string& time = "",
                       const std::string& template_id = "call_duration") {
  SourcedClaim sc;
  const int n = next_document++;
  std::string hash = std::to_string(1000000000 + n);
  sc.document_hash = hash + std::string(64 - hash.size(), 'f');
  sc.id = n + 1;
  sc.source.path = outlet + "/" + std::to_string(n) + ".txt";
  sc.source.outlet = outlet;
  sc.claim.template_id = template_id;
  sc.claim.subject_kind = "call";
  sc.claim.time = time;
  sc.claim.match_raw = {10, 40};
  sc.claim.value.kind = ValueKind::kQuantity;
  sc.claim.value.display = "90 min";
  for (const std::string& person : people) {
    sc.claim.roles.push_back(RoleFiller{"participants", person, "person", person, "slot", 0});
  }
  return sc;
}

// The set of claim indices of each group, keyed by subject id.
std::map<std::string, std::set<size_t>> Groups(const LinkResult& result) {
  std::map<std::string, std::set<size_t>> out;
  for (const SubjectGroup& g : result.groups) out[g.subject.id].insert(g.claims.begin(), g.claims.end());
  return out;
}

const SubjectGroup* GroupWith(const LinkResult& result, size_t claim) {
  for (const SubjectGroup& g : result.groups) {
    if (std::find(g.claims.begin(), g.claims.end(), claim) != g.claims.end()) return &g;
  }
  return nullptr;
}

bool SameGroup(const LinkResult& result, size_t a, size_t b) {
  const SubjectGroup* ga = GroupWith(result, a);
  const SubjectGroup* gb = GroupWith(result, b);
  return ga != nullptr && gb != nullptr && ga->subject.id == gb->subject.id;
}

const std::string kTrump = "Donald Trump";
const std::string kPutin = "Vladimir Putin";
const std::string kZelensky = "Volodymyr Zelensky";
const std::string kPeskov = "Dmitry Peskov";

}  // namespace

TEST_CASE("Claims with the same participants make one subject", "[link]") {
  const std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {kTrump, kPutin}),
      MakeClaim("CNN", {kPutin, kTrump}),
      MakeClaim("Reuters", {kTrump, kPutin, kTrump}),  // a repeated filler counts once
  };
  const LinkResult result = LinkSubjects(claims, kRules);
  CHECK(result.subjects == 1);
  REQUIRE(result.groups.size() == 1);
  const SubjectGroup& g = result.groups.front();
  CHECK(g.template_id == "call_duration");
  CHECK(g.claims == std::vector<size_t>{0, 1, 2});
  CHECK(g.subject.id == "call:donald-trump+vladimir-putin");
  CHECK(g.subject.kind == "call");
  CHECK(g.subject.label == "call between Donald Trump and Vladimir Putin");
  CHECK(g.subject.participants == std::vector<std::string>{kTrump, kPutin});
  CHECK(g.subject.time.empty());
}

TEST_CASE("Subjects whose names differ only in punctuation keep distinct ids", "[link]") {
  // Two spellings nobody listed: different entities, one slug.
  const std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {"Pam Shockley-Zalabak", kTrump}),
      MakeClaim("CNN", {"Pam Shockley Zalabak", kTrump}),
  };
  const LinkResult result = LinkSubjects(claims, kRules);
  REQUIRE(result.groups.size() == 2);
  CHECK(result.groups[0].subject.id != result.groups[1].subject.id);
  std::set<std::string> ids = {result.groups[0].subject.id, result.groups[1].subject.id};
  CHECK(ids == std::set<std::string>{"call:donald-trump+pam-shockley-zalabak", "call:donald-trump+pam-shockley-zalabak~2"});
}

TEST_CASE("Participant sets that overlap enough merge; one shared person does not", "[link]") {
  struct Case {
    const char* name;
    std::vector<std::string> a;
    std::vector<std::string> b;
    bool merge;
  };
  const std::vector<Case> cases = {
      {"identical", {kTrump, kPutin}, {kTrump, kPutin}, true},
      {"subset", {kTrump, kPutin}, {kTrump, kPutin, kPeskov}, true},
      {"superset", {kTrump, kPutin, kPeskov}, {kPutin, kTrump}, true},
      {"two of three shared", {kTrump, kPutin, kPeskov}, {kTrump, kPutin, kZelensky}, true},
      {"only Trump shared", {kTrump, kPutin}, {kTrump, kZelensky}, false},
      {"only Trump shared, three each", {kTrump, kPutin, kPeskov}, {kTrump, kZelensky, "Andriy Yermak"}, false},
      {"nobody shared", {kTrump, kPutin}, {kZelensky, "Emmanuel Macron"}, false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", c.a), MakeClaim("CNN", c.b)};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK(SameGroup(result, 0, 1) == c.merge);
    CHECK(result.subjects == (c.merge ? 1u : 2u));
  }
}

TEST_CASE("A merged subject names everyone from its claims", "[link]") {
  const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kTrump, kPutin}),
                                            MakeClaim("CNN", {kTrump, kPutin, kPeskov})};
  const LinkResult result = LinkSubjects(claims, kRules);
  REQUIRE(result.groups.size() == 1);
  CHECK(result.groups[0].subject.participants == std::vector<std::string>{kPeskov, kTrump, kPutin});
  CHECK(result.groups[0].subject.id == "call:dmitry-peskov+donald-trump+vladimir-putin");
  CHECK(result.groups[0].subject.label == "call between Dmitry Peskov, Donald Trump and Vladimir Putin");
}

TEST_CASE("Trump's call with Putin and his call with Zelensky stay apart", "[link]") {
  const std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {kTrump, kPutin}),
      MakeClaim("CNN", {kTrump, kZelensky}),
      MakeClaim("Reuters", {kPutin, kTrump}),
      MakeClaim("AP", {kZelensky, kTrump}),
  };
  const LinkResult result = LinkSubjects(claims, kRules);
  CHECK(result.subjects == 2);
  const auto groups = Groups(result);
  CHECK(groups == std::map<std::string, std::set<size_t>>{{"call:donald-trump+vladimir-putin", {0, 2}},
                                                          {"call:donald-trump+volodymyr-zelensky", {1, 3}}});
}

TEST_CASE("A claim naming one participant joins the one subject containing it", "[link]") {
  SECTION("one home: it joins") {
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kTrump, kPutin}), MakeClaim("CNN", {kPutin}),
                                              MakeClaim("AP", {kTrump, kZelensky})};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK(SameGroup(result, 0, 1));
    CHECK_FALSE(SameGroup(result, 1, 2));
    CHECK(result.subjects == 2);
    CHECK(GroupWith(result, 1)->subject.id == "call:donald-trump+vladimir-putin");
  }
  SECTION("two homes: it stays apart") {
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kTrump, kPutin}), MakeClaim("CNN", {kTrump}),
                                              MakeClaim("AP", {kTrump, kZelensky})};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK(result.subjects == 3);
    CHECK_FALSE(SameGroup(result, 1, 0));
    CHECK_FALSE(SameGroup(result, 1, 2));
    REQUIRE(GroupWith(result, 1) != nullptr);
    CHECK(GroupWith(result, 1)->subject.id == "call:donald-trump");
    CHECK(GroupWith(result, 1)->subject.participants == std::vector<std::string>{kTrump});
  }
  SECTION("no home: single-participant claims about the same person join each other") {
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kPutin}), MakeClaim("CNN", {kPutin}),
                                              MakeClaim("AP", {kZelensky})};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK(result.subjects == 2);
    CHECK(SameGroup(result, 0, 1));
    CHECK_FALSE(SameGroup(result, 0, 2));
  }
}

TEST_CASE("Non-identifying roles do not change a subject's identity", "[link]") {
  std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kTrump, kPutin}), MakeClaim("CNN", {kTrump, kPutin})};
  claims[1].claim.roles.push_back(RoleFiller{"moderator", "Steve Witkoff", "person", "Witkoff", "sentence", 0});
  const LinkResult result = LinkSubjects(claims, kRules);
  REQUIRE(result.groups.size() == 1);
  CHECK(result.groups[0].claims == std::vector<size_t>{0, 1});
  CHECK(result.groups[0].subject.participants == std::vector<std::string>{kTrump, kPutin});
  CHECK(result.groups[0].subject.id == "call:donald-trump+vladimir-putin");

  // A claim whose only other person is a moderator is a one-participant claim.
  std::vector<SourcedClaim> lone = {MakeClaim("BBC", {kTrump, kPutin}), MakeClaim("AP", {kPutin})};
  lone[1].claim.roles.push_back(RoleFiller{"moderator", kZelensky, "person", "Zelensky", "sentence", 0});
  const LinkResult joined = LinkSubjects(lone, kRules);
  CHECK(joined.subjects == 1);
  CHECK(SameGroup(joined, 0, 1));
}

TEST_CASE("Claims dated more than a week apart are different events", "[link]") {
  struct Case {
    const char* a;
    const char* b;
    bool merge;
  };
  const std::vector<Case> cases = {
      {"2025-03-18", "2025-03-18", true},  {"2025-03-18", "2025-03-25", true},  // 7 days
      {"2025-03-18", "2025-03-26", false},                                      // 8 days
      {"2025-03-18", "2025-02-18", false}, {"2024-12-29", "2025-01-04", true},  // across a year
      {"2025-03-18", "", true},                                                 // unknown date
  };
  for (const Case& c : cases) {
    INFO(c.a << " vs " << c.b);
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kTrump, kPutin}, c.a),
                                              MakeClaim("CNN", {kTrump, kPutin}, c.b)};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK(SameGroup(result, 0, 1) == c.merge);
    CHECK(result.subjects == (c.merge ? 1u : 2u));
  }
}

TEST_CASE("A one-participant claim only joins subjects and claims at a compatible date", "[link]") {
  SECTION("a lone Putin claim in June does not join the Trump-Putin call of March") {
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kTrump, kPutin}, "2025-03-01"),
                                              MakeClaim("CNN", {kPutin}, "2025-06-01")};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK_FALSE(SameGroup(result, 0, 1));
    CHECK(result.subjects == 2);
    REQUIRE(GroupWith(result, 1) != nullptr);
    CHECK(GroupWith(result, 1)->subject.id == "call:vladimir-putin@2025-06-01");
  }
  SECTION("the same lone claim within a week joins it") {
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kTrump, kPutin}, "2025-03-01"),
                                              MakeClaim("CNN", {kPutin}, "2025-03-05")};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK(SameGroup(result, 0, 1));
    CHECK(result.subjects == 1);
  }
  SECTION("two lone Putin claims three months apart stay apart") {
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kPutin}, "2025-03-01"),
                                              MakeClaim("CNN", {kPutin}, "2025-06-01")};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK_FALSE(SameGroup(result, 0, 1));
    CHECK(result.subjects == 2);
  }
  SECTION("two lone Putin claims within seven days merge") {
    const std::vector<SourcedClaim> claims = {MakeClaim("BBC", {kPutin}, "2025-03-01"),
                                              MakeClaim("CNN", {kPutin}, "2025-03-08")};
    const LinkResult result = LinkSubjects(claims, kRules);
    CHECK(SameGroup(result, 0, 1));
    CHECK(result.subjects == 1);
  }
}

TEST_CASE("A dated subject carries its most reported date in id and label", "[link]") {
  const std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {kTrump, kPutin}, "2025-03-18"),
      MakeClaim("CNN", {kTrump, kPutin}, "2025-03-19"),
      MakeClaim("AP", {kTrump, kPutin}, "2025-03-19"),
      MakeClaim("Reuters", {kTrump, kPutin}, "2025-04-30"),
  };
  const LinkResult result = LinkSubjects(claims, kRules);
  CHECK(result.subjects == 2);
  const auto groups = Groups(result);
  CHECK(groups == std::map<std::string, std::set<size_t>>{{"call:donald-trump+vladimir-putin@2025-03-19", {0, 1, 2}},
                                                          {"call:donald-trump+vladimir-putin@2025-04-30", {3}}});
  const SubjectGroup* march = GroupWith(result, 0);
  REQUIRE(march != nullptr);
  CHECK(march->subject.time == "2025-03-19");
  CHECK(march->subject.label == "call between Donald Trump and Vladimir Putin (2025-03-19)");
}

TEST_CASE("Subjects are per kind, groups per template, sorted by template then subject", "[link]") {
  std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {kTrump, kZelensky}, "", "call_place"),
      MakeClaim("CNN", {kTrump, kPutin}, "", "call_place"),
      MakeClaim("AP", {kTrump, kPutin}, "", "call_duration"),
      MakeClaim("AP", {kTrump, kPutin}, "", "meeting_place"),  // no rules: the claim's own subject kind
  };
  claims[3].claim.subject_kind = "meeting";
  const LinkResult result = LinkSubjects(claims, kRules);
  CHECK(result.subjects == 3);
  std::vector<std::pair<std::string, std::string>> order;
  for (const SubjectGroup& g : result.groups) order.emplace_back(g.template_id, g.subject.id);
  CHECK(order == std::vector<std::pair<std::string, std::string>>{
                     {"call_duration", "call:donald-trump+vladimir-putin"},
                     {"call_place", "call:donald-trump+vladimir-putin"},
                     {"call_place", "call:donald-trump+volodymyr-zelensky"},
                     {"meeting_place", "meeting:donald-trump+vladimir-putin"},
                 });
  // call_duration and call_place share one subject; the meeting is another kind.
  CHECK(result.groups[0].subject.label == result.groups[1].subject.label);
  CHECK(result.groups[0].claims == std::vector<size_t>{2});
  CHECK(result.groups[1].claims == std::vector<size_t>{1});
  CHECK(result.groups[3].subject.kind == "meeting");
  CHECK(result.groups[3].subject.label == "meeting of Donald Trump and Vladimir Putin");
}

TEST_CASE("Labels fill template roles from the claims", "[link]") {
  std::vector<SourcedClaim> claims = {MakeClaim("BBC", {}, "", "visit_host"), MakeClaim("CNN", {}, "", "visit_host")};
  for (SourcedClaim& sc : claims) {
    sc.claim.roles = {RoleFiller{"visitor", "Emmanuel Macron", "person", "Macron", "slot", 0},
                      RoleFiller{"host", "Xi Jinping", "person", "Xi", "slot", 0}};
  }
  SourcedClaim nobody = MakeClaim("AP", {}, "", "visit_host");
  claims.push_back(nobody);
  const LinkResult result = LinkSubjects(claims, kRules);
  REQUIRE(result.groups.size() == 2);
  CHECK(result.groups[0].subject.id == "visit:emmanuel-macron+xi-jinping");
  CHECK(result.groups[0].subject.label == "visit by Emmanuel Macron to Xi Jinping");
  CHECK(result.groups[1].subject.id == "visit:unspecified");
  CHECK(result.groups[1].subject.label == "visit by unknown to unknown");
}

TEST_CASE("Subject ids and labels do not depend on the order of the claims", "[link]") {
  const std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {kTrump, kPutin}, "2025-03-18"), MakeClaim("CNN", {kTrump, kZelensky}),
      MakeClaim("AP", {kPutin, kTrump, kPeskov}, "2025-03-19"), MakeClaim("Reuters", {kZelensky}),
      MakeClaim("DW", {kTrump}),                         MakeClaim("BBC", {kTrump, kPutin}, "2025-05-01", "call_place"),
  };
  using Key = std::tuple<std::string, std::string, std::string, std::vector<std::string>, std::set<std::string>>;
  auto keys = [](const std::vector<SourcedClaim>& input) {
    const LinkResult result = LinkSubjects(input, kRules);
    std::vector<Key> out;
    for (const SubjectGroup& g : result.groups) {
      std::set<std::string> ids;
      for (size_t i : g.claims) ids.insert(crosscheck::StableClaimId(input[i]));
      out.emplace_back(g.template_id, g.subject.id, g.subject.label, g.subject.participants, ids);
    }
    return out;
  };
  const std::vector<Key> expected = keys(claims);
  // Trump–Putin in March (with Peskov), Trump–Zelensky (with the lone Zelensky claim),
  // the ambiguous lone Trump claim, and Trump–Putin in May.
  REQUIRE(expected.size() == 4);
  CHECK(std::is_sorted(expected.begin(), expected.end(), [](const Key& a, const Key& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  }));
  std::vector<SourcedClaim> shuffled = claims;
  std::reverse(shuffled.begin(), shuffled.end());
  CHECK(keys(shuffled) == expected);
  std::rotate(shuffled.begin(), shuffled.begin() + 2, shuffled.end());
  CHECK(keys(shuffled) == expected);
  CHECK(keys(claims) == expected);  // and the same on a second run
}

TEST_CASE("Slug makes stable ASCII identifiers", "[link]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Donald Trump", "donald-trump"},
      {"  Vladimir   Putin  ", "vladimir-putin"},
      {"Al-Sa'ud, Mohammed bin Salman", "al-sa-ud-mohammed-bin-salman"},
      {"G7", "g7"},
      {"", "unnamed"},
      {"--", "unnamed"},
      {"S\xC3\xA9gol\xC3\xA8ne Royal", "s\xC3\xA9gol\xC3\xA8ne-royal"},
  };
  for (const auto& [text, slug] : cases) {
    INFO(text);
    CHECK(crosscheck::link::Slug(text) == slug);
  }
}

TEST_CASE("The subject graph links documents, claims, entities and subjects", "[link]") {
  std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {kTrump, kPutin}),
      MakeClaim("CNN", {kTrump, kPutin}),
      MakeClaim("AP", {kTrump, kZelensky}),
  };
  claims[1].claim.roles.push_back(RoleFiller{"moderator", "Steve Witkoff", "person", "Witkoff", "sentence", 0});
  claims[1].claim.value.display = "an hour";
  const LinkResult result = LinkSubjects(claims, kRules);
  const crosscheck::link::SubjectGraph& graph = result.graph;
  CHECK(graph.CountVertices(VertexKind::kDocument) == 3);
  CHECK(graph.CountVertices(VertexKind::kClaim) == 3);
  CHECK(graph.CountVertices(VertexKind::kEntity) == 4);  // Trump, Putin, Zelensky, Witkoff
  CHECK(graph.CountVertices(VertexKind::kSubject) == 2);
  CHECK(boost::num_vertices(graph.graph()) == 12);
  // Per claim: from its document, about its subject, one edge per role filler.
  CHECK(boost::num_edges(graph.graph()) == (2 + 2) + (2 + 3) + (2 + 2));

  const auto& g = graph.graph();
  auto find = [&](VertexKind kind, const std::string& key) {
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
      if (g[*it].kind == kind && g[*it].key == key) return static_cast<long>(*it);
    }
    return -1L;
  };
  auto edge_label = [&](long a, long b) -> std::string {
    if (a < 0 || b < 0) return "<missing vertex>";
    auto [e, exists] = boost::edge(static_cast<size_t>(a), static_cast<size_t>(b), g);
    return exists ? g[e].label : "<no edge>";
  };
  const long claim = find(VertexKind::kClaim, crosscheck::StableClaimId(claims[1]));
  REQUIRE(claim >= 0);
  CHECK(g[static_cast<size_t>(claim)].label == "call_duration: an hour");
  const long document = find(VertexKind::kDocument, claims[1].source.path);
  REQUIRE(document >= 0);
  CHECK(g[static_cast<size_t>(document)].label == "CNN");
  const long subject = find(VertexKind::kSubject, "call:donald-trump+vladimir-putin");
  REQUIRE(subject >= 0);
  CHECK(g[static_cast<size_t>(subject)].label == "call between Donald Trump and Vladimir Putin");
  const long witkoff = find(VertexKind::kEntity, "person:Steve Witkoff");
  REQUIRE(witkoff >= 0);
  CHECK(g[static_cast<size_t>(witkoff)].label == "Steve Witkoff");

  CHECK(edge_label(claim, document) == "from");
  CHECK(edge_label(claim, subject) == "about");
  CHECK(edge_label(claim, find(VertexKind::kEntity, "person:" + kPutin)) == "participants");
  CHECK(edge_label(claim, witkoff) == "moderator");
  // The Trump–Zelensky claim is not about the Trump–Putin subject.
  CHECK(edge_label(find(VertexKind::kClaim, crosscheck::StableClaimId(claims[2])), subject) == "<no edge>");
  // Entities are shared: Trump is connected to all three claims.
  CHECK(boost::degree(static_cast<size_t>(find(VertexKind::kEntity, "person:" + kTrump)), g) == 3);
}

TEST_CASE("The subject graph past its vertex limit lets go of every vertex; the groups stay the same", "[link]") {
  std::vector<SourcedClaim> claims = {
      MakeClaim("BBC", {kTrump, kPutin}),
      MakeClaim("CNN", {kTrump, kPutin}),
      MakeClaim("AP", {kTrump, kZelensky}),
  };
  claims[1].claim.roles.push_back(RoleFiller{"moderator", "Steve Witkoff", "person", "Witkoff", "sentence", 0});
  const LinkResult whole = LinkSubjects(claims, kRules);
  REQUIRE(boost::num_vertices(whole.graph.graph()) == 12);
  CHECK_FALSE(whole.graph.overflowed());

  const LinkResult exact = LinkSubjects(claims, kRules, nullptr, 12);
  CHECK_FALSE(exact.graph.overflowed());
  CHECK(boost::num_vertices(exact.graph.graph()) == 12);
  CHECK(boost::num_edges(exact.graph.graph()) == boost::num_edges(whole.graph.graph()));

  for (size_t limit : {size_t{0}, size_t{1}, size_t{11}}) {
    INFO("limit " << limit);
    const LinkResult capped = LinkSubjects(claims, kRules, nullptr, limit);
    CHECK(capped.graph.overflowed());
    CHECK(boost::num_vertices(capped.graph.graph()) == 0);
    CHECK(boost::num_edges(capped.graph.graph()) == 0);
    CHECK(capped.subjects == whole.subjects);
    REQUIRE(capped.groups.size() == whole.groups.size());
    for (size_t i = 0; i < whole.groups.size(); ++i) {
      CHECK(capped.groups[i].subject.id == whole.groups[i].subject.id);
      CHECK(capped.groups[i].subject.label == whole.groups[i].subject.label);
      CHECK(capped.groups[i].template_id == whole.groups[i].template_id);
      CHECK(capped.groups[i].claims == whole.groups[i].claims);
    }
  }
}

TEST_CASE("SubjectGraph counts only new vertices against its limit and ignores all after overflowing", "[link]") {
  crosscheck::link::SubjectGraph graph(2);
  const auto a = graph.Add(VertexKind::kEntity, "person:X", "X");
  const auto b = graph.Add(VertexKind::kDocument, "a.txt", "a.txt");
  CHECK(graph.Add(VertexKind::kEntity, "person:X", "X again") == a);  // not new: no overflow
  graph.Connect(a, b, "from");
  CHECK_FALSE(graph.overflowed());
  CHECK(boost::num_vertices(graph.graph()) == 2);
  CHECK(boost::num_edges(graph.graph()) == 1);

  graph.Add(VertexKind::kClaim, "c1", "c1");
  CHECK(graph.overflowed());
  CHECK(boost::num_vertices(graph.graph()) == 0);
  const auto later = graph.Add(VertexKind::kClaim, "c2", "c2");
  graph.Connect(later, graph.Add(VertexKind::kEntity, "person:X", "X"), "role");
  CHECK(boost::num_vertices(graph.graph()) == 0);
  CHECK(boost::num_edges(graph.graph()) == 0);
  CHECK(graph.CountVertices(VertexKind::kEntity) == 0);
}

TEST_CASE("SubjectGraph::Add returns the same vertex for the same kind and key", "[link]") {
  crosscheck::link::SubjectGraph graph;
  const auto a = graph.Add(VertexKind::kEntity, "person:X", "X");
  const auto b = graph.Add(VertexKind::kEntity, "person:X", "another label");
  const auto c = graph.Add(VertexKind::kDocument, "person:X", "a document with the same key");
  CHECK(a == b);
  CHECK(a != c);
  CHECK(graph.graph()[a].label == "X");
  graph.Connect(a, c, "first");
  graph.Connect(c, a, "second");
  CHECK(boost::num_edges(graph.graph()) == 1);
  CHECK(graph.graph()[boost::edge(a, c, graph.graph()).first].label == "first");
}

TEST_CASE("WriteGraphviz escapes quotes in labels", "[link]") {
  crosscheck::link::SubjectGraph graph;
  const auto doc = graph.Add(VertexKind::kDocument, "a.txt", "The \"Daily\" Post");
  const auto claim = graph.Add(VertexKind::kClaim, "c1", "call_duration: \"90\" min; -> {x} [y]");
  graph.Connect(claim, doc, "said \"so\"");
  std::ostringstream out;
  graph.WriteGraphviz(out);
  const std::string dot = out.str();
  CHECK_THAT(dot, Catch::StartsWith("graph G {"));
  CHECK_THAT(dot, Catch::Contains("label=\"The \\\"Daily\\\" Post\""));
  CHECK_THAT(dot, Catch::Contains("label=\"call_duration: \\\"90\\\" min; -> {x} [y]\""));
  CHECK_THAT(dot, Catch::Contains("label=\"said \\\"so\\\"\""));
  CHECK_THAT(dot, Catch::Contains("shape=note"));
  CHECK_THAT(dot, Catch::Contains("shape=box"));
  CHECK(dot.find("\"The \"Daily") == std::string::npos);

  // When Graphviz is installed, it must parse the output and keep the labels.
  std::string probe;
  if (crosscheck::testing::RunCommand("command -v dot", &probe) == 0) {
    crosscheck::testing::TempDir dir;
    const auto file = dir.Write("graph.dot", dot);
    std::string canon;
    REQUIRE(crosscheck::testing::RunCommand("dot -Tcanon '" + file.string() + "'", &canon) == 0);
    CHECK_THAT(canon, Catch::Contains("The \\\"Daily\\\" Post"));
  } else {
    WARN("dot is not installed; the output was not parsed by Graphviz");
  }
}

TEST_CASE("WriteGraphviz escapes backslashes so a label ending in one stays closed", "[link]") {
  crosscheck::link::SubjectGraph graph;
  const auto doc = graph.Add(VertexKind::kDocument, "c.txt", "C:\\path\\");
  const auto claim = graph.Add(VertexKind::kClaim, "c1", "call_duration: 90 min");
  graph.Connect(claim, doc, "from\\");
  std::ostringstream out;
  graph.WriteGraphviz(out);
  const std::string dot = out.str();
  CHECK_THAT(dot, Catch::Contains("label=\"C:\\\\path\\\\\""));  // label="C:\\path\\"
  CHECK_THAT(dot, Catch::Contains("label=\"from\\\\\""));
  CHECK(dot.find("C:\\path\\\"") == std::string::npos);           // never a bare \" closing it

  std::string probe;
  if (crosscheck::testing::RunCommand("command -v dot", &probe) == 0) {
    crosscheck::testing::TempDir dir;
    const auto file = dir.Write("graph.dot", dot);
    std::string svg;
    const int code = crosscheck::testing::RunCommand("dot -Tsvg '" + file.string() + "'", &svg);
    INFO(svg);
    CHECK(code == 0);
    CHECK_THAT(svg, Catch::Contains("C:\\path\\"));
  } else {
    WARN("dot is not installed; the output was not parsed by Graphviz");
  }
}

TEST_CASE("ToLinkClaim without graph fields keeps what linking reads and leaves the graph's own fields out", "[link]") {
  const SourcedClaim sc = MakeClaim("Reuters", {"Vladimir Putin", "Donald Trump"}, "2025-02-12");
  crosscheck::link::SharedStrings strings;
  const crosscheck::link::LinkClaim full = crosscheck::link::ToLinkClaim(sc, 7, &strings);
  const crosscheck::link::LinkClaim lean = crosscheck::link::ToLinkClaim(sc, 7, &strings, /*graph_fields=*/false);
  for (const crosscheck::link::LinkClaim* c : {&full, &lean}) {
    CHECK(c->id == sc.id);
    CHECK(c->index == 7);
    CHECK(c->template_id == "call_duration");
    CHECK(c->subject_kind == "call");
    CHECK(c->time == "2025-02-12");
    REQUIRE(c->roles.size() == 2);
    CHECK(c->roles[0].entity == "Vladimir Putin");
    CHECK(c->roles[0].entity_kind == "person");
  }
  // Both claims view the same copy of each shared string.
  CHECK(full.roles[0].entity.data() == lean.roles[0].entity.data());
  CHECK(full.template_id.data() == lean.template_id.data());
  REQUIRE(full.graph != nullptr);
  CHECK(full.graph->graph_id == crosscheck::StableClaimId(sc));
  CHECK(full.graph->display == "90 min");
  CHECK(full.graph->path == sc.source.path);
  CHECK(full.graph->outlet == "Reuters");
  CHECK(lean.graph == nullptr);
}

TEST_CASE("Claims folded by LinkClaimFolder link into the same groups, subjects and times as unfolded", "[link]") {
  // Many claims alike in all that linking reads (only their documents differ),
  // with the most frequent date of a subject decided by the folded claims.
  std::vector<SourcedClaim> claims;
  for (int i = 0; i < 3; ++i) claims.push_back(MakeClaim("Reuters", {"Vladimir Putin", "Donald Trump"}, "2025-02-12"));
  for (int i = 0; i < 5; ++i) claims.push_back(MakeClaim("BBC", {"Vladimir Putin", "Donald Trump"}, "2025-02-14"));
  claims.push_back(MakeClaim("CNN", {"Donald Trump"}, "2025-02-14"));
  claims.push_back(MakeClaim("CNN", {"Donald Trump", "Vladimir Putin"}, "2025-02-12", "call_place"));
  for (int i = 0; i < 4; ++i) claims.push_back(MakeClaim("AP", {"Xi Jinping", "Donald Trump"}));
  claims.push_back(MakeClaim("AP", {"Donald Trump", "Vladimir Putin"}, "2025-02-14"));
  std::swap(claims[2], claims[9]);  // folded claims need not follow their first

  auto link = [&](bool fold) {
    crosscheck::link::SubjectLinker linker(kRules, nullptr, {}, /*max_graph_vertices=*/0);
    crosscheck::link::SharedStrings strings;
    crosscheck::link::LinkClaimFolder folder;
    std::vector<crosscheck::link::LinkClaim> unfolded;
    for (size_t i = 0; i < claims.size(); ++i) {
      crosscheck::link::LinkClaim c = crosscheck::link::ToLinkClaim(claims[i], i, &strings, /*graph_fields=*/false);
      if (fold) {
        folder.Add(std::move(c));
      } else {
        unfolded.push_back(std::move(c));
      }
    }
    if (fold) CHECK(folder.claims().size() < claims.size());
    linker.LinkKind("call", fold ? folder.claims() : unfolded);
    return linker.Finish();
  };
  const LinkResult whole = link(false);
  const LinkResult folded = link(true);
  CHECK(folded.subjects == whole.subjects);
  REQUIRE(folded.groups.size() == whole.groups.size());
  for (size_t g = 0; g < whole.groups.size(); ++g) {
    CHECK(folded.groups[g].subject.id == whole.groups[g].subject.id);
    CHECK(folded.groups[g].subject.label == whole.groups[g].subject.label);
    CHECK(folded.groups[g].subject.time == whole.groups[g].subject.time);
    CHECK(folded.groups[g].template_id == whole.groups[g].template_id);
    CHECK(folded.groups[g].claims == whole.groups[g].claims);
    CHECK(folded.groups[g].claim_ids == whole.groups[g].claim_ids);
  }
  // The date most of a subject's claims give wins, folded claims counted.
  const SubjectGroup* putin = GroupWith(folded, 0);
  REQUIRE(putin != nullptr);
  CHECK(putin->subject.time == "2025-02-14");
}
