// Tests for ingest/boilerplate_filter with the shipped rules from
// knowledge/boilerplate.toml: page furniture and appended stories must not
// reach extraction, and the article itself must survive intact.
#include "ingest/boilerplate_filter.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "test_support.h"

namespace crosscheck::ingest {
namespace {

using crosscheck::testing::SourceDir;
using crosscheck::testing::TempDir;

std::unique_ptr<BoilerplateFilter> MakeFilter(const std::filesystem::path& knowledge_dir) {
  auto kb = knowledge::KnowledgeBase::Load({knowledge_dir});
  if (!kb.ok()) FAIL("knowledge failed to load: " << kb.status().message());
  auto filter = BoilerplateFilter::Create(*kb);
  if (!filter.ok()) FAIL("filter failed to compile: " << filter.status().message());
  return std::move(filter).value();
}

// The filter built from the shipped knowledge folder, compiled once.
const BoilerplateFilter& DefaultFilter() {
  static const std::unique_ptr<BoilerplateFilter> filter = MakeFilter(SourceDir() / "knowledge");
  return *filter;
}

std::string Slice(std::string_view text, ByteRange r) { return std::string(text.substr(r.begin, r.size())); }

// The kept body, one string per kept range.
std::vector<std::string> Kept(std::string_view text, const BodyText& body) {
  std::vector<std::string> out;
  for (const ByteRange& r : body.kept) out.push_back(Slice(text, r));
  return out;
}

// The reason a span starting with `line` was removed, or "" when it was not.
std::string ReasonFor(std::string_view text, const BodyText& body, std::string_view line) {
  for (const RemovedSpan& r : body.removed) {
    if (std::string_view(text).substr(r.norm.begin).substr(0, line.size()) == line) return r.reason;
  }
  return "";
}

// A story about a harbour: four paragraphs, about 500 bytes, sharing many words.
const std::string kP1 =
    "The city council approved a new budget for the harbour district on Tuesday, allocating funds for dredging "
    "and pier repairs.";
const std::string kP2 =
    "Council members said the harbour budget would cover dredging through next spring, and that pier repairs "
    "would begin in June.";
const std::string kP3 =
    "The harbour master welcomed the budget, saying dredging delays had cost local fishermen thousands of "
    "dollars in lost catches.";
const std::string kP4 =
    "Fishermen told the council that deeper channels near the harbour piers would let larger boats unload "
    "catches during low tide, easing delays.";

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

}  // namespace

TEST_CASE("BoilerplateFilter drops lines matching the shipped drop_lines rules", "[ingest]") {
  const std::vector<std::string> dropped = {
      "Share this on Facebook",
      "Share via Email",
      "Tweet",
      "Email | Print",
      "RELATED STORY | Council votes again on harbour money",
      "Related coverage: the harbour in pictures",
      "Read more: Harbour plans through the years",
      "ADVERTISEMENT",
      "Sponsored content",
      "Sign up for our daily newsletter and never miss a story",
      "By Jane Roe and John Smith",
      "Photo: Jane Roe/Harbour Times",
      "Copyright 2024 Harbour Times. All rights reserved.",
      "\xC2\xA9 2024 Harbour Times",
      "Updated: March 3, 2024 10:42 am",
      "Posted on March 3",
      "We use cookies to improve your experience on our site",
      "Skip to main content",
      "This article was originally published by The Harbour Times.",
      "Follow us on all the social networks for more updates",
      "Click here to get the full budget document as a PDF",
      "Your notification has been saved.",
  };
  for (const std::string& line : dropped) {
    CAPTURE(line);
    const std::string text = Join({kP1, line, kP2});
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(ReasonFor(text, body, line) == "boilerplate line");
    CHECK(Kept(text, body) == std::vector<std::string>{kP1, kP2});
  }
}

TEST_CASE("BoilerplateFilter keeps article lines that only resemble boilerplate", "[ingest]") {
  const std::vector<std::string> kept = {
      "Sharing the harbour budget with the port authority was a priority, the mayor said.",
      "By the end of the year, dredging will be complete.",
      "Comments from residents at the hearing were mostly positive.",
      "Advertisement revenue at the harbour fell last year, the report said.",
      "Harbour budget approved after a long debate in the council chamber",  // a long headline
      "Harbour | budget approved after a long debate in the council chamber today.",
      "Nobody objected.",  // short, but a sentence
  };
  for (const std::string& line : kept) {
    CAPTURE(line);
    const std::string text = Join({kP1, line, kP2});
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(body.removed.empty());
    CHECK(Kept(text, body) == std::vector<std::string>{kP1, line, kP2});
  }
}

TEST_CASE("BoilerplateFilter removes navigation crumbs and repeated lines", "[ingest]") {
  SECTION("crumbs: short lines without sentence punctuation, or separator-heavy ones") {
    const std::vector<std::string> crumbs = {
        "World News", "Actions", "O A", "Home | World | Europe | Harbour news today", "Home > Local > Harbour > Budget"};
    for (const std::string& line : crumbs) {
      CAPTURE(line);
      const std::string text = Join({kP1, line, kP2});
      const BodyText body = DefaultFilter().Apply(text);
      CHECK(ReasonFor(text, body, line) == "navigation or heading fragment");
      CHECK(Kept(text, body) == std::vector<std::string>{kP1, kP2});
    }
  }
  SECTION("a repeated line is kept once, where it first appears") {
    const std::string title = "Harbour budget approved after a long debate in the council chamber";
    const std::string text = Join({title, title, kP1, kP2, title});
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(Kept(text, body) == std::vector<std::string>{title, kP1, kP2});
    REQUIRE(body.removed.size() == 2);
    for (const RemovedSpan& r : body.removed) {
      CHECK(r.reason == "repeated line");
      CHECK(Slice(text, r.norm) == title);
    }
  }
}

TEST_CASE("BoilerplateFilter ends the article at an end marker after enough body", "[ingest]") {
  const std::string trailer = "Completely different story about something else entirely.";
  const std::vector<std::string> markers = {
      "Comments", "Comments (12)", "Leave a Reply", "Share this post", "You may also like", "More stories from the Harbour Times",
      "Tags: harbour, budget", "Most read", "About the author", "Subscribe now"};
  for (const std::string& marker : markers) {
    CAPTURE(marker);
    const std::string text = Join({kP1, kP2, kP3, marker, trailer, kP4});
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(Kept(text, body) == std::vector<std::string>{kP1, kP2, kP3});
    REQUIRE(body.removed.size() == 1);
    const RemovedSpan& r = body.removed[0];
    CHECK(r.reason == "trailer after '" + marker + "'");
    // The trailer span runs from the marker to the end of the text.
    CHECK(r.norm.begin == text.find(marker, kP1.size()));
    CHECK(r.norm.end == text.size());
  }
}

TEST_CASE("BoilerplateFilter ignores end markers above the story", "[ingest]") {
  SECTION("a share bar before the headline is only a boilerplate line") {
    const std::string text = Join({"Share this post", kP1, "Comments", kP2});
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(Kept(text, body) == std::vector<std::string>{kP1, kP2});
    CHECK(ReasonFor(text, body, "Share this post") == "boilerplate line");
    CHECK(ReasonFor(text, body, "Comments") == "boilerplate line");
  }
  SECTION("the marker counts once 300 bytes of body have been kept") {
    // One-word lines ending in a full stop are kept as body, so their size is exact.
    auto line = [](size_t bytes) { return std::string(bytes - 1, 'a') + "."; };
    REQUIRE(BoilerplateFilter::kMinBodyBeforeEndMarker == 300);
    const std::string below = Join({line(299), "Comments", kP1});
    CHECK(Kept(below, DefaultFilter().Apply(below)) == std::vector<std::string>{line(299), kP1});
    const std::string at = Join({line(300), "Comments", kP1});
    CHECK(Kept(at, DefaultFilter().Apply(at)) == std::vector<std::string>{line(300)});
    // Removed lines do not count as body.
    const std::string removed = Join({line(200), "Advertisement", "World News", line(99), "Comments", kP1});
    CHECK(Kept(removed, DefaultFilter().Apply(removed)) == std::vector<std::string>{line(200), line(99), kP1});
  }
}

TEST_CASE("BoilerplateFilter keeps wrapped lines in one range", "[ingest]") {
  const std::string text = "The council approved the budget\nafter a long debate on Tuesday.\n\n" + kP2 +
                           "\nAdvertisement\n" + kP3;
  const BodyText body = DefaultFilter().Apply(text);
  // Consecutive kept lines form one range so a sentence can run across them;
  // a removed line or a blank line separates ranges.
  CHECK(Kept(text, body) ==
        std::vector<std::string>{"The council approved the budget\nafter a long debate on Tuesday.", kP2, kP3});
}

TEST_CASE("BoilerplateFilter cuts an off-topic trailer", "[ingest]") {
  const std::string t1 =
      "Basketball superstar LeBron James tied the league record for regular-season games played as his Lakers "
      "took on Miami on Thursday evening.";
  const std::string t2 =
      "James, playing his unprecedented twenty-third season, already holds a host of records, including points "
      "scored and field goals attempted.";
  const std::string t3 =
      "Analysts expect ticket prices for the Orlando matchup to climb sharply as fans rush to witness the milestone.";

  SECTION("a smaller tail sharing no content words with the story is removed") {
    const std::string text = Join({kP1, kP2, kP3, kP4, t1, t2, t3});
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(Kept(text, body) == std::vector<std::string>{kP1, kP2, kP3, kP4});
    REQUIRE(body.removed.size() == 1);
    CHECK(body.removed[0].reason == "off-topic trailer (shares almost no words with the story)");
    CHECK(Slice(text, body.removed[0].norm) == Join({t1, t2, t3}));
  }
  SECTION("the threshold is 12% of a paragraph's content words") {
    // Each tail paragraph shares one content word ("harbour") with the story:
    // one in nine (11%) is off-topic, one in eight (12.5%) is not.
    const std::vector<std::string> nine = {
        "Zebras graze beyond volcanic ridges while eagles circle the harbour at dawn.",
        "Glaciers carve deep fjords where walrus herds rest beside the harbour ice.",
        "Desert foxes hunt beetles under silver moonlight beyond an old harbour wall.",
        "Orchids bloom inside misty cloud forests above a tiny harbour village too.",
    };
    const std::vector<std::string> eight = {
        "Zebras graze beyond volcanic ridges while eagles circle the harbour.",
        "Glaciers carve deep fjords where walrus herds rest by the harbour.",
        "Desert foxes hunt beetles under silver moonlight beyond a harbour.",
        "Orchids bloom inside misty cloud forests above a tiny harbour.",
    };
    std::vector<std::string> paragraphs = {kP1, kP2, kP3, kP4};
    paragraphs.insert(paragraphs.end(), nine.begin(), nine.end());
    const std::string cut = Join(paragraphs);
    CHECK(Kept(cut, DefaultFilter().Apply(cut)) == std::vector<std::string>{kP1, kP2, kP3, kP4});

    paragraphs = {kP1, kP2, kP3, kP4};
    paragraphs.insert(paragraphs.end(), eight.begin(), eight.end());
    const std::string kept = Join(paragraphs);
    CHECK(DefaultFilter().Apply(kept).kept.size() == 8);
  }
  SECTION("a tail about the same story is kept") {
    const std::string follow_up =
        "Dredging contractors said the harbour channels and pier repairs funded by the council budget would "
        "take the fishermen through spring.";
    const std::string text = Join({kP1, kP2, kP3, kP4, follow_up});
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(body.removed.empty());
    CHECK(body.kept.size() == 5);
  }
  SECTION("too few words to judge: a short tail is kept") {
    const std::string text = Join({kP1, kP2, kP3, kP4, t3});
    CHECK(DefaultFilter().Apply(text).kept.size() == 5);
  }
  SECTION("a second story larger than the first is not a trailer") {
    // Each paragraph of the second story shares words with the ones before it.
    const std::vector<std::string> second = {
        "Basketball superstar LeBron James tied the league record for regular-season games as his Lakers hosted "
        "Miami on Thursday evening.",
        "LeBron James, playing his unprecedented twenty-third season with the Lakers, already holds a host of "
        "league records.",
        "LeBron James and the Lakers travel to Orlando next, where James can break the record outright before a "
        "sold-out crowd.",
        "The Lakers said LeBron James would rest afterwards, and that the record chase had energised the whole "
        "Lakers roster.",
        "Orlando fans bought every ticket, hoping to watch LeBron James break the record against their Magic "
        "and the Lakers.",
    };
    std::vector<std::string> paragraphs = {kP1, kP2, kP3, kP4};
    paragraphs.insert(paragraphs.end(), second.begin(), second.end());
    const std::string text = Join(paragraphs);
    REQUIRE(Join(second).size() > Join({kP1, kP2, kP3, kP4}).size());
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(body.removed.empty());
    CHECK(body.kept.size() == 9);
  }
}

TEST_CASE("BoilerplateFilter: stopwords, in any case, are not words a trailer shares with the story", "[ingest]") {
  // Each tail paragraph shares only stopwords with the story ("would", "said",
  // "through", written in upper and mixed case): counted as content words they
  // would be 3 of 12 shared (25%), and the tail would be kept.
  const std::vector<std::string> tail = {
      "Zebras graze beyond volcanic ridges while eagles circle distant glaciers, WOULD Said THROUGH.",
      "Walrus herds rest beside frozen fjords where penguins chase silver mackerel, Would SAID Through.",
      "Desert foxes hunt beetles under bright moonlight near ancient sandstone arches, would said through.",
      "Orchids bloom inside misty cloud forests above hidden mountain monasteries, WOULD said THROUGH.",
  };
  std::vector<std::string> paragraphs = {kP1, kP2, kP3, kP4};
  paragraphs.insert(paragraphs.end(), tail.begin(), tail.end());
  const std::string text = Join(paragraphs);
  const BodyText body = DefaultFilter().Apply(text);
  CHECK(Kept(text, body) == std::vector<std::string>{kP1, kP2, kP3, kP4});

  SECTION("a word that only starts like a stopword is a content word") {
    // "wouldst", "saidst", "throughout" are no stopwords: sharing them keeps the tail.
    std::vector<std::string> shared = {kP1, kP2 + " Wouldst saidst throughout.", kP3, kP4};
    for (std::string p : tail) {
      for (auto [from, to] : {std::pair<std::string, std::string>{"WOULD", "wouldst"}, {"Would", "wouldst"},
                              {"would", "wouldst"}, {"SAID", "saidst"}, {"Said", "saidst"}, {"said", "saidst"},
                              {"THROUGH", "throughout"}, {"Through", "throughout"}, {"through", "throughout"}}) {
        if (size_t at = p.find(from); at != std::string::npos) p.replace(at, from.size(), to);
      }
      shared.push_back(p);
    }
    const std::string kept = Join(shared);
    CHECK(DefaultFilter().Apply(kept).kept.size() == 8);
  }
}

TEST_CASE("BoilerplateFilter: separators are counted only with spaces around them", "[ingest]") {
  const std::vector<std::string> crumbs = {"Home / World / Europe / Harbour news today", "News | Harbour | Budget."};
  for (const std::string& line : crumbs) {
    CAPTURE(line);
    const std::string text = Join({kP1, line, kP2});
    CHECK(ReasonFor(text, DefaultFilter().Apply(text), line) == "navigation or heading fragment");
  }
  const std::vector<std::string> sentences = {
      "The harbour budget rose 4/5 of a point, to 12|13 million>11 million, officials said on Monday.",
      "Officials said the dredging | pier split was fair, and the budget would rise next year.",
  };
  for (const std::string& line : sentences) {
    CAPTURE(line);
    const std::string text = Join({kP1, line, kP2});
    CHECK(ReasonFor(text, DefaultFilter().Apply(text), line).empty());
  }
}

TEST_CASE("BoilerplateFilter: lines removed inside a cut trailer do not overlap the trailer span", "[ingest]") {
  const std::string t1 =
      "Basketball superstar LeBron James tied the league record for regular-season games played as his Lakers "
      "took on Miami on Thursday evening.";
  const std::string t2 =
      "James, playing his unprecedented twenty-third season, already holds a host of records, including points "
      "scored and field goals attempted.";
  const std::string t3 =
      "Analysts expect ticket prices for the Orlando matchup to climb sharply as fans rush to witness the milestone.";
  // A crumb before the trailer and a crumb and a boilerplate line inside it.
  const std::string text = Join({kP1, kP2, "World News", kP3, kP4, t1, "Sports Desk", t2, "Advertisement", t3});
  const BodyText body = DefaultFilter().Apply(text);
  CHECK(Kept(text, body) == std::vector<std::string>{kP1, kP2, kP3, kP4});
  REQUIRE(body.removed.size() == 2);
  CHECK(body.removed[0].reason == "navigation or heading fragment");
  CHECK(Slice(text, body.removed[0].norm) == "World News");
  CHECK(body.removed[1].reason == "off-topic trailer (shares almost no words with the story)");
  CHECK(body.removed[1].norm.begin == text.find(t1));
  CHECK(body.removed[1].norm.end == text.size());
  // Removed spans are sorted and never overlap.
  for (size_t i = 1; i < body.removed.size(); ++i) {
    CAPTURE(i);
    CHECK(body.removed[i - 1].norm.end <= body.removed[i].norm.begin);
  }
}

TEST_CASE("BoilerplateFilter: a plain-text line with literal tags is not a navigation crumb", "[ingest]") {
  const std::string tagged = "<p>The mayor resigned on Friday.</p>";
  const std::string tagged_text = Join({kP1, tagged, kP2});
  const BodyText kept = DefaultFilter().Apply(tagged_text);
  CHECK(kept.removed.empty());
  CHECK(ReasonFor(tagged_text, kept, tagged).empty());
  CHECK(Kept(tagged_text, kept) == std::vector<std::string>{kP1, tagged, kP2});

  // A real breadcrumb is still removed.
  const std::string crumb = "Home | World | Europe";
  const std::string crumb_text = Join({kP1, crumb, kP2});
  const BodyText dropped = DefaultFilter().Apply(crumb_text);
  CHECK(ReasonFor(crumb_text, dropped, crumb) == "navigation or heading fragment");
  CHECK(Kept(crumb_text, dropped) == std::vector<std::string>{kP1, kP2});
}

TEST_CASE("BoilerplateFilter takes its rules from the knowledge folder", "[ingest]") {
  TempDir dir;
  dir.Write("boilerplate.toml", "drop_lines = ['zz promo\\b.*']\nend_markers = ['the end']\n");
  const std::unique_ptr<BoilerplateFilter> filter = MakeFilter(dir.path());
  const std::string promo = "ZZ Promo: half-price harbour cruises all week";
  const std::string read_more = "Read more: Harbour plans through the years";  // a shipped rule, absent here
  const std::string text = Join({kP1, promo, read_more, kP2, kP3, "The End", kP4});
  const BodyText body = filter->Apply(text);
  CHECK(Kept(text, body) == std::vector<std::string>{kP1, read_more, kP2, kP3});
  CHECK(ReasonFor(text, body, promo) == "boilerplate line");
  CHECK(ReasonFor(text, body, "The End") == "trailer after 'The End'");
}

TEST_CASE("BoilerplateFilter on empty and blank text", "[ingest]") {
  for (const std::string text : {"", "\n\n", "  \n \n"}) {
    const BodyText body = DefaultFilter().Apply(text);
    CHECK(body.kept.empty());
    CHECK(body.removed.empty());
  }
}

}  // namespace crosscheck::ingest
