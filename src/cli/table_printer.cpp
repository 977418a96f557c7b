#include "cli/table_printer.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace crosscheck::cli {

namespace {

// Terminal columns of one code point: 2 for East Asian wide and fullwidth
// characters (CJK, most emoji), 0 for combining marks and controls, else 1.
int CodePointWidth(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  if (cp < 0x300) return 1;
  const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(cp)));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
  const int east_asian = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

// Bytes of the SGR escape (ESC [ ... m) at `i`, or 0.
size_t EscapeLength(const std::string& text, size_t i) {
  if (text[i] != '\033' || i + 1 >= text.size() || text[i + 1] != '[') return 0;
  const size_t end = text.find('m', i);
  return end == std::string::npos ? text.size() - i : end - i + 1;
}

// The next character at `i`: its byte length and columns. Broken UTF-8 is one byte, one column.
std::pair<size_t, int> NextCharacter(const std::string& text, size_t i) {
  if (const size_t escape = EscapeLength(text, i)) return {escape, 0};
  char32_t cp = 0;
  const int n = text::DecodeUtf8(text.data() + i, text.size() - i, &cp);
  if (n <= 0) return {1, 1};
  return {static_cast<size_t>(n), CodePointWidth(cp)};
}

}  // namespace

int DisplayWidth(const std::string& text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    const auto [bytes, columns] = NextCharacter(text, i);
    width += columns;
    i += bytes;
  }
  return width;
}

std::string Fit(const std::string& text, int width) {
  if (width <= 0) return "";
  if (DisplayWidth(text) <= width) return text;
  std::string out;
  int used = 0;
  for (size_t i = 0; i < text.size();) {
    const auto [bytes, columns] = NextCharacter(text, i);
    if (used + columns > width - 1) break;  // leave a column for the ellipsis
    out.append(text, i, bytes);
    used += columns;
    i += bytes;
  }
  if (out.find('\033') != std::string::npos) out += "\033[0m";  // do not leave bold on
  return out + "\u2026";
}

int TerminalWidth(std::FILE* stream) {
  winsize size{};
  if (isatty(fileno(stream)) && ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 20) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const int n = std::atoi(columns);
    if (n > 20) return n;
  }
  return 120;
}

void TablePrinter::Print(std::FILE* out, int width) const {
  const size_t n = columns_.size();
  std::vector<int> widths(n, 0);
  for (size_t c = 0; c < n; ++c) {
    widths[c] = DisplayWidth(columns_[c].title);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], c < row.size() ? DisplayWidth(row[c]) : 0);
  }
  // Fixed columns keep their width; flexible ones share the rest by weight.
  const int gaps = 2 * static_cast<int>(n - 1);
  int fixed = gaps;
  int weights = 0;
  for (size_t c = 0; c < n; ++c) {
    if (columns_[c].flexible) {
      weights += columns_[c].weight;
    } else {
      fixed += widths[c];
    }
  }
  int flexible_columns = 0;
  for (const Column& c : columns_) flexible_columns += c.flexible ? 1 : 0;
  const int available = width - fixed;
  if (available < kMinFlexibleWidth * flexible_columns || (flexible_columns == 0 && available < 0)) {
    PrintRecords(out, width);
    return;
  }
  int natural = 0;
  for (size_t c = 0; c < n; ++c) natural += columns_[c].flexible ? widths[c] : 0;
  if (natural > available && weights > 0) {
    // Give each flexible column its share, and hand back what a narrow one does not use.
    int remaining = available;
    int remaining_weight = weights;
    std::vector<size_t> order;
    for (size_t c = 0; c < n; ++c) {
      if (columns_[c].flexible) order.push_back(c);
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return widths[a] * columns_[b].weight < widths[b] * columns_[a].weight;
    });
    for (size_t c : order) {
      const int share = remaining * columns_[c].weight / std::max(remaining_weight, 1);
      widths[c] = std::min(widths[c], std::max(share, kMinFlexibleWidth));
      remaining -= widths[c];
      remaining_weight -= columns_[c].weight;
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < n; ++c) {
      std::string cell = Fit(c < cells.size() ? cells[c] : "", widths[c]);
      line += cell;
      if (c + 1 < n) line += std::string(static_cast<size_t>(widths[c] - DisplayWidth(cell) + 2), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::fprintf(out, "%s\n", line.c_str());
  };
  std::vector<std::string> titles;
  for (const Column& c : columns_) titles.push_back(c.title);
  print_row(titles);
  for (const auto& row : rows_) print_row(row);
}

void TablePrinter::PrintRecords(std::FILE* out, int width) const {
  int title_width = 0;
  for (const Column& c : columns_) title_width = std::max(title_width, DisplayWidth(c.title));
  for (size_t r = 0; r < rows_.size(); ++r) {
    if (r > 0) std::fprintf(out, "\n");
    for (size_t c = 0; c < columns_.size(); ++c) {
      const std::string& title = columns_[c].title;
      const std::string label = title + ":" + std::string(static_cast<size_t>(title_width - DisplayWidth(title) + 1), ' ');
      const std::string cell = c < rows_[r].size() ? rows_[r][c] : "";
      std::fprintf(out, "%s\n", Fit(label + cell, std::max(width, 1)).c_str());
    }
  }
}

std::string Wrap(const std::string& text, int width, const std::string& indent) {
  const int usable = std::max(width - DisplayWidth(indent), 10);
  std::string out;
  std::string line;
  int line_width = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    if (end == i) break;
    std::string word = text.substr(i, end - i);
    i = end;
    int word_width = DisplayWidth(word);
    if (line_width > 0 && line_width + 1 + word_width > usable) {
      out += indent + line + "\n";
      line.clear();
      line_width = 0;
    }
    while (word_width > usable) {  // a word longer than the line: cut it
      size_t cut = 0;
      int cut_width = 0;
      while (cut < word.size()) {
        const auto [bytes, columns] = NextCharacter(word, cut);
        if (cut_width + columns > usable && cut > 0) break;
        cut += bytes;
        cut_width += columns;
      }
      out += indent + word.substr(0, cut) + "\n";
      word = word.substr(cut);
      word_width = DisplayWidth(word);
    }
    if (line_width > 0) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
  }
  if (!line.empty() || out.empty()) out += indent + line + "\n";
  return out;
}

}  // namespace crosscheck::cli
