// Tests for report/graphviz_renderer: dot as a child process, its failures as
// Status values (so report.html falls back to the built-in layout), and the
// check that dot's SVG can only draw.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "report/graphviz_renderer.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using crosscheck::Status;
using crosscheck::report::GraphvizOptions;
using crosscheck::report::IsInertSvg;
using crosscheck::report::RenderSvgWithGraphviz;
using crosscheck::testing::TempDir;

// A stand-in for dot: a shell script. Its arguments are dot's: the output
// path is the ninth.
std::string FakeDot(const TempDir& dir, const std::string& name, const std::string& body) {
  const fs::path path = dir.Write(name, "#!/bin/sh\n" + body + "\n");
  chmod(path.c_str(), 0755);
  return path.string();
}

bool HaveDot() {
  for (const char* dir : {"/usr/bin", "/usr/local/bin", "/bin"}) {
    if (fs::exists(fs::path(dir) / "dot")) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("A missing dot is an I/O error naming it, for the built-in fallback", "[report][graphviz]") {
  GraphvizOptions options;
  options.program = "/nonexistent/bin/dot";
  auto svg = RenderSvgWithGraphviz("digraph { a -> b }", options);
  REQUIRE(!svg.ok());
  CHECK(svg.status().code() == Status::Code::kIoError);
  CHECK_THAT(svg.status().message(), Catch::Contains("/nonexistent/bin/dot"));

  options.program = "crosscheck-no-such-dot-program";  // looked up on PATH
  svg = RenderSvgWithGraphviz("digraph { a -> b }", options);
  REQUIRE(!svg.ok());
  CHECK(svg.status().code() == Status::Code::kIoError);
}

TEST_CASE("dot's failures, hangs and active output are refused", "[report][graphviz]") {
  TempDir dir;
  GraphvizOptions options;
  SECTION("a non-zero exit") {
    options.program = FakeDot(dir, "fail", "exit 3");
    auto svg = RenderSvgWithGraphviz("digraph {}", options);
    REQUIRE(!svg.ok());
    CHECK_THAT(svg.status().message(), Catch::Contains("exit code 3"));
  }
  SECTION("a dot that runs past the timeout is killed") {
    options.program = FakeDot(dir, "hang", "exec sleep 30");
    options.timeout = std::chrono::milliseconds(200);
    const auto start = std::chrono::steady_clock::now();
    auto svg = RenderSvgWithGraphviz("digraph {}", options);
    REQUIRE(!svg.ok());
    CHECK_THAT(svg.status().message(), Catch::Contains("did not finish within 200 ms"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  }
  SECTION("an SVG with a script is not embedded") {
    options.program = FakeDot(dir, "evil",
                              "printf '<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>' > \"$9\"");
    auto svg = RenderSvgWithGraphviz("digraph {}", options);
    REQUIRE(!svg.ok());
    CHECK(svg.status().code() == Status::Code::kInvalidInput);
  }
  SECTION("output larger than the limit is refused") {
    options.program = FakeDot(dir, "big", "head -c 5000 /dev/zero | tr '\\\\0' a > \"$9\"");
    options.max_svg_bytes = 1000;
    auto svg = RenderSvgWithGraphviz("digraph {}", options);
    REQUIRE(!svg.ok());
    CHECK_THAT(svg.status().message(), Catch::Contains("too large"));
  }
  SECTION("the DOT text reaches the program through a file, not a shell") {
    options.program = FakeDot(dir, "echo", "printf '<svg xmlns=\"http://www.w3.org/2000/svg\"><text>' > \"$9\"; "
                                           "cat \"${10}\" >> \"$9\"; printf '</text></svg>' >> \"$9\"");
    auto svg = RenderSvgWithGraphviz("digraph { \"$(touch pwned)\" }", options);
    REQUIRE(svg.ok());
    CHECK_THAT(*svg, Catch::Contains("digraph { \"$(touch pwned)\" }"));
    CHECK(!fs::exists("pwned"));
  }
}

TEST_CASE("Graphviz dot draws an inert SVG", "[report][graphviz]") {
  if (!HaveDot()) {
    WARN("Graphviz dot is not installed; skipped (scripts/install-deps.sh installs graphviz)");
    return;
  }
  auto svg = RenderSvgWithGraphviz("digraph g { a [label=\"<script>alert(1)</script>\"]; a -> b [label=\"from\"]; }");
  REQUIRE(svg.ok());
  CHECK_THAT(*svg, Catch::Contains("<svg"));
  CHECK_THAT(*svg, Catch::Contains("&lt;script&gt;"));
  CHECK(IsInertSvg(*svg));
}

TEST_CASE("IsInertSvg accepts drawings and refuses anything that can run or load", "[report][graphviz]") {
  const std::string head = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                           "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<!-- a comment -->\n";
  CHECK(IsInertSvg(head + "<svg xmlns=\"http://www.w3.org/2000/svg\"><g id=\"a\"><title>x</title>"
                          "<path d=\"M0 0\" fill=\"url(#g)\"/><text x='1'>a &lt; b</text></g></svg>"));
  CHECK_FALSE(IsInertSvg("<html><body></body></html>"));  // not an SVG
  CHECK_FALSE(IsInertSvg(""));
  for (const char* bad : {
           "<svg><script>alert(1)</script></svg>",
           "<svg><SCRIPT>alert(1)</SCRIPT></svg>",
           "<svg><svg:script>alert(1)</svg:script></svg>",
           "<svg onload=\"alert(1)\"></svg>",
           "<svg><g OnClick='alert(1)'/></svg>",
           "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
           "<svg><path xlink:href=\"java\tscript:alert(1)\"/></svg>",
           "<svg><image href=\"https://tracker.example/p.png\"/></svg>",
           "<svg><foreignObject><div>x</div></foreignObject></svg>",
           "<svg><use href=\"other.svg#x\"/></svg>",
           "<svg><animate attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
           "<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
           "<svg><![CDATA[<script>alert(1)</script>]]></svg>",
           "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg>&x;</svg>",
           "<svg><g fill=unquoted/></svg>",
           "<svg><g <script>/></svg>",
           "<svg><!-- unterminated </svg>",
       }) {
    INFO(bad);
    CHECK_FALSE(IsInertSvg(bad));
  }
}
