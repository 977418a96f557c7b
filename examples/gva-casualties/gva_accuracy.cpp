#include "gva_accuracy.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "crosscheck/pipeline.h"

namespace crosscheck::examples {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::optional<Json> ReadJson(const fs::path& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path.generic_string() + ": cannot read";
    return std::nullopt;
  }
  Json j = Json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    *error = path.generic_string() + ": not valid JSON";
    return std::nullopt;
  }
  return j;
}

// A number from JSON, where null stands for an unbounded end.
double Bound(const Json& j, double unbounded) { return j.is_number() ? j.get<double>() : unbounded; }

// A TOML basic string: the domains and file names of the corpus need no more escaping than this.
std::string TomlString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Writes the outlets manifest of one incident: each article's outlet is its
// web domain (the corpus has several articles from one site in some folders,
// and they are one outlet, not two). No publication date on purpose: with one,
// "on Sunday" becomes a day, claims of one shooting get different event days,
// and a subject made of the kind alone splits into one finding per day.
void WriteManifest(const Json& incident, const fs::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "# Written by gva_accuracy for one incident: outlet = the article's web domain.\n";
  if (!incident.contains("documents") || !incident["documents"].is_array()) return;
  for (const Json& d : incident["documents"]) {
    const std::string file = d.value("file", "");
    std::string domain = d.value("domain", "");
    if (file.empty()) continue;
    if (domain.empty()) domain = fs::path(file).stem().string();
    out << "[[document]]\npath = " << TomlString(file) << "\noutlet = " << TomlString(domain) << "\n";
    const std::string url = d.value("original_url", "");
    if (!url.empty()) out << "url = " << TomlString(url) << "\n";
    out << "\n";
  }
}

// The finding of one template to measure: the one with the most outlets (then
// the most claims). A kind-only subject gives one finding per template, except
// when claims name different event days (a sentence with a full date): then
// the linker keeps a finding per day, and the best-supported one is taken.
const Json* PickFinding(const Json& report, const std::string& kind, size_t* count) {
  const Json* best = nullptr;
  *count = 0;
  if (!report.contains("findings")) return nullptr;
  for (const Json& f : report["findings"]) {
    if (f.value("kind", "") != kind) continue;
    ++*count;
    if (best == nullptr) {
      best = &f;
      continue;
    }
    const size_t outlets = f.value("outlets", size_t{0});
    const size_t best_outlets = best->value("outlets", size_t{0});
    const size_t claims = f.contains("claims") ? f["claims"].size() : 0;
    const size_t best_claims = best->contains("claims") ? (*best)["claims"].size() : 0;
    if (outlets > best_outlets || (outlets == best_outlets && claims > best_claims)) best = &f;
  }
  return best;
}

std::vector<FindingClaimInterval> ClaimIntervals(const Json& finding) {
  std::vector<FindingClaimInterval> out;
  if (!finding.contains("claims")) return out;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  for (const Json& c : finding["claims"]) {
    if (!c.contains("interval") || !c["interval"].is_object()) continue;
    const Json& i = c["interval"];
    FindingClaimInterval v;
    v.lo = Bound(i.value("lo", Json()), -kInf);
    v.hi = Bound(i.value("hi", Json()), kInf);
    v.lo_open = i.value("lo_open", false);
    v.hi_open = i.value("hi_open", false);
    v.negated = c.value("modality", "") == "negated";
    v.outlet = c.value("outlet", "");
    out.push_back(v);
  }
  return out;
}

void Count(KindAccuracy* kind, const std::string& verdict, std::optional<long> agreed, int gva, bool had_finding) {
  ++kind->incidents;
  if (had_finding) ++kind->with_finding;
  if (!agreed) return;
  const bool single = verdict == "single_source";
  ++kind->covered;
  if (single) ++kind->covered_single;
  if (*agreed == gva) {
    ++kind->exact;
    if (single) ++kind->exact_single;
  }
}

// Where the per-incident stores go: /dev/shm when there is one. The store
// commits each run with fsync; 600 runs on a disk spend most of their time
// waiting for it (about 65 s against 13 s on tmpfs on a 2-core machine).
fs::path MakeScratchFolder() {
  std::random_device device;
  std::mt19937_64 random(device());
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) base = "/dev/shm";
  fs::path path = base / ("crosscheck-gva-" + std::to_string(::getpid()) + "-" + std::to_string(random() % 1000000000));
  fs::create_directories(path);
  return path;
}

}  // namespace

// The outlets' agreed value, as measured here:
//
//   - conflict: none. The outlets disagree; no value is theirs.
//   - otherwise (agree, compatible, single_source), in two steps:
//     1. each outlet's toll: the intersection of its claims that are not
//        negated (asserted and hedged alike); when that is empty because the
//        outlet gives several figures, its largest one (highest lower bound).
//        An article often counts a part of the victims beside the toll ("Four
//        people were pronounced dead ... Two men were fatally shot inside the
//        restaurant"); the checker does not weigh one outlet against itself,
//        and the toll is the largest figure, the parts are smaller.
//     2. the intersection of the outlets' tolls. When it holds exactly one
//        whole number, that is the agreed value; when it holds none or
//        several, there is none.
//
// Why the intersection and not just "the finding's value when agree": people
// are counted in whole numbers, so "4" and "at least 3" (compatible) agree on
// 4, "two" and "a few" (2-5) on 2, while "at least 2" said by every outlet
// (agree) fixes no number. One rule covers the three verdicts and never picks
// a value some outlet's toll excludes. A single outlet is covered too (most
// incidents have one article that gives the count); the figures say how many
// of the covered incidents rest on one outlet (KindAccuracy::covered_single).
namespace {

struct Interval {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;

