#include "report/report_data.h"

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

}  // namespace crosscheck::report
