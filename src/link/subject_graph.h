// SubjectGraph: the Boost.Graph of a run. Vertices are documents, claims,
// entities, subjects and source clusters; edges say where a claim comes from
// (claim-document), who fills its roles (claim-entity), what it is about
// (claim-subject) and which documents are copies of one story (document-cluster).
// It is what the report draws and what explains why claims were grouped.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <iosfwd>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace crosscheck::link {

enum class VertexKind { kDocument, kClaim, kEntity, kSubject, kSourceCluster };

struct VertexData {
  VertexKind kind = VertexKind::kClaim;
  std::string key;    // stable: document path, claim id, entity name, subject id
  std::string label;  // shown in pictures
};

struct EdgeData {
  std::string label;  // "from", a role name, or "about"
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexData, EdgeData>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

class SubjectGraph {
 public:
  // The graph is only drawn while small: past `max_vertices` it lets go of
  // every vertex and ignores further ones, so a large corpus holds no vertex
  // per claim that nobody will draw.
  explicit SubjectGraph(size_t max_vertices = std::numeric_limits<size_t>::max()) : max_vertices_(max_vertices) {}

  // The vertex for (kind, key), created with `label` on first use. Once the
  // graph overflowed, adds nothing and returns a vertex that Connect ignores.
  Vertex Add(VertexKind kind, const std::string& key, const std::string& label);
  void Connect(Vertex a, Vertex b, const std::string& label);

  // True when more than max_vertices were added: graph() is then empty.
  bool overflowed() const { return overflowed_; }
  const Graph& graph() const { return graph_; }
  size_t CountVertices(VertexKind kind) const;
  // Graphviz DOT, for `dot -Tsvg`.
  void WriteGraphviz(std::ostream& out) const;

 private:
  size_t max_vertices_;
  bool overflowed_ = false;
  Graph graph_;
  std::map<std::pair<VertexKind, std::string>, Vertex> index_;
};

}  // namespace crosscheck::link
