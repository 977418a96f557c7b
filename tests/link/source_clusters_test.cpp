// Tests for link/source_clusters: copies and rewrites join, independent
// reports of one event and shared quotations do not, and every join says why.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "link/source_clusters.h"
#include "link/subject_graph.h"

namespace {

using crosscheck::link::DetectSourceClusters;
using crosscheck::link::SourceText;

SourceText Doc(const std::string& path, const std::vector<std::string>& sentences, const std::string& hash = "") {
  SourceText t;
  t.source.path = path;
  t.source.outlet = path.substr(0, path.find('.'));
  t.content_hash = hash.empty() ? "hash-" + path : hash;
  t.sentences = sentences;
  return t;
}

const std::vector<std::string> kWire = {
    "The Indian navy said it arrested 23 pirates who threatened a merchant vessel in the Gulf of Aden on Saturday.",
    "Indian forces repulsed the pirates as they were about to board the merchant ship, navy spokesman Nirad Sinha said.",
    "The pirates are from Somalia and Yemen, two countries surrounding the Gulf of Aden, Sinha said.",
    "Last month, India's navy drew criticism after sinking a Thai fishing trawler that had been commandeered by pirates.",
    "Somali pirates have become increasingly brazen in recent months, seizing a number of vessels including a tanker.",
};

}  // namespace

TEST_CASE("source clusters: a trimmed copy of a wire story joins it, with its shared sentences", "[link][sources]") {
  std::vector<std::string> trimmed(kWire.begin(), kWire.begin() + 4);
  trimmed[0] = "India's navy says it has arrested 23 pirates who threatened a merchant vessel in the Gulf of Aden.";
  const auto result = DetectSourceClusters({Doc("a.txt", kWire), Doc("b.txt", trimmed)});
  REQUIRE(result.clusters.size() == 1);
  CHECK(result.independent == 1);
  const auto& cluster = result.clusters[0];
  CHECK(cluster.id == "copies:a.txt");
  CHECK(cluster.documents == std::vector<std::string>{"a.txt", "b.txt"});
  REQUIRE(cluster.links.size() == 1);
  CHECK(cluster.links[0].kind == "near-duplicate");
  CHECK(cluster.links[0].shared_sentence_count == 3);
  CHECK(cluster.links[0].reason.find("3 shared sentences") != std::string::npos);
  CHECK(result.SourceOf("b.txt") == "copies:a.txt");
}

TEST_CASE("source clusters: identical bytes under two paths are one source", "[link][sources]") {
  const auto result = DetectSourceClusters({Doc("x.txt", {"Short."}, "same"), Doc("y.txt", {"Short."}, "same")});
  REQUIRE(result.clusters.size() == 1);
  CHECK(result.clusters[0].links.at(0).kind == "identical");
}

TEST_CASE("source clusters: independent reports of one event stay apart", "[link][sources]") {
  const std::vector<std::string> other = {
      "A supermarket in Surrey has been completely destroyed after a fire broke out on Friday night.",
      "A statement from Surrey police said the blaze at the Waitrose store was being treated as suspicious.",
      "Officers were alerted to the fire on the roof of the store at 20:49 GMT on Friday.",
  };
  const std::vector<std::string> third = {
      "More than 50 firefighters with 10 fire engines fought the blaze which destroyed the store in Banstead.",
      "It broke out in the roof at around 9pm on Friday, forcing residents living nearby to be evacuated.",
  };
  const auto result = DetectSourceClusters({Doc("a.txt", kWire), Doc("b.txt", other), Doc("c.txt", third)});
  CHECK(result.clusters.empty());
  CHECK(result.independent == 3);
  CHECK(result.SourceOf("b.txt") == "b.txt");
}

TEST_CASE("source clusters: quoting the same long statement does not make a copy", "[link][sources]") {
  const std::string quote =
      "\"The United States does not believe that NATO membership for Ukraine is a realistic outcome of a negotiated "
      "settlement,\" ";
  const auto result = DetectSourceClusters({
      Doc("a.txt", {quote + "Hegseth said in Brussels on Wednesday.", "European ministers reacted with alarm to the remarks."}),
      Doc("b.txt", {quote + "the defense secretary told allies.", "Kyiv said it would keep pressing for membership."}),
  });
  CHECK(result.clusters.empty());
}