  void Intersect(const FindingClaimInterval& c) {
    if (c.lo > lo || (c.lo == lo && c.lo_open)) lo = c.lo, lo_open = c.lo_open;
    if (c.hi < hi || (c.hi == hi && c.hi_open)) hi = c.hi, hi_open = c.hi_open;
  }
  void Intersect(const Interval& o) {
    Intersect(FindingClaimInterval{"", o.lo, o.hi, o.lo_open, o.hi_open, false});
  }
  bool Empty() const { return lo > hi || (lo == hi && (lo_open || hi_open)); }
};

}  // namespace

std::optional<long> AgreedValue(const std::string& verdict, const std::vector<FindingClaimInterval>& claims) {
  if (verdict == "conflict") return std::nullopt;
  std::map<std::string, std::vector<const FindingClaimInterval*>> by_outlet;
  for (const FindingClaimInterval& c : claims) {
    if (!c.negated) by_outlet[c.outlet].push_back(&c);
  }
  if (by_outlet.empty()) return std::nullopt;
  Interval agreed;
  for (const auto& [outlet, own] : by_outlet) {
    Interval toll;
    for (const FindingClaimInterval* c : own) toll.Intersect(*c);
    if (toll.Empty()) {
      const FindingClaimInterval* largest = own.front();
      for (const FindingClaimInterval* c : own) {
        if (c->lo > largest->lo || (c->lo == largest->lo && c->hi > largest->hi)) largest = c;
      }
      toll = Interval();
      toll.Intersect(*largest);
    }
    agreed.Intersect(toll);
  }
  if (std::isinf(agreed.hi) || std::isinf(agreed.lo)) return std::nullopt;
  // Whole numbers inside the interval, open ends honoured.
  double first = std::ceil(agreed.lo);
  if (agreed.lo_open && first == agreed.lo) first += 1;
  double last = std::floor(agreed.hi);
  if (agreed.hi_open && last == agreed.hi) last -= 1;
  if (first != last) return std::nullopt;  // none (first > last) or several
  return static_cast<long>(first);
}

KindAccuracy GvaAccuracy::Overall() const {
  KindAccuracy all{"overall"};
  for (const KindAccuracy* k : {&killed, &injured}) {
    all.incidents += k->incidents;
    all.with_finding += k->with_finding;
    all.covered += k->covered;
    all.covered_single += k->covered_single;
    all.exact += k->exact;
    all.exact_single += k->exact_single;
  }
  return all;
}

GvaAccuracy MeasureGvaAccuracy(const Engine& engine, const fs::path& corpus) {
  const auto start = std::chrono::steady_clock::now();
  GvaAccuracy result;
  std::error_code ec;
  std::vector<fs::path> folders;
  for (const fs::directory_entry& e : fs::directory_iterator(corpus, ec)) {
    if (e.is_directory(ec) && fs::exists(e.path() / "incident.json", ec)) folders.push_back(e.path());
  }
  if (ec) result.errors.push_back(corpus.generic_string() + ": " + ec.message());
  std::sort(folders.begin(), folders.end());

  const fs::path scratch = MakeScratchFolder();
  for (const fs::path& folder : folders) {
    std::string error;
    auto incident = ReadJson(folder / "incident.json", &error);
    if (!incident) {
      result.errors.push_back(error);
      continue;
    }
    const Json& record = (*incident)["gva_record"];
    if (!record.is_object()) {
      ++result.without_record;
      continue;
    }
    IncidentOutcome outcome;
    outcome.incident_id = folder.filename().string();
    outcome.gva_killed = record.value("num_killed", 0);
    outcome.gva_injured = record.value("num_injured", 0);

    // One store and one output folder per incident, so that no run reuses another's claims.
    const fs::path work = scratch / outcome.incident_id;
    fs::create_directories(work, ec);
    RunOptions options;
    options.corpus = folder;
    options.out_dir = work;
    options.manifest = work / "outlets.toml";
    WriteManifest(*incident, options.manifest);
    auto summary = RunReport(engine, options, nullptr);
    std::optional<Json> report;
    if (summary.ok()) {
      result.documents += summary->documents;
      report = ReadJson(summary->report_json, &error);
    } else {
      error = outcome.incident_id + ": " + summary.status().message();
    }
    if (!report) {
      ++result.failed_runs;
      result.errors.push_back(error);
      report = Json::object();
    }
    for (KindAccuracy* kind : {&result.killed, &result.injured}) {
      const bool is_killed = kind == &result.killed;
      size_t count = 0;
      const Json* finding = PickFinding(*report, kind->kind, &count);
      std::optional<long> agreed;
      std::string verdict;
      if (finding != nullptr) {
        verdict = finding->value("verdict", "");
        agreed = AgreedValue(verdict, ClaimIntervals(*finding));
      }
      (is_killed ? outcome.killed : outcome.injured) = agreed;
      (is_killed ? outcome.killed_verdict : outcome.injured_verdict) = verdict;
      (is_killed ? outcome.killed_findings : outcome.injured_findings) = count;
      Count(kind, verdict, agreed, is_killed ? outcome.gva_killed : outcome.gva_injured, finding != nullptr);
    }
    ++result.incidents;
    result.outcomes.push_back(std::move(outcome));
    fs::remove_all(work, ec);
  }
  fs::remove_all(scratch, ec);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace crosscheck::examples
