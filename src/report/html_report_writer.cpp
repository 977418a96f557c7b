#include "report/html_report_writer.h"


#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

#include "report/json_report_writer.h"
#include "report/json_text.h"
#include "text/utf8.h"
#include "util/content_hash.h"

namespace crosscheck::report {
namespace {


// The built-in graph draws at most this many claims; a larger corpus gets the
// first ones and a note (Graphviz draws them all).
constexpr size_t kMaxBuiltInGraphClaims = 400;
// Labels in the built-in graph are cut to this many characters.
constexpr size_t kMaxGraphLabel = 40;

constexpr Verdict kVerdicts[] = {Verdict::kConflict, Verdict::kCompatible, Verdict::kAgree, Verdict::kSingleSource};

// ---------------------------------------------------------------------------
// The page's style and script. Both are constants: their SHA-256 hashes go
// into the Content-Security-Policy, so the page allows exactly these two.

constexpr std::string_view kStyle = R"css(
:root{color-scheme:light;--fg:#1a1a1a;--muted:#4a5160;--bg:#fff;--panel:#f5f6f8;--line:#c4cad4;--link:#0b57d0;--focus:#0b57d0;
--conflict:#a3001b;--conflict-bg:#fdecee;--compatible:#7a4300;--compatible-bg:#fff2de;--agree:#1a6530;--agree-bg:#e6f3e9;
--single:#3f4a63;--single-bg:#eceff5;--mark:#ffe680;--mark-line:#6b5000}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",Arial,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
a{color:var(--link)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:.5rem;top:-5rem;z-index:10;padding:.5rem 1rem;background:#fff;color:var(--link);border:2px solid var(--focus);border-radius:4px;font-weight:600}
.skip-link:focus{top:.5rem}
.page-header,main,.page-footer{max-width:76rem;margin:0 auto;padding:0 1rem}
.page-header{padding-top:1rem;border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .75rem;padding-top:1rem;border-top:1px solid var(--line)}
h3{font-size:1.05rem;line-height:1.35;margin:0 0 .5rem}
main>section:first-child h2{border-top:0;margin-top:1rem}
main:focus{outline:none}
.lede{margin:.25rem 0 .5rem}
.sections ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:.5rem 0 1rem}
.sections a{display:inline-block;padding:.25rem 0}
.muted{color:var(--muted)}
code,.kind,.path{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.85em}
.kind{background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:0 .3em;font-weight:400;white-space:nowrap}
.icon{width:1em;height:1em;flex:none;vertical-align:-.125em}
.badge{display:inline-flex;align-items:center;gap:.35rem;padding:.05rem .55rem;border:1px solid currentColor;border-radius:999px;font-weight:700;font-size:.9rem;white-space:nowrap}
.v-conflict{color:var(--conflict);background:var(--conflict-bg)}
.v-compatible{color:var(--compatible);background:var(--compatible-bg)}
.v-agree{color:var(--agree);background:var(--agree-bg)}
.v-single_source{color:var(--single);background:var(--single-bg)}
.counts{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0 0 1rem}
.count{display:flex;align-items:center;gap:.5rem;padding:.4rem .8rem;border:1px solid currentColor;border-radius:8px;font-weight:600}
.count-n{font-size:1.5rem;line-height:1}
.totals{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.25rem 1rem;margin:0}
.totals div{border-left:3px solid var(--line);padding-left:.5rem}
.totals dt{color:var(--muted);font-size:.9rem}
.totals dd{margin:0;font-weight:700;font-size:1.2rem}
.filter-bar{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-end;background:var(--panel);padding:.75rem 1rem;border:1px solid var(--line);border-radius:8px}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:700;padding:0;margin-bottom:.3rem}
.toggles{display:flex;flex-wrap:wrap;gap:.4rem}
button,select{font:inherit;min-height:2.75rem;border-radius:6px;cursor:pointer}
.toggle{display:inline-flex;align-items:center;gap:.4rem;border:2px solid currentColor;padding:.25rem .7rem;font-weight:700}
.toggle .state{font-weight:400;font-size:.85rem}
.toggle[aria-pressed="false"]{color:var(--muted);background:#fff;border-style:dashed;font-weight:400}
.toggle[aria-pressed="false"] .label{text-decoration:line-through}
.field{display:flex;flex-direction:column;gap:.3rem;font-weight:700;min-width:0}
select{padding:.3rem .5rem;border:1px solid #5c6475;background:#fff;color:var(--fg);min-width:12rem;max-width:100%;font-weight:400}
.plain-button{border:1px solid #5c6475;background:#fff;color:var(--fg);padding:.3rem .9rem}
.status{font-weight:700;margin:.6rem 0 0}
.table-scroll{position:relative;overflow-x:auto;border:1px solid var(--line);border-radius:8px;max-width:100%;background:#fff}
table{border-collapse:collapse;width:max-content;min-width:100%}
caption{text-align:left;padding:.5rem .6rem;color:var(--muted);caption-side:top}
th,td{border-top:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--panel);white-space:nowrap}
.matrix tbody th{max-width:22rem;min-width:12rem;font-weight:600}
.matrix td{min-width:7rem;max-width:15rem}
.matrix td.none{color:var(--muted)}
.cell-value{display:block}
.finding{border:1px solid var(--line);border-left-width:8px;border-radius:8px;padding:1rem;margin:0 0 1rem;background:#fff}
.finding.b-conflict{border-left-color:var(--conflict)}
.finding.b-compatible{border-left-color:var(--compatible)}
.finding.b-agree{border-left-color:var(--agree)}
.finding.b-single_source{border-left-color:var(--single)}
.verdict-line{margin:0 0 .4rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.finding .meta{margin:0;color:var(--muted);font-size:.9rem}
.evidence-grid{list-style:none;padding:0;margin:.75rem 0 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.75rem}
.claim{border:1px solid var(--line);border-radius:8px;padding:.6rem .75rem;background:var(--panel);min-width:0}
.claim p{margin:0 0 .25rem}
.claim-outlet{font-weight:700}
.claim-value strong{font-size:1.05rem}
blockquote{margin:.4rem 0 0;padding:.45rem .65rem;border-left:4px solid #5c6475;background:#fff;font-family:Georgia,"DejaVu Serif","Liberation Serif",serif}
mark{background:var(--mark);color:#1a1a1a;font-weight:700;padding:0 .12em;border-bottom:2px solid var(--mark-line)}
.document{border:1px solid var(--line);border-radius:8px;padding:1rem;margin:0 0 1rem}
.document .meta{margin:0 0 .25rem}
.sentences{margin:.5rem 0 0;padding-left:2.5rem}
.sentences li{margin-bottom:.6rem}
.sentence-claims{display:block;font-size:.9rem;color:var(--muted)}
.graph-scroll{position:relative;overflow:auto;border:1px solid var(--line);border-radius:8px;background:#fff;max-height:85vh}
.graph-scroll img,.graph-scroll svg{display:block;max-width:none;height:auto}
figure{margin:0}
figcaption{color:var(--muted);margin-top:.4rem}
.consensus-line{margin:.4rem 0 0}
.consensus-line .uncertainty{color:var(--muted)}
.c-status{display:inline-block;border:1px solid currentColor;border-radius:4px;padding:0 .35em;font-size:.85rem;font-weight:600}
.c-contested{color:var(--conflict)}
.c-insufficient_evidence,.c-no_value{color:var(--single)}
.c-consensus{color:var(--agree)}
.reliability td.number{text-align:right;font-variant-numeric:tabular-nums}
.drift{border:1px solid var(--line);border-radius:8px;padding:1rem;margin:0 0 1rem}
.diagnostics li{margin-bottom:.3rem}
.quiet-documents{border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem;margin:0 0 1rem}
.quiet-documents summary{cursor:pointer;font-weight:700;padding:.35rem 0}
.quiet-documents ul{margin:.5rem 0;padding-left:1.25rem;columns:20rem auto}
.quiet-documents li{break-inside:avoid;margin-bottom:.2rem}
.page-footer{color:var(--muted);border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem;padding-bottom:2rem}
@media (max-width:40rem){
body{font-size:15px}
h1{font-size:1.35rem}
.evidence-grid{grid-template-columns:1fr}
.field{flex:1 1 100%}
select{min-width:0;width:100%}
.sentences{padding-left:1.75rem}
.matrix tbody th{min-width:9rem}
}
@media print{.skip-link,#filters{display:none}.finding,.document{break-inside:avoid}}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  "use strict";
  var node = document.getElementById("report-data");
  if (!node) return;
  var data = JSON.parse(node.textContent);
  var toggles = Array.prototype.slice.call(document.querySelectorAll("button[data-verdict]"));
  var kind = document.getElementById("filter-kind");
  var outlet = document.getElementById("filter-outlet");
  var reset = document.getElementById("filter-reset");
  var status = document.getElementById("filter-status");
  function show(id, visible) {
    var element = id ? document.getElementById(id) : null;
    if (element) element.hidden = !visible;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function apply() {
    var wanted = {};
    toggles.forEach(function (button) {
      var on = button.getAttribute("aria-pressed") === "true";
      if (on) wanted[button.getAttribute("data-verdict")] = true;
      var state = button.querySelector(".state");
      if (state) state.textContent = on ? "(shown)" : "(hidden)";
    });
    var k = kind.value;
    var o = outlet.value;
    var shown = 0;
    data.findings.forEach(function (f) {
      var visible = wanted[f.verdict] === true && (k === "" || f.kind === k) && (o === "" || f.outlets.indexOf(o) !== -1);
      if (visible) shown += 1;
      show(f.element, visible);
      show(f.row, visible);
    });
    var documents = 0;
    data.documents.forEach(function (d) {
      var visible = o === "" || d.outlet === o;
      if (visible) documents += 1;
      show(d.element, visible);
    });
    var total = data.findings.length;
    show("findings-none", shown === 0 && total > 0);
    show("matrix-none", shown === 0 && total > 0);
    status.textContent = (shown === total ? "Showing all " + plural(total, "finding") : "Showing " + shown + " of " + plural(total, "finding")) +
      " and " + (documents === data.documents.length ? "all " : documents + " of ") + plural(data.documents.length, "document") + ".";
  }
  toggles.forEach(function (button) {
    button.addEventListener("click", function () {
      button.setAttribute("aria-pressed", button.getAttribute("aria-pressed") === "true" ? "false" : "true");
      apply();
    });
  });
  [kind, outlet].forEach(function (select) {
    select.addEventListener("change", apply);
    select.addEventListener("input", apply);
  });
  reset.addEventListener("click", function () {
    toggles.forEach(function (button) { button.setAttribute("aria-pressed", "true"); });
    kind.value = "";
    outlet.value = "";
    apply();
  });
  apply();
  document.body.setAttribute("data-filters", "ready");
})();
)js";

// ---------------------------------------------------------------------------
// Encoding helpers.

std::string Base64(std::string_view bytes) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t n = (static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16) |
                       (static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                       static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < bytes.size()) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// 'sha256-...' for a Content-Security-Policy source list.
std::string CspHash(std::string_view text) {
  const std::string hex = util::Sha256Hex(text);
  std::string digest;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) digest.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return "'sha256-" + Base64(digest) + "'";
}

// The first `max` code points of `text` (which is valid UTF-8), with an ellipsis when cut.
std::string Truncate(const std::string& text, size_t max) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count == max) return text.substr(0, i) + "\xE2\x80\xA6";
    ++count;
  }
  return text;
}

bool IsBoundary(const std::string& text, size_t at) {
  return at == 0 || at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

// A part of a text to mark, with the claims it belongs to.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  std::vector<std::string> claims;
};

// `text` escaped, with each valid span in a <mark>. Spans are byte offsets
// into the UTF-8 text; overlapping ones merge, and a span that runs past the
// text or cuts a character in two is left unmarked rather than guessed at.
std::string Highlight(const std::string& text, std::vector<Span> spans, const char* attribute) {
  std::vector<Span> valid;
  for (Span& s : spans) {
    if (s.begin < s.end && s.end <= text.size() && IsBoundary(text, s.begin) && IsBoundary(text, s.end)) {
      valid.push_back(std::move(s));
    }
  }
  std::sort(valid.begin(), valid.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::vector<Span> merged;
  for (Span& s : valid) {
    if (!merged.empty() && s.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
      for (std::string& c : s.claims) merged.back().claims.push_back(std::move(c));
    } else {
      merged.push_back(std::move(s));
    }
  }
  std::string out;
  size_t at = 0;
  for (Span& s : merged) {
    std::sort(s.claims.begin(), s.claims.end());
    s.claims.erase(std::unique(s.claims.begin(), s.claims.end()), s.claims.end());
    std::string ids;
    for (const std::string& c : s.claims) ids += (ids.empty() ? "" : " ") + c;
    out += EscapeHtml(std::string_view(text).substr(at, s.begin - at));
    out += "<mark class=\"value\" ";
    out += attribute;
    out += "=\"" + EscapeHtml(ids) + "\">";
    out += EscapeHtml(std::string_view(text).substr(s.begin, s.end - s.begin));
    out += "</mark>";
    at = s.end;
  }
  out += EscapeHtml(std::string_view(text).substr(at));
  return out;
}

std::string ClassOf(Verdict v) { return std::string(VerdictName(v)); }

const char* WordOf(Verdict v) {
  switch (v) {
    case Verdict::kConflict: return "Conflict";
    case Verdict::kCompatible: return "Compatible";
    case Verdict::kAgree: return "Agree";
    case Verdict::kSingleSource: return "Single source";
  }
  return "";
}

// The summary's word after a count: "1 conflict", "2 conflicts", "3 agree".
const char* CountWord(Verdict v, size_t n) {
  switch (v) {
    case Verdict::kConflict: return n == 1 ? "conflict" : "conflicts";
    case Verdict::kCompatible: return "compatible";
    case Verdict::kAgree: return "agree";
    case Verdict::kSingleSource: return "single source";
  }
  return "";
}

// A shape for each verdict, so that colour is never the only signal: a
// crossed circle, a half-filled circle, a tick, a ring with a dot.
std::string Icon(Verdict v) {
  std::string shape;
  switch (v) {
    case Verdict::kConflict:
      shape = "<circle cx=\"8\" cy=\"8\" r=\"7.5\" fill=\"currentColor\"/><path d=\"M5 5l6 6M11 5l-6 6\" stroke=\"#fff\" "
              "stroke-width=\"2\" stroke-linecap=\"round\"/>";
      break;
    case Verdict::kCompatible:
      shape = "<circle cx=\"8\" cy=\"8\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>"
              "<path d=\"M8 1.5a6.5 6.5 0 0 1 0 13z\" fill=\"currentColor\"/>";
      break;
    case Verdict::kAgree:
      shape = "<path d=\"M2 8.5l4 4L14 3.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\" "
              "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>";
      break;
    case Verdict::kSingleSource:
      shape = "<circle cx=\"8\" cy=\"8\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>"
              "<circle cx=\"8\" cy=\"8\" r=\"2.5\" fill=\"currentColor\"/>";
      break;
  }
  return "<svg class=\"icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">" +
         shape + "</svg>";
}

std::string Badge(Verdict v) {
  return "<span class=\"badge v-" + ClassOf(v) + "\">" + Icon(v) + "<span>" + WordOf(v) + "</span></span>";
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string ModalityText(const Claim& c) {
  std::string out(ModalityName(c.modality));
  if (!c.modality_cue.empty()) out += " (\xE2\x80\x9C" + c.modality_cue + "\xE2\x80\x9D)";
  return out;
}

bool IsWebUrl(const std::string& url) {
  std::string lower;
  for (char c : url.substr(0, 8)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

// The outlets that make at least one claim, sorted: the matrix's columns.
std::vector<std::string> ClaimingOutlets(const ReportData& data) {
  std::set<std::string> outlets;
  for (size_t i = 0; i < data.findings.size(); ++i) {
    for (std::string& outlet : data.OutletsOf(i)) outlets.insert(std::move(outlet));
  }
  return {outlets.begin(), outlets.end()};
}

// Every outlet, from the documents and the claims, sorted.
std::vector<std::string> Outlets(const ReportData& data) {
  std::set<std::string> outlets;
  for (const DocumentSource& d : data.documents) outlets.insert(d.outlet);
  for (size_t i = 0; i < data.findings.size(); ++i) {
    for (std::string& outlet : data.OutletsOf(i)) outlets.insert(std::move(outlet));
  }
  return {outlets.begin(), outlets.end()};
}

std::string Percent(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", 100 * x);
  return buffer;
}

std::string Fixed2(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", x);
  return buffer;
}

const char* ConsensusWord(check::ConsensusStatus s) {
  switch (s) {
    case check::ConsensusStatus::kConsensus: return "consensus";
    case check::ConsensusStatus::kContested: return "contested";
    case check::ConsensusStatus::kInsufficientEvidence: return "insufficient evidence";
    case check::ConsensusStatus::kNoValue: return "no value";
  }
  return "";
}

std::string ConsensusStatusTag(check::ConsensusStatus s) {
  return "<span class=\"c-status c-" + std::string(check::ConsensusStatusName(s)) + "\">" + ConsensusWord(s) + "</span>";
}

// `text` escaped, with the byte ranges in <mark>; a range that runs past the
// text or cuts a character in two is left unmarked.
std::string MarkRanges(const std::string& text, const std::vector<std::pair<size_t, size_t>>& ranges) {
  std::string out;
  size_t at = 0;
  for (const auto& [begin, end] : ranges) {
    if (begin < at || begin >= end || end > text.size() || !IsBoundary(text, begin) || !IsBoundary(text, end)) continue;
    out += EscapeHtml(std::string_view(text).substr(at, begin - at));
    out += "<mark>" + EscapeHtml(std::string_view(text).substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  return out + EscapeHtml(std::string_view(text).substr(at));
}

// The built-in picture of the subject graph (BuiltInGraphSvg), laid out
// first and written later straight to the page: with one box per document it
// is tens of megabytes on a large corpus, and is never held whole.
class BuiltInGraph {
 public:
  // Reads the findings' first claims.
  explicit BuiltInGraph(const ReportData& data) {
    for (const Finding& f : data.findings) {
      if (subjects_.find(f.subject.id) == subjects_.end()) {
        subject_order_.push_back(f.subject.id);
        subjects_[f.subject.id].label = f.subject.label;
      }
    }
    // The first claims only: the findings are read until that many are drawn.
    std::set<std::string> seen_claims;
    data.ForEachFindingPiece([&](size_t, const Finding& f, size_t) {
      for (const SourcedClaim& sc : f.claims) {
        if (drawn_ >= kMaxBuiltInGraphClaims) break;
        std::string id = StableClaimId(sc);
        if (!seen_claims.insert(id).second) continue;
        subjects_[f.subject.id].claims.push_back(
            {std::move(id), sc.claim.template_id + ": " + sc.claim.value.display, sc.source.path});
        ++drawn_;
      }
      return drawn_ < kMaxBuiltInGraphClaims;
    });
    // Every document, and any document of a drawn claim the listing lacks.
    std::set<std::string_view> listed;
    for (const DocumentSource& d : data.documents) {
      documents_.push_back(d.path);
      listed.insert(d.path);
    }
    for (const auto& [id, s] : subjects_) {
      for (const ClaimBox& c : s.claims) {
        if (listed.insert(c.document).second) documents_.push_back(c.document);
      }
    }
    std::sort(documents_.begin(), documents_.end());
    for (const std::string& sid : subject_order_) {
      const size_t count = subjects_[sid].claims.size();
      rows_ += count > 0 ? count : 1;
    }
  }

  void Write(std::ostream& out) const {
    const int rows = std::max({static_cast<int>(rows_), static_cast<int>(documents_.size()), 1});
    const int height = kTop + rows * kRow + 8;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph-built-in\" width=\"" << kWidth << "\" height=\""
        << height << "\" viewBox=\"0 0 " << kWidth << " " << height
        << "\" role=\"img\" aria-labelledby=\"graph-built-in-title\" font-family=\"Liberation Sans, DejaVu Sans, "
           "Arial, sans-serif\" font-size=\"12\" fill=\"#1a1a1a\">\n<title id=\"graph-built-in-title\">Subject graph: "
        << Plural(subject_order_.size(), "subject", "subjects") << ", their claims, and the documents the claims come "
        << "from</title>\n"
        << "<text x=\"" << kSubjectX << "\" y=\"20\" font-weight=\"bold\">Subjects</text><text x=\"" << kClaimX
        << "\" y=\"20\" font-weight=\"bold\">Claims</text><text x=\"" << kDocumentX
        << "\" y=\"20\" font-weight=\"bold\">Documents</text>\n"
        << "<g stroke=\"#8a93a5\" stroke-width=\"1\">\n";
    // The lines first, then the boxes over them, in the same order of subjects.
    for (bool lines : {true, false}) {
      int row = 0;
      for (const std::string& sid : subject_order_) {
        const SubjectBox& s = subjects_.at(sid);
        const int first = kTop + row * kRow;
        const int count = static_cast<int>(s.claims.size());
        const int subject_y = count > 0 ? first + (count - 1) * kRow / 2 : first;
        for (const ClaimBox& c : s.claims) {
          const int y = kTop + row * kRow;
          if (lines) {
            out << "<line x1=\"" << kSubjectX + kColumn << "\" y1=\"" << subject_y + kBox / 2 << "\" x2=\"" << kClaimX
                << "\" y2=\"" << y + kBox / 2 << "\"/>\n";
            out << "<line x1=\"" << kClaimX + kColumn << "\" y1=\"" << y + kBox / 2 << "\" x2=\"" << kDocumentX
                << "\" y2=\"" << DocumentY(c.document) + kBox / 2 << "\"/>\n";
          } else {
            Box(out, kClaimX, y, c.label, "#ffffff", "#5c6475", "claim");
          }
          ++row;
        }
        if (!lines) Box(out, kSubjectX, subject_y, s.label, "#eceff5", "#3f4a63", "subject");
        if (count == 0) ++row;
      }
      if (lines) out << "</g>\n";
    }
    for (std::string_view d : documents_) Box(out, kDocumentX, DocumentY(d), d, "#f5f6f8", "#5c6475", "document");
    out << "</svg>";
  }

 private:
  // Columns: subjects, claims, documents. Claims are grouped under their
  // subject; each subject sits beside the middle of its claims.
  static constexpr int kRow = 26;
  static constexpr int kBox = 20;
  static constexpr int kTop = 36;
  static constexpr int kSubjectX = 8;
  static constexpr int kClaimX = 318;
  static constexpr int kDocumentX = 628;
  static constexpr int kColumn = 290;
  static constexpr int kWidth = kDocumentX + kColumn + 8;

  struct ClaimBox {
    std::string id;
    std::string label;
    std::string document;
  };
  struct SubjectBox {
    std::string label;
    std::vector<ClaimBox> claims;
  };

  // Documents spread over the height of the claims column; a path listed
  // twice sits where its last listing does.
  int DocumentY(std::string_view path) const {
    const size_t i = static_cast<size_t>(std::upper_bound(documents_.begin(), documents_.end(), path) - documents_.begin()) - 1;
    const int claims_height = static_cast<int>(std::max<size_t>(drawn_, 1)) * kRow;
    const int span = std::max(claims_height, static_cast<int>(documents_.size()) * kRow);
    return kTop + static_cast<int>((static_cast<double>(i) + 0.5) * span / static_cast<double>(documents_.size())) - kBox / 2;
  }

  static void Box(std::ostream& out, int x, int y, std::string_view label, const char* fill, const char* stroke,
                  const char* kind) {
    out << "<g class=\"" << kind << "\"><title>" << EscapeHtml(label) << "</title><rect x=\"" << x << "\" y=\"" << y
        << "\" width=\"" << kColumn << "\" height=\"" << kBox << "\" rx=\"4\" fill=\"" << fill << "\" stroke=\""
        << stroke << "\"/><text x=\"" << x + 6 << "\" y=\"" << y + 14 << "\">"
        << EscapeHtml(Truncate(text::SanitiseUtf8(label), kMaxGraphLabel)) << "</text></g>\n";
  }

  std::vector<std::string> subject_order_;
  std::map<std::string, SubjectBox> subjects_;
  std::vector<std::string_view> documents_;  // sorted: the report's paths and the drawn claims' documents
  size_t drawn_ = 0;
  size_t rows_ = 0;  // of subjects and claims
};

std::string FindingElement(size_t i) { return "finding-" + std::to_string(i); }
std::string MatrixRow(size_t i) { return "matrix-row-" + std::to_string(i); }
std::string DocumentElement(size_t i) { return "document-" + std::to_string(i); }

// ---------------------------------------------------------------------------
// Sections.

class Page {
 public:
  Page(const ReportData& data, std::ostream& out)
      : data_(data), out_(out), outlets_(Outlets(data)), claiming_outlets_(ClaimingOutlets(data)) {}

  void Write() {
    const std::string title = "Consistency report: " + data_.corpus;
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src " << CspHash(kScript)
         << "; style-src " << CspHash(kStyle)
         << "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
         << "<meta name=\"referrer\" content=\"no-referrer\">\n"
         << "<meta name=\"generator\" content=\"crosscheck (report format " << kReportFormatVersion << ")\">\n"
         << "<title>" << EscapeHtml(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
         << "<a class=\"skip-link\" href=\"#main\">Skip to the report</a>\n";
    Header(title);
    out_ << "<main id=\"main\" tabindex=\"-1\">\n";
    Summary();
    Filters();
    Matrix();
    Findings();
    Reliability();
    // Drawn before the documents are read: it reads the findings' first
    // claims, which the document view's reading would make the store read anew.
    if (data_.graph_svg.empty()) built_in_graph_ = std::make_unique<BuiltInGraph>(data_);
    Documents();
    Copies();
    QuoteDrift();
    Graph();
    Diagnostics();
    out_ << "</main>\n<footer class=\"page-footer\">\n<p>Written by crosscheck from the same data as report.json and "
            "report.md. crosscheck judges whether outlets are consistent with each other, not whether they are "
            "right.</p>\n</footer>\n";
    DataBlock();
    out_ << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  }

 private:
  void Header(const std::string& title) {
    out_ << "<header class=\"page-header\">\n<h1>" << EscapeHtml(title) << "</h1>\n<p class=\"lede\">"
         << Plural(data_.documents.size(), "document", "documents") << " from "
         << Plural(data_.OutletCount(), "outlet", "outlets") << ", " << Plural(data_.claims, "claim", "claims")
         << " about " << Plural(data_.subjects, "subject", "subjects") << ".";
    if (data_.skipped_documents > 0) {
      out_ << " " << Plural(data_.skipped_documents, "file was", "files were") << " skipped (see Diagnostics).";
    }
    out_ << "</p>\n<nav class=\"sections\" aria-label=\"Sections\"><ul>"
         << "<li><a href=\"#summary\">Summary</a></li><li><a href=\"#filters\">Filters</a></li>"
         << "<li><a href=\"#matrix\">Who says what</a></li><li><a href=\"#findings\">Findings</a></li>"
         << "<li><a href=\"#documents\">Documents</a></li><li><a href=\"#graph\">Subject graph</a></li>";
    if (!data_.truth.outlets.empty()) out_ << "<li><a href=\"#reliability\">Outlet reliability</a></li>";
    if (!data_.sources.clusters.empty()) out_ << "<li><a href=\"#copies\">Copies</a></li>";
    if (!data_.quote_drift.empty()) out_ << "<li><a href=\"#quote-drift\">Quotation drift</a></li>";
    if (!data_.diagnostics.empty()) out_ << "<li><a href=\"#diagnostics\">Diagnostics</a></li>";
    out_ << "</ul></nav>\n</header>\n";
  }

  void Summary() {
    out_ << "<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n"
         << "<ul class=\"counts\" aria-label=\"Findings by verdict\">\n";
    for (Verdict v : kVerdicts) {
      out_ << "<li class=\"count v-" << ClassOf(v) << "\" data-verdict=\"" << ClassOf(v) << "\">" << Icon(v)
           << "<span class=\"count-n\">" << data_.Count(v) << "</span> <span>" << CountWord(v, data_.Count(v)) << "</span></li>\n";
    }
    out_ << "</ul>\n<dl class=\"totals\">\n";
    const std::pair<const char*, size_t> totals[] = {
        {"Documents", data_.documents.size()}, {"Outlets", data_.OutletCount()}, {"Claims", data_.claims},
        {"Subjects", data_.subjects},          {"Findings", data_.findings.size()},
        {"Skipped files", data_.skipped_documents}};
    for (const auto& [name, n] : totals) out_ << "<div><dt>" << name << "</dt><dd>" << n << "</dd></div>\n";
    out_ << "</dl>\n</section>\n";
  }

  void Filters() {
    out_ << "<section id=\"filters\" aria-labelledby=\"filters-title\">\n<h2 id=\"filters-title\">Filters</h2>\n"
         << "<p class=\"muted\">Filters apply to the matrix and the findings; the outlet filter also to the "
            "documents.</p>\n<div class=\"filter-bar\">\n<fieldset>\n<legend>Verdict</legend>\n<div class=\"toggles\">\n";
    for (Verdict v : kVerdicts) {
      out_ << "<button type=\"button\" class=\"toggle v-" << ClassOf(v) << "\" data-verdict=\"" << ClassOf(v)
           << "\" aria-pressed=\"true\">" << Icon(v) << "<span class=\"label\">" << WordOf(v) << " (" << data_.Count(v)
           << ")</span> <span class=\"state\">(shown)</span></button>\n";
    }
    out_ << "</div>\n</fieldset>\n<label class=\"field\" for=\"filter-kind\">Kind\n<select id=\"filter-kind\">"
         << "<option value=\"\">All kinds</option>";
    std::map<std::string, size_t> kinds;
    for (const Finding& f : data_.findings) ++kinds[f.template_id];
    for (const auto& [kind, n] : kinds) {
      out_ << "<option value=\"" << EscapeHtml(kind) << "\">" << EscapeHtml(kind) << " (" << n << ")</option>";
    }
    out_ << "</select></label>\n<label class=\"field\" for=\"filter-outlet\">Outlet\n<select id=\"filter-outlet\">"
         << "<option value=\"\">All outlets</option>";
    for (const std::string& outlet : outlets_) {
      out_ << "<option value=\"" << EscapeHtml(outlet) << "\">" << EscapeHtml(outlet) << "</option>";
    }
    out_ << "</select></label>\n<button type=\"button\" class=\"plain-button\" id=\"filter-reset\">Show all</button>\n"
         << "</div>\n<p class=\"status\" id=\"filter-status\" role=\"status\" aria-live=\"polite\">Showing all "
         << Plural(data_.findings.size(), "finding", "findings") << " and all "
         << Plural(data_.documents.size(), "document", "documents") << ".</p>\n</section>\n";
  }

  void Matrix() {
    out_ << "<section id=\"matrix\" aria-labelledby=\"matrix-title\">\n<h2 id=\"matrix-title\">Who says what</h2>\n";
    if (data_.findings.empty()) {
      out_ << "<p>No claims were found, so there is nothing to compare.</p>\n</section>\n";
      return;
    }
    out_ << "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\">\n"
         << "<table class=\"matrix\">\n<caption id=\"matrix-caption\">The value each outlet states about each subject "
            "(rows: subjects and claim kinds; columns: the outlets that make claims). Scrolls sideways when there are "
            "many outlets.</caption>\n"
         << "<thead><tr><th scope=\"col\">Subject and kind</th><th scope=\"col\">Verdict</th>"
         << "<th scope=\"col\">Consensus</th>";
    for (const std::string& outlet : claiming_outlets_) out_ << "<th scope=\"col\">" << EscapeHtml(outlet) << "</th>";
    out_ << "</tr></thead>\n<tbody>\n";
    // Each outlet's values, in the order its claims give them, gathered over the finding's pieces.
    std::vector<std::vector<std::string>> values(claiming_outlets_.size());
    data_.ForEachFindingPiece([&](size_t i, const Finding& f, size_t begin) {
      if (begin == 0) {
        out_ << "<tr id=\"" << MatrixRow(i) << "\" data-finding-id=\"" << EscapeHtml(f.id) << "\"><th scope=\"row\">"
             << "<a href=\"#" << FindingElement(i) << "\">" << EscapeHtml(f.subject.label) << "</a> <span class=\"kind\">"
             << EscapeHtml(f.template_id) << "</span></th><td>" << Badge(f.verdict) << "</td><td>";
        if (const check::SubjectConsensus* c = data_.truth.Find(f.id)) {
          if (c->status != check::ConsensusStatus::kNoValue) out_ << "<span class=\"cell-value\">" << EscapeHtml(c->best.value) << "</span>";
          out_ << ConsensusStatusTag(c->status);
          if (c->status == check::ConsensusStatus::kConsensus || c->status == check::ConsensusStatus::kContested) {
            out_ << " <span class=\"muted\">" << Percent(c->best.confidence) << "</span>";
          }
        } else {
          out_ << "<span aria-hidden=\"true\">\xE2\x80\x94</span><span class=\"visually-hidden\">not computed</span>";
        }
        out_ << "</td>";
        for (std::vector<std::string>& v : values) v.clear();
      }
      for (size_t o = 0; o < claiming_outlets_.size(); ++o) {
        std::vector<std::string>& said = values[o];
        for (const SourcedClaim& sc : f.claims) {
          if (sc.source.outlet != claiming_outlets_[o]) continue;
          std::string value = sc.claim.value.display;
          if (sc.claim.modality != Modality::kAsserted) value += " (" + std::string(ModalityName(sc.claim.modality)) + ")";
          if (std::find(said.begin(), said.end(), value) == said.end()) said.push_back(std::move(value));
        }
      }
      if (!data_.IsLastPiece(i, f, begin)) return true;
      for (const std::vector<std::string>& said : values) {
        if (said.empty()) {
          out_ << "<td class=\"none\"><span aria-hidden=\"true\">\xE2\x80\x94</span><span class=\"visually-hidden\">"
                  "not reported</span></td>";
          continue;
        }
        out_ << "<td>";
        for (const std::string& v : said) out_ << "<span class=\"cell-value\">" << EscapeHtml(v) << "</span>";
        out_ << "</td>";
      }
      out_ << "</tr>\n";
      return true;
    });
    out_ << "<tr id=\"matrix-none\" hidden><td colspan=\"" << claiming_outlets_.size() + 3
         << "\">No finding matches the filters.</td></tr>\n</tbody>\n</table>\n</div>\n</section>\n";
  }

  void Findings() {
    out_ << "<section id=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Findings</h2>\n"
         << "<p class=\"muted\">One per subject and claim kind, conflicts first. Each claim shows its sentence with the "
            "value highlighted.</p>\n";
    if (data_.findings.empty()) out_ << "<p>No findings: no template matched any sentence of the corpus.</p>\n";
    out_ << "<p id=\"findings-none\" hidden>No finding matches the filters. Use \xE2\x80\x9CShow all\xE2\x80\x9D to "
            "clear them.</p>\n";
    data_.ForEachFindingPiece([&](size_t i, const Finding& f, size_t begin) {
      if (begin == 0) FindingHead(i, f);
      for (const SourcedClaim& sc : f.claims) {
        const Claim& c = sc.claim;
        const std::string claim_id = StableClaimId(sc);
        out_ << "<li class=\"claim\" data-claim=\"" << EscapeHtml(claim_id) << "\" data-outlet=\""
             << EscapeHtml(sc.source.outlet) << "\">\n<p class=\"claim-outlet\">" << EscapeHtml(sc.source.outlet)
             << " <span class=\"path muted\">" << EscapeHtml(sc.source.path) << ":" << c.match_raw.begin
             << "</span></p>\n<p class=\"claim-value\">Value: <strong>" << EscapeHtml(c.value.display)
             << "</strong></p>\n<p class=\"claim-meta muted\">" << EscapeHtml(ModalityText(c));
        if (!c.attribution.empty()) out_ << "; attributed to " << EscapeHtml(c.attribution);
        if (c.has_when) {
          out_ << "; when: " << EscapeHtml(c.when.phrase) << " → " << EscapeHtml(c.when.display);
          if (c.when.relative && c.when.resolved) {
            out_ << " (" << EscapeHtml(c.when.rule) << ", " << EscapeHtml(c.when.anchor_evidence) << ")";
          }
        }
        out_ << "</p>\n<blockquote class=\"evidence\">";
        std::vector<Span> spans;
        if (!c.value_raw.empty()) spans.push_back({c.value_in_evidence.begin, c.value_in_evidence.end, {claim_id}});
        out_ << Highlight(c.evidence, std::move(spans), "data-claim") << "</blockquote>\n</li>\n";
      }
      if (data_.IsLastPiece(i, f, begin)) out_ << "</ul>\n</article>\n";
      return true;
    });
    out_ << "</section>\n";
  }

  // A finding's heading, verdict, self-contradictions and consensus, up to its evidence list.
  void FindingHead(size_t i, const Finding& f) {
    const std::string id = FindingElement(i);
    out_ << "<article class=\"finding b-" << ClassOf(f.verdict) << "\" id=\"" << id << "\" data-finding-id=\""
         << EscapeHtml(f.id) << "\" data-verdict=\"" << ClassOf(f.verdict) << "\" aria-labelledby=\"" << id
         << "-title\">\n<h3 id=\"" << id << "-title\">" << EscapeHtml(f.subject.label) << " <span class=\"kind\">"
         << EscapeHtml(f.template_id) << "</span></h3>\n<p class=\"verdict-line\">" << Badge(f.verdict)
         << " <span class=\"reason\">" << EscapeHtml(f.reason) << "</span></p>\n<p class=\"meta\">Subject <code>"
         << EscapeHtml(f.subject.id) << "</code>, " << Plural(data_.ClaimCount(i), "claim", "claims") << " from "
         << Plural(f.outlets, "outlet", "outlets") << ".</p>\n";
    for (const SelfContradiction& s : data_.SelfContradictionsOf(i)) {
      out_ << "<p class=\"meta self-contradiction\"><strong>Contradicts itself:</strong> " << EscapeHtml(s.outlet)
           << " <span class=\"path\">" << EscapeHtml(s.document) << "</span>: " << EscapeHtml(s.reason) << "</p>\n";
    }
    if (const check::SubjectConsensus* c = data_.truth.Find(f.id)) ConsensusLine(*c);
    out_ << "<ul class=\"evidence-grid\" aria-label=\"Evidence\">\n";
  }

  // The subject's most likely value, how sure, and the rival value.
  void ConsensusLine(const check::SubjectConsensus& c) {
    out_ << "<p class=\"consensus-line\">Consensus: ";
    if (c.status == check::ConsensusStatus::kConsensus || c.status == check::ConsensusStatus::kContested) {
      out_ << "<strong>" << EscapeHtml(c.best.value) << "</strong> " << ConsensusStatusTag(c.status)
           << " <span class=\"uncertainty\">confidence " << Percent(c.best.confidence) << " (90% interval "
           << Percent(c.best.interval.lo) << "\xE2\x80\x93" << Percent(c.best.interval.hi) << ")";
      if (c.has_runner_up) out_ << "; runner-up " << EscapeHtml(c.runner_up.value) << ", " << Percent(c.runner_up.confidence);
      out_ << ".</span>";
    } else {
      out_ << ConsensusStatusTag(c.status);
    }
    out_ << " <span class=\"muted\">" << EscapeHtml(c.reason) << ".</span></p>\n";
  }

  // Each outlet's agreement with the consensus of the other independent sources.
  void Reliability() {
    const check::TruthDiscovery& truth = data_.truth;
    if (truth.outlets.empty()) return;
    out_ << "<section id=\"reliability\" aria-labelledby=\"reliability-title\">\n<h2 id=\"reliability-title\">Outlet "
            "reliability</h2>\n<p class=\"muted\">How often each outlet\xE2\x80\x99s claims fit the consensus of the other "
            "independent sources (copies of its own story excluded), each subject counting once however many claims or "
            "copies the outlet has. The score is the weight the consensus gives the outlet: its agreement added to a "
            "prior of 0.8 worth five subjects. Outlets with fewer than three such subjects are not rated. Agreement is "
            "with other outlets, not with the facts.</p>\n"
         << "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"reliability-caption\" tabindex=\"0\">\n"
         << "<table class=\"reliability\">\n<caption id=\"reliability-caption\">Outlet reliability after "
         << Plural(truth.iterations, "round", "rounds") << (truth.converged ? "" : " (not converged)")
         << "; the interval is a 95% Wilson interval of the agreement.</caption>\n<thead><tr><th scope=\"col\">Outlet</th>"
            "<th scope=\"col\">Score</th><th scope=\"col\">Agreement</th><th scope=\"col\">95% interval</th>"
            "<th scope=\"col\">Subjects</th><th scope=\"col\">Agree</th><th scope=\"col\">Disagree</th>"
            "<th scope=\"col\">Rating</th></tr></thead>\n<tbody>\n";
    for (const check::OutletReliability& r : truth.outlets) {
      const bool evidence = r.agreement_weight + r.disagreement_weight > 0;
      out_ << "<tr><th scope=\"row\">" << EscapeHtml(r.outlet) << "</th><td class=\"number\">" << Fixed2(r.score)
           << "</td><td class=\"number\">" << (evidence ? Percent(r.agreement_rate) : "\xE2\x80\x94") << "</td><td>"
           << (evidence ? Percent(r.interval.lo) + "\xE2\x80\x93" + Percent(r.interval.hi) : "\xE2\x80\x94")
           << "</td><td class=\"number\">" << r.subjects << "</td><td class=\"number\">" << r.agree
           << "</td><td class=\"number\">" << r.disagree << "</td><td>"
           << (r.enough_evidence ? "rated" : "insufficient evidence") << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n</div>\n</section>\n";
  }

  // One speaker's words quoted differently by two documents, the differing words marked.
  void QuoteDrift() {
    if (data_.quote_drift.empty()) return;
    out_ << "<section id=\"quote-drift\" aria-labelledby=\"quote-drift-title\">\n<h2 id=\"quote-drift-title\">"
            "Quotation drift</h2>\n<p class=\"muted\">The same speaker\xE2\x80\x99s words, quoted differently; the "
            "differing words are highlighted. Punctuation, contractions and spellings of names are not counted.</p>\n";
    for (size_t i = 0; i < data_.quote_drift.size(); ++i) {
      const check::QuoteDrift& d = data_.quote_drift[i];
      const std::string id = "drift-" + std::to_string(i);
      out_ << "<article class=\"drift\" id=\"" << id << "\" aria-labelledby=\"" << id << "-title\">\n<h3 id=\"" << id
           << "-title\">" << EscapeHtml(d.speaker) << "</h3>\n<p>";
      auto words = [](const std::string& w) { return w.empty() ? std::string("(nothing)") : "<q>" + EscapeHtml(w) + "</q>"; };
      for (size_t j = 0; j < d.changes.size(); ++j) {
        out_ << (j > 0 ? "; " : "") << words(d.changes[j].first) << " vs " << words(d.changes[j].second);
      }
      out_ << " <span class=\"muted\">(" << Percent(d.similarity) << " of the words match)</span></p>\n"
           << "<ul class=\"evidence-grid\" aria-label=\"The two quotations\">\n";
      for (const check::QuotedPassage* p : {&d.a, &d.b}) {
        out_ << "<li class=\"claim\"><p class=\"claim-outlet\">" << EscapeHtml(p->outlet) << " <span class=\"path muted\">"
             << EscapeHtml(p->document) << "</span></p>\n<blockquote>" << MarkRanges(p->quote, p->marks)
             << "</blockquote></li>\n";
      }
      out_ << "</ul>\n</article>\n";
    }
    out_ << "</section>\n";
  }

  void Documents() {
    out_ << "<section id=\"documents\" aria-labelledby=\"documents-title\">\n<h2 id=\"documents-title\">Documents</h2>\n"
         << "<p class=\"muted\">Each article with the sentences that carry claims, values highlighted. Text is shown "
            "normalised (Unicode NFC, straight quotes, single spaces), as it was matched.</p>\n";
    if (data_.documents.empty()) out_ << "<p>The corpus holds no readable articles.</p>\n";
    // The claims of each document, by sentence.
    struct SentenceView {
      std::string evidence;
      std::vector<Span> spans;
      std::vector<std::string> labels;
    };
    // Documents with claims get a card each; the rest (most of a large corpus)
    // one line each in a list that opens on demand.
    auto card = [this](size_t i, const std::map<uint32_t, SentenceView>& sentences) {
      const DocumentSource& d = data_.documents[i];
      const std::string id = DocumentElement(i);
      out_ << "<article class=\"document\" id=\"" << id << "\" data-path=\"" << EscapeHtml(d.path)
           << "\" data-outlet=\"" << EscapeHtml(d.outlet) << "\" aria-labelledby=\"" << id << "-title\">\n<h3 id=\""
           << id << "-title\">" << EscapeHtml(d.path) << "</h3>\n<p class=\"meta\">" << EscapeHtml(d.outlet);
      if (!d.published.empty()) out_ << " \xC2\xB7 published " << EscapeHtml(d.published);
      if (!d.url.empty()) {
        out_ << " \xC2\xB7 ";
        if (IsWebUrl(d.url)) {
          out_ << "<a href=\"" << EscapeHtml(d.url) << "\" rel=\"noopener noreferrer\">" << EscapeHtml(d.url) << "</a>";
        } else {
          out_ << EscapeHtml(d.url);
        }
      }
      out_ << "</p>\n";
      const size_t claim_count = data_.ClaimsOf(i);
      const size_t with_claims = sentences.size();
      out_ << "<p class=\"muted\">" << Plural(claim_count, "claim", "claims") << " in "
           << Plural(with_claims, "sentence", "sentences");
      if (const DocumentStats* stats = data_.StatsOf(i)) {
        out_ << " of " << stats->sentences << " in the body; "
             << Plural(stats->removed, "boilerplate passage", "boilerplate passages") << " removed";
      }
      out_ << ".</p>\n";
      out_ << "<ol class=\"sentences\">\n";
      for (const auto& [index, s] : sentences) {
        out_ << "<li value=\"" << index + 1 << "\">" << Highlight(s.evidence, s.spans, "data-claims")
             << "<span class=\"sentence-claims\">Sentence " << index + 1 << ": ";
        for (size_t j = 0; j < s.labels.size(); ++j) out_ << (j == 0 ? "" : "; ") << EscapeHtml(s.labels[j]);
        out_ << "</span></li>\n";
      }
      out_ << "</ol>\n</article>\n";
    };
    // The claims of each document, by sentence, one document at a time, in
    // path order like the documents.
    std::vector<size_t> quiet;
    size_t next = 0;  // the documents before it have a card or are quiet
    data_.ForEachDocumentClaims([&](const std::string& path, const std::vector<SourcedClaim>& claims) {
      std::map<uint32_t, SentenceView> sentences;
      for (const SourcedClaim& sc : claims) {
        SentenceView& s = sentences[sc.claim.sentence];
        if (s.evidence.empty()) s.evidence = sc.claim.evidence;
        if (!sc.claim.value_raw.empty() && sc.claim.evidence == s.evidence) {
          s.spans.push_back({sc.claim.value_in_evidence.begin, sc.claim.value_in_evidence.end, {StableClaimId(sc)}});
        }
        std::string label = sc.claim.template_id + ": " + sc.claim.value.display;
        if (sc.claim.modality != Modality::kAsserted) label += " (" + std::string(ModalityName(sc.claim.modality)) + ")";
        if (std::find(s.labels.begin(), s.labels.end(), label) == s.labels.end()) s.labels.push_back(label);
      }
      while (next < data_.documents.size() && data_.documents[next].path < path) quiet.push_back(next++);
      if (next < data_.documents.size() && data_.documents[next].path == path) card(next++, sentences);
    });
    while (next < data_.documents.size()) quiet.push_back(next++);
    if (!quiet.empty()) {
      out_ << "<details class=\"quiet-documents\">\n<summary>"
           << Plural(quiet.size(), "document", "documents") << " without claims</summary>\n<ul>\n";
      for (size_t i : quiet) {
        const DocumentSource& d = data_.documents[i];
        out_ << "<li id=\"" << DocumentElement(i) << "\" data-path=\"" << EscapeHtml(d.path) << "\" data-outlet=\""
             << EscapeHtml(d.outlet) << "\"><span class=\"path\">" << EscapeHtml(d.path) << "</span>";
        if (d.outlet != d.path) out_ << " \xC2\xB7 " << EscapeHtml(d.outlet);
        if (const DocumentStats* stats = data_.StatsOf(i)) {
          out_ << " <span class=\"muted\">(" << Plural(stats->sentences, "sentence", "sentences") << ")</span>";
        }
        out_ << "</li>\n";
      }
      out_ << "</ul>\n</details>\n";
    }
    out_ << "</section>\n";
  }

  // Documents that are copies of one story, and why each was joined (source clusters).
  void Copies() {
    const SourceClusters& sources = data_.sources;
    if (sources.clusters.empty()) return;
    out_ << "<section id=\"copies\" aria-labelledby=\"copies-title\">\n<h2 id=\"copies-title\">Copies</h2>\n"
         << "<p class=\"muted\">" << Plural(sources.documents, "document", "documents") << ", "
         << Plural(sources.independent, "independent source", "independent sources")
         << ": these documents are copies or rewrites of one story, and their agreement counts once.</p>\n";
    for (const SourceCluster& c : sources.clusters) {
      out_ << "<h3>" << Plural(c.documents.size(), "copy", "copies") << ": ";
      for (size_t i = 0; i < c.outlets.size(); ++i) out_ << (i > 0 ? ", " : "") << EscapeHtml(c.outlets[i]);
      out_ << "</h3>\n<ul>\n";
      for (const CopyLink& link : c.links) {
        out_ << "<li><code>" << EscapeHtml(link.a) << "</code> and <code>" << EscapeHtml(link.b) << "</code>: "
             << EscapeHtml(link.reason);
        if (!link.shared_sentences.empty() || !link.shared_quotes.empty()) {
          out_ << "\n<ul>";
          for (const std::string& text : link.shared_sentences) out_ << "<li>shared sentence: <q>" << EscapeHtml(text) << "</q></li>";
          for (const std::string& text : link.shared_quotes) out_ << "<li>shared quotation: <q>" << EscapeHtml(text) << "</q></li>";
          out_ << "</ul>";
        }
        out_ << "</li>\n";
      }
      out_ << "</ul>\n";
    }
    out_ << "</section>\n";
  }

  void Graph() {
    size_t claims = 0;
    std::set<std::string> subjects;
    for (size_t i = 0; i < data_.findings.size(); ++i) {
      claims += data_.ClaimCount(i);
      subjects.insert(data_.findings[i].subject.id);
    }
    const std::string summary = Plural(data_.documents.size(), "document", "documents") + ", " +
                                Plural(claims, "claim", "claims") + " and " +
                                Plural(subjects.size(), "subject", "subjects");
    out_ << "<section id=\"graph\" aria-labelledby=\"graph-title\">\n<h2 id=\"graph-title\">Subject graph</h2>\n"
         << "<p class=\"muted\">Which claims are about which subject, and which document each claim comes from: the "
            "grouping behind every verdict. The same information is in the findings above.</p>\n<figure>\n"
         << "<!-- crosscheck:graph-picture -->\n"
         << "<div class=\"graph-scroll\" role=\"region\" aria-label=\"Subject graph picture\" tabindex=\"0\">";
    if (!data_.graph_svg.empty()) {
      out_ << "<img src=\"data:image/svg+xml;base64," << Base64(data_.graph_svg) << "\" alt=\"Subject graph of "
           << EscapeHtml(summary) << ", with the entities the claims name.\">";
      out_ << "</div>\n<figcaption>" << EscapeHtml(summary) << ", with the entities the claims name; drawn by "
              "Graphviz dot.</figcaption>\n";
    } else {
      built_in_graph_->Write(out_);
      out_ << "</div>\n<figcaption>" << EscapeHtml(summary)
           << "; built-in layout (Graphviz dot was not available).";
      if (claims > kMaxBuiltInGraphClaims) out_ << " The picture shows the first " << kMaxBuiltInGraphClaims << " claims.";
      out_ << "</figcaption>\n";
    }
    out_ << "<!-- /crosscheck:graph-picture -->\n</figure>\n</section>\n";
  }

  void Diagnostics() {
    if (data_.diagnostics.empty()) return;
    out_ << "<section id=\"diagnostics\" aria-labelledby=\"diagnostics-title\">\n<h2 id=\"diagnostics-title\">"
            "Diagnostics</h2>\n<ul class=\"diagnostics\">\n";
    for (const Diagnostic& d : data_.diagnostics) {
      const char* severity = d.severity == Diagnostic::Severity::kNotice    ? "Notice"
                             : d.severity == Diagnostic::Severity::kWarning ? "Warning"
                                                                            : "Error";
      out_ << "<li><strong>" << severity << ":</strong> " << EscapeHtml(d.ToString()) << "</li>\n";
    }
    out_ << "</ul>\n</section>\n";
  }

  // What the script needs to filter, by element id: compact JSON (as
  // nlohmann's dump(-1) lays it out), written an object at a time.
  void DataBlock() {
    std::string json;
    auto flush = [&] {
      out_ << EscapeJsonForScript(json);
      json.clear();
    };
    auto member = [&json](std::string_view key, std::string_view value, bool first = false) {
      if (!first) json += ',';
      AppendJsonString(&json, key);
      json += ':';
      AppendJsonString(&json, value);
    };
    out_ << "<script type=\"application/json\" id=\"report-data\">";
    json += "{\"findings\":[";
    for (size_t i = 0; i < data_.findings.size(); ++i) {
      const Finding& f = data_.findings[i];
      if (i > 0) json += ',';
      json += '{';
      member("id", f.id, true);
      member("element", FindingElement(i));
      member("row", MatrixRow(i));
      member("verdict", ClassOf(f.verdict));
      member("kind", f.template_id);
      json += ",\"outlets\":[";
      const std::vector<std::string> outlets = data_.OutletsOf(i);
      for (size_t k = 0; k < outlets.size(); ++k) {
        if (k > 0) json += ',';
        AppendJsonString(&json, outlets[k]);
      }
      json += "]}";
      flush();
    }
    json += "],\"documents\":[";
    for (size_t i = 0; i < data_.documents.size(); ++i) {
      if (i > 0) json += ',';
      json += '{';
      member("path", data_.documents[i].path, true);
      member("element", DocumentElement(i));
      member("outlet", data_.documents[i].outlet);
      json += '}';
      flush();
    }
    json += "]}";
    flush();
    out_ << "</script>\n";
  }

  const ReportData& data_;
  std::ostream& out_;
  std::vector<std::string> outlets_;           // every outlet: the filter's choices
  std::vector<std::string> claiming_outlets_;  // outlets with claims: the matrix's columns
  std::unique_ptr<BuiltInGraph> built_in_graph_;  // when Graphviz drew none
};

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    // Most of an article is printable ASCII that stands for itself: copied a run at a time.
    size_t run = i;
    while (run < text.size()) {
      const unsigned char b = static_cast<unsigned char>(text[run]);
      if (b < 0x20 || b >= 0x7F || b == '&' || b == '<' || b == '>' || b == '"' || b == '\'') break;
      ++run;
    }
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t': case '\n': out += static_cast<char>(c); break;
        case '\r': out += '\n'; break;
        default:
          if (c < 0x20 || c == 0x7F) {
            out += "\xEF\xBF\xBD";
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    char32_t cp = 0;
    const int n = text::DecodeUtf8(text.data() + i, text.size() - i, &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (cp >= 0x80 && cp <= 0x9F) {
      out += "\xEF\xBF\xBD";  // C1 controls
    } else {
      out.append(text.data() + i, static_cast<size_t>(n));
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string EscapeJsonForScript(std::string_view json_text) {
  std::string out;
  out.reserve(json_text.size() + 16);
  for (size_t i = 0; i < json_text.size(); ++i) {
    const char c = json_text[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json_text.size() && json_text[i + 1] == '\x80' &&
               (json_text[i + 2] == '\xA8' || json_text[i + 2] == '\xA9')) {
      out += json_text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string BuiltInGraphSvg(const ReportData& data) {
  std::ostringstream svg;
  BuiltInGraph(data).Write(svg);
  return svg.str();
}

void WriteHtmlReport(const ReportData& data, std::ostream& out) { Page(data, out).Write(); }

}  // namespace crosscheck::report
