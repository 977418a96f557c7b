// Google Benchmark micro-benchmarks of extraction's hot functions, on a
// paragraph written like the generated benchmark corpus.
//
//   cmake --build build-rel --target bench_micro && ./build-rel/bench/bench_micro
#include <benchmark/benchmark.h>

#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "crosscheck/engine.h"
#include "extract/mention_tagger.h"
#include "extract/quantity.h"
#include "extract/slot_types.h"
#include "link/source_clusters.h"
#include "pipeline/engine_impl.h"
#include "text/sentence_splitter.h"
#include "text/text_normaliser.h"

namespace {

using namespace crosscheck;

const std::string kArticle =
    "Trump and Putin hold talks\n\nGENEVA - U.S. President Donald Trump and Russian President Vladimir Putin spoke "
    "on Tuesday about the energy agreement signed last year, officials said.\n\n"
    "The call between Trump and Vladimir Putin lasted approximately one and a half hours, according to the Kremlin. "
    "Markets reacted cautiously to the new tariffs on steel and aluminium in recent weeks. Analysts questioned the "
    "timing of the latest inflation figures ahead of the elections.\n\n"
    "\xe2\x80\x9cWe are not there yet,\xe2\x80\x9d one negotiator said. Mr. Smith, a professor at the U.N. University, "
    "said the talks were \xe2\x80\x9clong overdue.\xe2\x80\x9d\n\n"
    "Trump will meet with Putin in Geneva on Friday, diplomats said. During the call, Putin extended an invitation "
    "for Trump to visit Moscow. Russia released American teacher Marc Fogel on Tuesday.\n\n"
    "Share this article\n\nEconomists debated the reform of pension rules while talks continue.\n";

const Engine& TheEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    std::vector<Diagnostic> notices;
    EngineOptions options;
    options.template_dirs = {DefaultDataDir() / "templates"};
    options.knowledge_dirs = {DefaultDataDir() / "knowledge"};
    auto loaded = Engine::Load(options, &notices);
    if (!loaded.ok()) {
      std::cerr << loaded.status().message() << "\n";
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return *engine;
}

void SetBytes(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_Normalise(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(text::NormaliseText(kArticle, {}));
  SetBytes(state, kArticle.size());
}
BENCHMARK(BM_Normalise);

void BM_SplitSentences(benchmark::State& state) {
  const std::string text = text::NormaliseText(kArticle, {}).text;
  for (auto _ : state) benchmark::DoNotOptimize(text::SplitSentences(text));
  SetBytes(state, text.size());
}
BENCHMARK(BM_SplitSentences);

void BM_PrepareDocument(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(TheEngine().Prepare(kArticle, {"a.txt", "Outlet", "", ""}, false));
  SetBytes(state, kArticle.size());
}
BENCHMARK(BM_PrepareDocument);

void BM_TagMentions(benchmark::State& state) {
  const Document doc = TheEngine().Prepare(kArticle, {"a.txt", "Outlet", "", ""}, false);
  const extract::MentionTagger tagger(*TheEngine().impl().resolver);
  for (auto _ : state) {
    for (const Sentence& s : doc.sentences) benchmark::DoNotOptimize(tagger.Tag(doc.SentenceText(s)));
  }
  SetBytes(state, doc.text.size());
}
BENCHMARK(BM_TagMentions);

void BM_MatchTemplates(benchmark::State& state) {
  const Document doc = TheEngine().Prepare(kArticle, {"a.txt", "Outlet", "", ""}, false);
  size_t claims = 0;
  for (auto _ : state) claims = TheEngine().Extract(doc).claims.size();
  state.counters["claims"] = static_cast<double>(claims);
  SetBytes(state, kArticle.size());
}
BENCHMARK(BM_MatchTemplates);

void BM_ParseQuantity(benchmark::State& state) {
  const auto* duration =
      dynamic_cast<const extract::QuantitySlotType*>(TheEngine().impl().templates->types().Find("duration"));
  if (duration == nullptr) {
    state.SkipWithError("no duration type");
    return;
  }
  const std::string inputs[] = {"approximately one and a half hours", "more than 90 minutes", "nearly two hours",
                                "an hour-long", "45-minute"};
  std::string why;
  for (auto _ : state) {
    for (const std::string& in : inputs) benchmark::DoNotOptimize(extract::ParseQuantity(in, duration->spec(), &why));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 5));
}
BENCHMARK(BM_ParseQuantity);

// The first 150 articles (in path order) of a generated bench corpus, so the
// hot paths are timed on the text the end-to-end figures come from. The
// corpus is CROSSCHECK_BENCH_CORPUS, else the one bench/run.sh writes for 10 MB.
const std::vector<std::string>& CorpusSample() {
  static const std::vector<std::string> sample = [] {
    namespace fs = std::filesystem;
    const char* setting = std::getenv("CROSSCHECK_BENCH_CORPUS");
    const fs::path dir = setting != nullptr ? fs::path(setting) : fs::path("/tmp/crosscheck-bench/corpus-10MB-seed1");
    std::vector<fs::path> paths;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".txt") paths.push_back(it->path());
    }
    std::sort(paths.begin(), paths.end());
    if (paths.size() > 150) paths.resize(150);
    std::vector<std::string> texts;
    for (const fs::path& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      texts.push_back(bytes.str());
    }
    return texts;
  }();
  return sample;
}

