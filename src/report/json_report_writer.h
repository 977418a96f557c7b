// JsonReportWriter: report.json, following schemas/report.schema.json.
// Output is byte-stable: keys in a fixed order, findings and claims sorted,
// no clock time, so a golden file can be compared byte for byte.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "report/report_data.h"

namespace crosscheck::report {

// Version of the report format; bump it when the schema changes incompatibly.
inline constexpr int kReportFormatVersion = 1;

void WriteJsonReport(const ReportData& data, std::ostream& out);

// Findings as a JSON array, each as in report.json's "findings".
std::string FindingsJson(const std::vector<const Finding*>& findings);

}  // namespace crosscheck::report
