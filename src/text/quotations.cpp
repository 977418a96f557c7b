#include "text/quotations.h"

namespace crosscheck::text {
namespace {

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool OpensSingle(std::string_view text, size_t i) {
  const bool after_boundary = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '(' ||
                              text[i - 1] == '[' || text[i - 1] == '"';
  return after_boundary && i + 1 < text.size() && IsWordByte(text[i + 1]);
}

bool ClosesSingle(std::string_view text, size_t i) {
  const bool before_word = i > 0 && text[i - 1] != ' ' && text[i - 1] != '\n';
  return before_word && (i + 1 == text.size() || !IsWordByte(text[i + 1]));
}

}  // namespace

std::vector<ByteRange> FindQuotations(std::string_view text) {
  std::vector<ByteRange> quotes;
  size_t double_open = std::string_view::npos;
  size_t single_open = std::string_view::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      if (double_open == std::string_view::npos) {
        double_open = i;
        single_open = std::string_view::npos;  // a single quote left open outside was an apostrophe
      } else {
        if (i > double_open + 1) quotes.push_back({static_cast<uint32_t>(double_open + 1), static_cast<uint32_t>(i)});
        double_open = std::string_view::npos;
        single_open = std::string_view::npos;
      }
    } else if (c == '\'' && double_open == std::string_view::npos) {
      if (single_open == std::string_view::npos) {
        if (OpensSingle(text, i)) single_open = i;
      } else if (ClosesSingle(text, i)) {
        quotes.push_back({static_cast<uint32_t>(single_open + 1), static_cast<uint32_t>(i)});
        single_open = std::string_view::npos;
      }
    }
  }
  return quotes;
}

}  // namespace crosscheck::text
