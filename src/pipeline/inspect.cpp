#include "crosscheck/inspect.h"

#include <algorithm>
#include <cctype>

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
  return (*store)->LoadFindings();
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
