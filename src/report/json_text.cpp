#include "report/json_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace crosscheck::report {
namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (Unicode's table
// 3-7, which nlohmann's decoder accepts), or 0 when it is ill-formed.
size_t Utf8Sequence(std::string_view s, size_t i) {
  const auto at = [&s](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = at(i);
  const size_t left = s.size() - i;
  auto tail = [&](size_t k) { return (at(i + k) & 0xC0) == 0x80; };
  if (b >= 0xC2 && b <= 0xDF) return left >= 2 && tail(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (left < 3) return 0;
    const unsigned char b1 = at(i + 1);
    const bool second = b == 0xE0 ? (b1 >= 0xA0 && b1 <= 0xBF) : b == 0xED ? (b1 >= 0x80 && b1 <= 0x9F) : tail(1);
    return second && tail(2) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (left < 4) return 0;
    const unsigned char b1 = at(i + 1);
    const bool second = b == 0xF0 ? (b1 >= 0x90 && b1 <= 0xBF) : b == 0xF4 ? (b1 >= 0x80 && b1 <= 0x8F) : tail(1);
    return second && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}

// What replaces a byte below 0x80 inside a JSON string; empty when it stands for itself.
std::string_view Escape(unsigned char c) {
  static constexpr std::string_view kControl[32] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
  if (c < 0x20) return kControl[c];
  if (c == '"') return "\\\"";
  if (c == '\\') return "\\\\";
  return {};
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied, which stand for themselves
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = Utf8Sequence(s, i);
      if (n == 0) {
        // Ill-formed: nlohmann's own replacement rules (where a bad sequence
        // ends, what is re-read) decide, so the rest of the string goes to it.
        out->append(s.data() + run, i - run);
        std::string rest = nlohmann::json(std::string(s.substr(i))).dump(-1, ' ', false,
                                                                         nlohmann::json::error_handler_t::replace);
        out->append(rest, 1, rest.size() - 1);  // without its opening quote; its closing one ends ours
        return;
      }
      i += n;
      continue;
    }
    const std::string_view escaped = Escape(c);
    if (!escaped.empty()) {
      out->append(s.data() + run, i - run);
      out->append(escaped);
      run = i + 1;
    }
    ++i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendJsonDouble(std::string* out, double v) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  std::array<char, 64> buffer;
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  out->append(buffer.data(), static_cast<size_t>(end - buffer.data()));
}

void AppendJsonUnsigned(std::string* out, uint64_t v) {
  std::array<char, 24> buffer;
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  out->append(buffer.data(), static_cast<size_t>(end - buffer.data()));
}

void AppendJsonSigned(std::string* out, int64_t v) {
  std::array<char, 24> buffer;
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  out->append(buffer.data(), static_cast<size_t>(end - buffer.data()));
}

void JsonText::Open(char c) {
  out_->push_back(c);
  ++depth_;
  filled_[std::min(depth_, kMaxDepth - 1)] = false;
}

void JsonText::Close(char c) {
  const bool filled = filled_[std::min(depth_, kMaxDepth - 1)];
  --depth_;
  if (filled) {
    out_->push_back('\n');
    out_->append(indent_ + 2 * depth_, ' ');
  }
  out_->push_back(c);
}

void JsonText::Next() {
  bool& filled = filled_[std::min(depth_, kMaxDepth - 1)];
  out_->append(filled ? ",\n" : "\n");
  filled = true;
  out_->append(indent_ + 2 * depth_, ' ');
}

}  // namespace crosscheck::report
