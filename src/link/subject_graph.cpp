#include "link/subject_graph.h"

#include <boost/graph/graphviz.hpp>

#include <ostream>

namespace crosscheck::link {
namespace {

const char* Shape(VertexKind kind) {
  switch (kind) {
    case VertexKind::kDocument: return "note";
    case VertexKind::kClaim: return "box";
    case VertexKind::kEntity: return "ellipse";
    case VertexKind::kSubject: return "doubleoctagon";
    case VertexKind::kSourceCluster: return "folder";
  }
  return "box";
}

// DOT string literal. boost::escape_dot_string leaves backslashes alone, so a
// label ending in one would swallow the closing quote.
std::string DotString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

Vertex SubjectGraph::Add(VertexKind kind, const std::string& key, const std::string& label) {
  if (overflowed_) return 0;
  auto it = index_.find({kind, key});
  if (it != index_.end()) return it->second;
  if (boost::num_vertices(graph_) >= max_vertices_) {
    overflowed_ = true;
    Graph().swap(graph_);
    decltype(index_)().swap(index_);
    return 0;
  }
  Vertex v = boost::add_vertex(VertexData{kind, key, label}, graph_);
  index_.emplace(std::make_pair(kind, key), v);
  return v;
}

void SubjectGraph::Connect(Vertex a, Vertex b, const std::string& label) {
  if (overflowed_) return;
  if (!boost::edge(a, b, graph_).second) boost::add_edge(a, b, EdgeData{label}, graph_);
}

size_t SubjectGraph::CountVertices(VertexKind kind) const {
  size_t count = 0;
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) count += graph_[*it].kind == kind ? 1 : 0;
  return count;
}

void SubjectGraph::WriteGraphviz(std::ostream& out) const {
  // Labels come from articles: boost's writer quotes and escapes them.
  boost::write_graphviz(
      out, graph_,
      [this](std::ostream& o, Vertex v) {
        const VertexData& d = graph_[v];
        o << "[label=" << DotString(d.label) << ", shape=" << Shape(d.kind) << "]";
      },
      [this](std::ostream& o, boost::graph_traits<Graph>::edge_descriptor e) {
        o << "[label=" << DotString(graph_[e].label) << "]";
      });
}

}  // namespace crosscheck::link
