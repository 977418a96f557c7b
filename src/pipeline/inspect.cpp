#include "crosscheck/inspect.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "extract/event_time.h"
#include "extract/time_anchor.h"
#include "report/json_report_writer.h"
#include "store/store.h"

namespace crosscheck {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Contains(std::string_view haystack, const std::string& lower_needle) {
  return Lower(haystack).find(lower_needle) != std::string::npos;
}

}  // namespace

Result<std::vector<Finding>> LoadStoredFindings(const std::filesystem::path& db) {
  auto store = store::Store::OpenForReading(db);
  if (!store.ok()) return store.status();
  auto findings = (*store)->LoadFindings();
  if (!findings.ok()) return findings;
  // Claims' times are not stored (they depend on the anchor): resolved again
  // as the report run did, from each document's publication date and text.
  std::map<std::string, extract::TimeAnchor> anchors;
  for (Finding& f : *findings) {
    // "<duration template>+<start template>/<subject>": a derived-fact check (check/elapsed_check.h).
    const size_t slash = f.id.find('/');
    const size_t plus = f.id.find('+');
    if (plus < slash && slash != std::string::npos) f.derived_from = f.id.substr(plus + 1, slash - plus - 1);
    for (SourcedClaim& c : f.claims) {
      auto it = anchors.find(c.source.path);
      if (it == anchors.end()) {
        auto text = (*store)->DocumentSentences(c.source.path);
        if (!text.ok()) return Status::StoreError(db.generic_string() + ": reading document texts: " + text.status().message());
        it = anchors.emplace(c.source.path, extract::ChooseAnchor(c.source.published, *text)).first;
      }
      const std::string time = c.claim.time;
      extract::ResolveClaimTime(it->second, &c.claim);
      c.claim.time = time;  // as stored: the run decided which times key subjects
    }
  }
  return findings;
}

bool MatchesFilter(const Finding& f, const FindingFilter& filter) {
  if (!filter.kind.empty() && f.template_id != filter.kind) return false;
  if (filter.verdict && f.verdict != *filter.verdict) return false;
  if (!filter.subject.empty()) {
    const std::string needle = Lower(filter.subject);
    bool hit = Contains(f.subject.label, needle) || Contains(f.subject.id, needle);
    for (const std::string& p : f.subject.participants) hit = hit || Contains(p, needle);
    if (!hit) return false;
  }
  if (!filter.outlet.empty()) {
    const std::string outlet = Lower(filter.outlet);
    if (std::none_of(f.claims.begin(), f.claims.end(),
                     [&](const SourcedClaim& c) { return Lower(c.source.outlet) == outlet; })) {
      return false;
    }
  }
  return true;
}

std::string FindingsToJson(const std::vector<const Finding*>& findings) { return report::FindingsJson(findings); }

}  // namespace crosscheck
