// TablePrinter: aligned text tables that fit the terminal. Columns marked
// flexible share what the fixed ones leave and are cut with an ellipsis; when
// even that cannot fit, each row is printed as a block of "TITLE: value" lines.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace crosscheck::cli {

class TablePrinter {
 public:
  struct Column {
    std::string title;
    bool flexible = false;  // shrinks to fit; fixed columns keep their widest cell
    int weight = 1;         // share of the flexible space
  };

  explicit TablePrinter(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  // Prints to `out` within `width` display columns.
  void Print(std::FILE* out, int width) const;

  // Flexible columns narrower than this would be unreadable; below it, rows print as records.
  static constexpr int kMinFlexibleWidth = 6;

 private:
  void PrintRecords(std::FILE* out, int width) const;

  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Terminal columns of UTF-8 text: two for wide (CJK) characters, none for
// combining marks, controls and SGR escapes, one for the rest.
int DisplayWidth(const std::string& text);
// Cuts UTF-8 text to `width` display columns, ending with "…" when cut.
std::string Fit(const std::string& text, int width);
// `text` broken at spaces into lines of at most `width` display columns, each
// starting with `indent` and ending with a newline; longer words are cut.
std::string Wrap(const std::string& text, int width, const std::string& indent);
// The terminal's width for `stream` when it is a terminal; $COLUMNS or 120 otherwise.
int TerminalWidth(std::FILE* stream);

}  // namespace crosscheck::cli