TEST_CASE("source clusters: copies chain into one cluster, explained by a spanning tree", "[link][sources]") {
  std::vector<std::string> edited = kWire;
  edited[4] = "Somalia, an impoverished nation, has not had a functioning government since 1991.";
  const auto result = DetectSourceClusters(
      {Doc("c.txt", edited), Doc("a.txt", kWire), Doc("b.txt", kWire, "b-differs-in-bytes-only")});
  REQUIRE(result.clusters.size() == 1);
  CHECK(result.clusters[0].documents == std::vector<std::string>{"a.txt", "b.txt", "c.txt"});
  CHECK(result.clusters[0].links.size() == 2);
  CHECK(result.clusters[0].outlets == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("source clusters: clusters become graph vertices joined to their documents", "[link][sources]") {
  const auto result = DetectSourceClusters({Doc("a.txt", kWire), Doc("b.txt", kWire, "other")});
  crosscheck::link::SubjectGraph graph;
  crosscheck::link::AddSourceClusters(result, &graph);
  CHECK(graph.CountVertices(crosscheck::link::VertexKind::kSourceCluster) == 1);
  CHECK(graph.CountVertices(crosscheck::link::VertexKind::kDocument) == 2);
  std::ostringstream dot;
  graph.WriteGraphviz(dot);
  CHECK(dot.str().find("copy: near-duplicate") != std::string::npos);
}

TEST_CASE("source clusters: stock wording shared by most documents joins none of them, and a real copy still joins", "[link][sources]") {
  // Two long sentences every document carries (a syndication footer, a
  // template paragraph): on their own they would chain every document into
  // one cluster, as the bench corpus did before such wording was discounted.
  const std::vector<std::string> stock = {
      "This story was produced by our newsroom and may be shared with attribution under the terms of our syndication agreement.",
      "Readers who want to follow the latest developments can subscribe to the morning briefing for free on our website.",
  };
  std::vector<SourceText> docs;
  for (int i = 0; i < 200; ++i) {
    const std::string n = std::to_string(i);
    std::vector<std::string> sentences = stock;
    // Every five-word window holds a word unique to this document.
    sentences.push_back("Officials in town" + n + " said crews" + n + " repaired the road" + n + " and bridge" + n +
                        " after storms" + n + " damaged homes" + n + " near the river" + n + " on Sunday.");
    sentences.push_back("The mayor" + n + " thanked volunteers" + n + " who cleared debris" + n + " from streets" + n +
                        " and parks" + n + " within hours" + n + " of the flood" + n + ".");
    sentences.push_back("Schools" + n + " will reopen on Monday" + n + " once inspectors" + n + " confirm that buildings" + n +
                        " are safe" + n + " for pupils" + n + ".");
    docs.push_back(Doc("doc" + n + ".txt", sentences));
  }
  SourceText copy = docs[7];
  copy.source.path = "copy-of-doc7.txt";
  copy.source.outlet = "other";
  copy.content_hash = "hash-copy";
  copy.sentences.erase(copy.sentences.begin(), copy.sentences.begin() + 2);  // same story, another footer
  docs.push_back(copy);
  const auto result = DetectSourceClusters(docs);
  REQUIRE(result.clusters.size() == 1);
  CHECK(result.clusters[0].documents == std::vector<std::string>{"copy-of-doc7.txt", "doc7.txt"});
  CHECK(result.independent == 200);
  SECTION("in a handful of documents the same sentences are evidence of copying, and join them") {
    docs.resize(6);
    const auto few = DetectSourceClusters(docs);
    REQUIRE(few.clusters.size() == 1);
    CHECK(few.clusters[0].documents.size() == 6);
  }
}

TEST_CASE("source clusters: documents given one at a time, features waiting in a temporary file, give the same clusters",
          "[link][sources][memory]") {
  std::vector<SourceText> docs;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    docs.push_back(Doc("doc" + (i < 10 ? "0" + n : n) + ".txt",
                       {"Officials in town" + n + " said crews" + n + " repaired the road" + n + " and bridge" + n +
                            " after storms" + n + " damaged homes" + n + " near the river" + n + " on Sunday.",
                        "\"We will rebuild every house" + n + " before winter comes,\" the mayor said."}));
  }
  SourceText rewrite = Doc("doc99.txt", kWire, "rewrite");
  docs.push_back(Doc("doc98.txt", kWire, "wire"));
  docs.push_back(rewrite);
  SourceText copy = docs[3];
  copy.source.path = "doc97.txt";
  docs.push_back(copy);
  const auto in_memory = DetectSourceClusters(docs);
  REQUIRE(in_memory.clusters.size() == 2);

  // All in the file, split between memory and the file (records straddle the
  // boundary), and all in memory.
  crosscheck::link::SourceClusterOptions options;
  options.memory_budget = GENERATE(size_t{0}, size_t{1000}, size_t{64} << 20);
  CAPTURE(options.memory_budget);
  crosscheck::link::SourceClusterDetector detector(docs.size(), options);
  std::vector<const SourceText*> ordered;
  for (const SourceText& d : docs) ordered.push_back(&d);
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) { return a->source.path < b->source.path; });
  for (const SourceText* d : ordered) detector.Add(*d);
  auto spilled = detector.Finish();
  REQUIRE(spilled.ok());
  CHECK(spilled->candidate_pairs == in_memory.candidate_pairs);
  CHECK(spilled->independent == in_memory.independent);
  CHECK(spilled->cluster_of == in_memory.cluster_of);
  REQUIRE(spilled->clusters.size() == in_memory.clusters.size());
  for (size_t c = 0; c < in_memory.clusters.size(); ++c) {
    CHECK(spilled->clusters[c].documents == in_memory.clusters[c].documents);
    REQUIRE(spilled->clusters[c].links.size() == in_memory.clusters[c].links.size());
    for (size_t l = 0; l < in_memory.clusters[c].links.size(); ++l) {
      const auto& a = in_memory.clusters[c].links[l];
      const auto& b = spilled->clusters[c].links[l];
      CHECK(b.reason == a.reason);
      CHECK(b.shared_shingles == a.shared_shingles);
      CHECK(b.shared_sentences == a.shared_sentences);
      CHECK(b.shared_quotes == a.shared_quotes);
    }
  }

  SECTION("documents out of path order are refused, not silently clustered differently") {
    crosscheck::link::SourceClusterDetector unordered(2);
    unordered.Add(docs[1]);
    unordered.Add(docs[0]);
    CHECK(!unordered.Finish().ok());
  }
}
