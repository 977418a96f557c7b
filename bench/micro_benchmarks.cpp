// Google Benchmark micro-benchmarks of extraction's hot functions, on a
// paragraph written like the generated benchmark corpus.
//
//   cmake --build build-rel --target bench_micro && ./build-rel/bench/bench_micro
#include <benchmark/benchmark.h>

#include <iostream>
#include <memory>
#include <string>

#include "crosscheck/engine.h"
#include "extract/mention_tagger.h"
#include "extract/quantity.h"
#include "extract/slot_types.h"
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

}  // namespace

BENCHMARK_MAIN();