size_t SampleBytes() {
  size_t bytes = 0;
  for (const std::string& text : CorpusSample()) bytes += text.size();
  return bytes;
}

// Ingest of one article: decode, normalise, strip boilerplate, split sentences.
void BM_PrepareCorpusSample(benchmark::State& state) {
  if (CorpusSample().empty()) {
    state.SkipWithError("no bench corpus: run bench/run.sh --size 10MB or set CROSSCHECK_BENCH_CORPUS");
    return;
  }
  for (auto _ : state) {
    for (const std::string& text : CorpusSample()) {
      benchmark::DoNotOptimize(TheEngine().Prepare(text, {"a.txt", "Outlet", "", "2026-03-05"}, false));
    }
  }
  SetBytes(state, SampleBytes());
}
BENCHMARK(BM_PrepareCorpusSample)->Unit(benchmark::kMillisecond);

// Extraction of prepared articles: tagging, prefilter, pattern matches, claims.
void BM_ExtractCorpusSample(benchmark::State& state) {
  std::vector<Document> docs;
  for (const std::string& text : CorpusSample()) docs.push_back(TheEngine().Prepare(text, {"a.txt", "Outlet", "", "2026-03-05"}, false));
  if (docs.empty()) {
    state.SkipWithError("no bench corpus: run bench/run.sh --size 10MB or set CROSSCHECK_BENCH_CORPUS");
    return;
  }
  size_t claims = 0;
  for (auto _ : state) {
    claims = 0;
    for (const Document& doc : docs) claims += TheEngine().Extract(doc).claims.size();
  }
  state.counters["claims"] = static_cast<double>(claims);
  SetBytes(state, SampleBytes());
}
BENCHMARK(BM_ExtractCorpusSample)->Unit(benchmark::kMillisecond);

}  // namespace

// Documents built like the bench corpus: stock sentences drawn from a small
// pool (which every large corpus has), sentences of their own, and one
// document in twelve a copy of an earlier one with a line added on top.
std::vector<SourceText> TemplatedDocuments(size_t count) {
  uint64_t state = 42;
  auto next = [&state] {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  const char* const kWords[] = {"minister", "said", "talks", "river", "budget", "council", "harbour", "vote",
                                "energy", "court", "strike", "summit", "market", "grain", "rail", "border"};
  auto sentence = [&](size_t words) {
    std::string s = "The";
    for (size_t w = 0; w < words; ++w) s += std::string(" ") + kWords[next() % 16] + std::to_string(next() % 50);
    return s + ".";
  };
  std::vector<std::string> stock;
  for (size_t i = 0; i < 40; ++i) stock.push_back(sentence(14));
  std::vector<SourceText> docs(count);
  for (size_t i = 0; i < count; ++i) {
    SourceText& d = docs[i];
    d.source.path = "outlet-" + std::to_string(i % 40) + "/" + std::to_string(1000000 + i) + ".txt";
    d.source.outlet = "outlet-" + std::to_string(i % 40);
    if (i >= 10 && i % 12 == 0) {
      d.sentences = docs[i - 1 - next() % 10].sentences;
      d.sentences.insert(d.sentences.begin(), "Share this article on every network you like.");
    } else {
      for (size_t k = 0; k < 30; ++k) d.sentences.push_back(k % 3 == 0 ? stock[next() % stock.size()] : sentence(12 + next() % 10));
    }
    d.content_hash = std::to_string(std::hash<std::string>{}(d.sentences.front() + d.sentences.back()));
  }
  return docs;
}

void BM_DetectSourceClusters(benchmark::State& state) {
  const std::vector<SourceText> docs = TemplatedDocuments(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (const SourceText& d : docs) {
    for (const std::string& s : d.sentences) bytes += s.size() + 1;
  }
  for (auto _ : state) benchmark::DoNotOptimize(link::DetectSourceClusters(docs));
  SetBytes(state, bytes);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
}
// Time per document must stay flat as the corpus grows: no quadratic candidate pairs.
BENCHMARK(BM_DetectSourceClusters)->Arg(250)->Arg(1000)->Arg(4000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
