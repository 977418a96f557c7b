// HtmlReportWriter: report.html, one self-contained page for people who read
// reports in a browser and share them. It needs no network and opens from disk:
// CSS and JavaScript are inline, the subject graph is an embedded SVG.
//
// The page shows the summary counts; filters by verdict, kind and outlet
// (client-side; real buttons and selects, so keyboards work); an outlet x
// subject matrix of who says what; every finding with its evidence sentences
// side by side and the values highlighted; each document's sentences that carry
// claims; and the subject graph (Graphviz's drawing when ReportData::graph_svg
// holds one, else BuiltInGraphSvg).
//
// Everything from articles, manifests, paths and templates is untrusted: it is
// escaped for HTML text and attributes, and the data the script reads sits in a
// <script type="application/json"> block with '<', '>', '&', U+2028 and U+2029
// escaped. A Content-Security-Policy allows nothing but the page's own style and
// script (by SHA-256 hash) and data: images, so even markup that slipped
// through could not run. Output is byte-stable: no clock time, no random nonce.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "report/report_data.h"

namespace crosscheck::report {

void WriteHtmlReport(const ReportData& data, std::ostream& out);

// Text for HTML content and quoted attribute values: & < > " ' become
// references, ill-formed UTF-8 and control characters become U+FFFD.
std::string EscapeHtml(std::string_view text);

// The contents of a <script type="application/json"> block for `json_text`
// (serialised JSON): '<', '>', '&', U+2028 and U+2029 become \u escapes, which
// JSON.parse reads back unchanged, so "</script>" or "<!--" cannot end or
// confuse the block.
std::string EscapeJsonForScript(std::string_view json_text);

// The built-in picture of the subject graph, for when Graphviz is missing:
// subjects in a column, each finding's claims beside them and the documents
// the claims come from, joined by lines. A standalone, well-formed SVG
// (with xmlns) that uses no style attributes, so the page's CSP allows it.
std::string BuiltInGraphSvg(const ReportData& data);

}  // namespace crosscheck::report
