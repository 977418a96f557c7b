// CPU seconds of ingest (Engine::Prepare) and extract (Extractor::Extract)
// over every article of a corpus, on one thread, the best of N passes.
//
// Thread CPU time, not wall time: on a machine shared with builds the wall
// seconds of `crosscheck report --stats` vary twofold from run to run, and
// this is what a change to ingest or extract is judged by. The articles are
// read into memory first, so file reading is not counted; the engine is
// loaded once, and its load time is printed apart.
//
//   cmake --build build-rel --target bench_ingest_extract
//   ./build-rel/bench/bench_ingest_extract /tmp/crosscheck-bench/corpus-10MB-seed1 [passes [articles]]
//
// `articles` keeps the first N articles in path order: under callgrind, whose
// instruction counts do not depend on the machine's load, 700 are plenty.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/engine.h"
#include "pipeline/engine_impl.h"

namespace {

double ThreadSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace crosscheck;
  if (argc < 2) {
    std::cerr << "usage: bench_ingest_extract CORPUS_DIR [passes [articles]]\n";
    return 2;
  }
  const int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::vector<Diagnostic> notices;
  EngineOptions options;
  options.template_dirs = {DefaultDataDir() / "templates"};
  options.knowledge_dirs = {DefaultDataDir() / "knowledge"};
  const double load_started = ThreadSeconds();
  auto loaded = Engine::Load(options, &notices);
  if (!loaded.ok()) {
    std::cerr << loaded.status().message() << "\n";
    return 1;
  }
  const double load_seconds = ThreadSeconds() - load_started;
  const Engine& engine = **loaded;
  std::vector<fs::path> paths;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(argv[1], ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt") paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  if (argc > 3) paths.resize(std::min(paths.size(), static_cast<size_t>(std::max(0, std::atoi(argv[3])))));
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    texts.push_back(content.str());
    bytes += texts.back().size();
  }
  double best_prepare = 1e30;
  double best_extract = 1e30;
  size_t claims = 0;
  for (int pass = 0; pass < passes; ++pass) {
    double prepare = 0;
    double extract = 0;
    claims = 0;
    // Each pass on a thread of its own: the extractor's per-thread sentence
    // cache starts empty, as in a run, instead of holding the last pass's sentences.
    std::thread([&] {
      for (size_t i = 0; i < texts.size(); ++i) {
        const double started = ThreadSeconds();
        Document doc = engine.Prepare(texts[i], {paths[i].generic_string(), "Outlet", "", "2026-03-05"}, false);
        const double prepared = ThreadSeconds();
        claims += engine.impl().extractor->Extract(doc).claims.size();
        prepare += prepared - started;
        extract += ThreadSeconds() - prepared;
      }
    }).join();
    best_prepare = std::min(best_prepare, prepare);
    best_extract = std::min(best_extract, extract);
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("engine load %.3f s; %zu articles, %.2f MB, %zu claims; best of %d passes:\n", load_seconds, texts.size(),
              mb, claims, passes);
  std::printf("  ingest  (prepare) %7.3f s CPU  %6.1f MB/s\n", best_prepare, mb / best_prepare);
  std::printf("  extract           %7.3f s CPU  %6.1f MB/s\n", best_extract, mb / best_extract);
  return 0;
}
