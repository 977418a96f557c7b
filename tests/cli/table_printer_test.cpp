// Tests for cli/table_printer: tables and wrapped text that fit a terminal's
// width, counting wide characters as two columns and escapes as none.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/table_printer.h"

namespace {

using crosscheck::cli::DisplayWidth;
using crosscheck::cli::Fit;
using crosscheck::cli::TablePrinter;
using crosscheck::cli::Wrap;

// What Print writes, captured through a temporary FILE.
std::string Printed(const TablePrinter& table, int width) {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  table.Print(file, width);
  std::rewind(file);
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) out.append(buffer, n);
  std::fclose(file);
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TablePrinter Findings() {
  TablePrinter table({{"VERDICT"}, {"KIND"}, {"SUBJECT", true, 2}, {"OUTLETS"}, {"REASON", true, 3}});
  table.AddRow({"conflict", "meeting_location", "meeting of 岸田文雄 and Anna Lindqvist (2026-04-12)", "5",
                "Genève and 東京 are different places (東京新聞: 東京; Alpine Post: Genève)"});
  table.AddRow({"single_source", "call_duration", "call between Anna Lindqvist and Tomas Koval", "1",
                "only Nordic Wire reports it"});
  return table;
}

}  // namespace

TEST_CASE("DisplayWidth counts terminal columns", "[cli][table]") {
  CHECK(DisplayWidth("Genève") == 6);
  CHECK(DisplayWidth("Gene\xCC\x80ve") == 6);  // e + combining grave accent
  CHECK(DisplayWidth("東京新聞") == 8);
  CHECK(DisplayWidth("\033[1;4mGeneva\033[0m") == 6);
  CHECK(DisplayWidth("bad \xFF byte") == 10);
}

TEST_CASE("Fit cuts to a width with an ellipsis, never inside a character", "[cli][table]") {
  CHECK(Fit("Geneva", 6) == "Geneva");
  CHECK(Fit("Geneva", 4) == "Gen\u2026");
  CHECK(Fit("東京新聞", 5) == "東京\u2026");
  CHECK(Fit("東京新聞", 4) == "東\u2026");  // 東京 would need 4 columns plus the ellipsis
  CHECK(DisplayWidth(Fit("東京新聞 Tokyo", 7)) <= 7);
  CHECK(Fit("anything", 0).empty());
}

TEST_CASE("A table fits the width, as columns or, when too narrow, as records", "[cli][table]") {
  const TablePrinter table = Findings();
  for (int width : {24, 40, 60, 80, 120, 200}) {
    INFO("width " << width);
    const std::vector<std::string> lines = Lines(Printed(table, width));
    REQUIRE(!lines.empty());
    for (const std::string& line : lines) {
      INFO(line);
      CHECK(DisplayWidth(line) <= width);
    }
  }
  // Wide enough: a header and a row per finding, columns aligned.
  std::vector<std::string> wide = Lines(Printed(table, 200));
  REQUIRE(wide.size() == 3);
  CHECK(wide[1].find("東京新聞: 東京") != std::string::npos);  // nothing cut at 200 columns
  CHECK(wide[0].rfind("VERDICT", 0) == 0);
  // Too narrow for five columns: TITLE: value lines, a blank line between rows.
  const std::vector<std::string> narrow = Lines(Printed(table, 40));
  REQUIRE(narrow.size() == 11);
  CHECK(narrow[0] == "VERDICT: conflict");
  CHECK(narrow[5].empty());
  CHECK(narrow[6] == "VERDICT: single_source");
}

TEST_CASE("Wrap breaks text at spaces within the width, with an indent", "[cli][table]") {
  const std::string text = "Koval told reporters that he and Lindqvist will meet in \u00bbGeneva\u00ab on April 12.";
  const std::string wrapped = Wrap(text, 30, "    ");
  for (const std::string& line : Lines(wrapped)) {
    INFO(line);
    CHECK(DisplayWidth(line) <= 30);
    CHECK(line.rfind("    ", 0) == 0);
  }
  CHECK(Lines(wrapped).size() == 3);
  CHECK(Lines(Wrap("short", 30, "")) == std::vector<std::string>{"short"});
  // A word longer than the line is cut, and nothing is lost.
  const std::string url = "https://example.com/" + std::string(50, 'a');
  std::string joined;
  for (const std::string& line : Lines(Wrap(url, 20, ""))) {
    CHECK(DisplayWidth(line) <= 20);
    joined += line;
  }
  CHECK(joined == url);
}
