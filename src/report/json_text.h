// JsonText: JSON written straight into a string, byte for byte as nlohmann's
// dump(2, ' ', false, error_handler_t::replace) lays out the same value.
// report.json's claims are most of the report; a DOM per claim cost more than
// writing it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::report {

// `s` quoted and escaped: ", \ and control characters escaped, other bytes of
// well-formed UTF-8 as they are, and each ill-formed sequence as U+FFFD the way
// nlohmann replaces it.
void AppendJsonString(std::string* out, std::string_view s);
// Shortest round-trip form ("0.1", "1e-07", "90.0", "-0.0"); null when not finite.
void AppendJsonDouble(std::string* out, double v);
void AppendJsonUnsigned(std::string* out, uint64_t v);
void AppendJsonSigned(std::string* out, int64_t v);

// Objects and arrays laid out as dump(2) does at `indent` spaces of nesting:
// one member or element a line, "{}" and "[]" when empty.
class JsonText {
 public:
  JsonText(std::string* out, size_t indent) : out_(out), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {  // the next member's key; its value follows
    Next();
    AppendJsonString(out_, key);
    out_->append(": ");
  }
  void Element() { Next(); }  // the next array element follows

  void String(std::string_view s) { AppendJsonString(out_, s); }
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Null() { out_->append("null"); }
  void Bool(bool b) { out_->append(b ? "true" : "false"); }
  void Unsigned(uint64_t v) { AppendJsonUnsigned(out_, v); }
  void Signed(int64_t v) { AppendJsonSigned(out_, v); }
  void Double(double v) { AppendJsonDouble(out_, v); }

 private:
  void Open(char c);
  void Close(char c);
  void Next();

  static constexpr size_t kMaxDepth = 32;
  std::string* out_;
  size_t indent_;
  size_t depth_ = 0;
  std::array<bool, kMaxDepth> filled_{};  // by depth: whether the open object or array has a member yet
};

}  // namespace crosscheck::report
