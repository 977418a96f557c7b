// GraphvizRenderer: turns the subject graph's DOT text into SVG with Graphviz
// `dot -Tsvg`, for the picture in report.html.
//
// dot runs as a child process, without a shell (posix_spawnp, arguments as a
// vector), with stdin, stdout and stderr on /dev/null and the DOT text and SVG
// passed through private temporary files. It is killed when it runs past the
// timeout. Any failure (dot missing, non-zero exit, timeout, output that is not
// an inert SVG) comes back as a Status: the caller then draws the built-in
// layout instead, so a report never depends on Graphviz being installed.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "crosscheck/status.h"

namespace crosscheck::report {

struct GraphvizOptions {
  std::string program = "dot";                     // looked up on PATH when it has no '/'
  std::chrono::milliseconds timeout{20000};        // dot is killed after this. Default: 20 s
  size_t max_svg_bytes = size_t{32} * 1024 * 1024;  // larger output is refused. Default: 32 MiB
};

// The SVG that `dot -Tsvg` draws for `dot_text`. IoError when dot cannot be
// started, fails, times out or writes too much; InvalidInput when its output
// is not an inert SVG (see IsInertSvg).
Result<std::string> RenderSvgWithGraphviz(const std::string& dot_text, const GraphvizOptions& options = {});

// True when `svg` is an SVG document that can do nothing but draw: no
// <script>, <foreignObject>, <iframe>, <object>, <embed>, animation elements,
// no on* event attribute, no link other than to a fragment ("#id"), no
// javascript: anywhere in an attribute, no CDATA and no DOCTYPE internal subset.
// Used before embedding dot's output, although dot escapes labels itself.
bool IsInertSvg(std::string_view svg);

}  // namespace crosscheck::report
