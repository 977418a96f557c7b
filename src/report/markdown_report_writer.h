// MarkdownReportWriter: report.md, written for people. Summary counts first,
// then conflicts, compatible, agreeing and single-source findings, each with
// its outlets, values and quoted evidence (the value in bold). Article text is
// escaped, so nothing in it can turn into markup, links or HTML.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "report/report_data.h"

namespace crosscheck::report {

void WriteMarkdownReport(const ReportData& data, std::ostream& out);

// Escapes text for Markdown and the HTML some renderers allow inside it.
std::string EscapeMarkdown(std::string_view text);

}  // namespace crosscheck::report
