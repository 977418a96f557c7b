#include "report/report_data.h"

#include <map>
#include <set>

namespace crosscheck::report {

size_t ReportData::Count(Verdict verdict) const {
  size_t n = 0;
  for (const Finding& f : findings) n += f.verdict == verdict ? 1 : 0;
  return n;
}

size_t ReportData::OutletCount() const {
  std::set<std::string> outlets;
  for (const DocumentSource& d : documents) outlets.insert(d.outlet);
  return outlets.size();
}

size_t ReportData::SelfContradictions() const {
  size_t n = 0;
  for (const Finding& f : findings) n += f.self_contradictions.empty() ? 0 : 1;
  return n;
}

size_t ReportData::WeakConflicts() const {
  size_t n = 0;
  for (const Finding& f : findings) n += f.strength == ConflictStrength::kWeak ? 1 : 0;
  return n;
}

std::vector<FolderSources> ReportData::SourcesByFolder() const {
  std::map<std::string, std::pair<size_t, std::set<std::string>>> by_folder;
  for (const DocumentSource& d : documents) {
    const size_t slash = d.path.rfind('/');
    auto& [count, independent] = by_folder[slash == std::string::npos ? "." : d.path.substr(0, slash)];
    ++count;
    independent.insert(sources.SourceOf(d.path));
  }
  std::vector<FolderSources> out;
  for (const auto& [folder, counts] : by_folder) out.push_back({folder, counts.first, counts.second.size()});
  return out;
}

}  // namespace crosscheck::report
