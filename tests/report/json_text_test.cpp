// Tests for report/json_text: strings, numbers and layout come out byte for
// byte as nlohmann's dump(2, ' ', false, error_handler_t::replace) writes them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "report/json_text.h"

namespace {

using crosscheck::report::AppendJsonDouble;
using crosscheck::report::AppendJsonSigned;
using crosscheck::report::AppendJsonString;
using crosscheck::report::AppendJsonUnsigned;
using crosscheck::report::JsonText;
using Json = nlohmann::ordered_json;

std::string Nlohmann(const Json& value) { return value.dump(2, ' ', false, Json::error_handler_t::replace); }

std::string Ours(const std::string& s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

}  // namespace

TEST_CASE("JSON strings are escaped as nlohmann escapes them", "[report][json]") {
  std::vector<std::string> cases = {"",
                                    "plain text, 90 minutes",
                                    "quote \" and backslash \\ and slash /",
                                    "tab\tnewline\ncarriage\rformfeed\fbackspace\b",
                                    std::string("nul \0 byte", 10),
                                    "\x01\x1f\x7f del stays",
                                    "Z\xC3\xBCrich, \xE2\x80\x9Cquoted\xE2\x80\x9D, \xE4\xB8\xAD\xE6\x96\x87, \xF0\x9D\x84\x9E",
                                    "lone continuation \x80 byte",
                                    "cut short at the end \xE2\x82",
                                    "\xE2\x82 cut short before ASCII",
                                    "overlong \xC0\xAF and \xE0\x80\xAF",
                                    "surrogate \xED\xA0\x80 half",
                                    "past U+10FFFF \xF4\x90\x80\x80",
                                    "\xFF\xFE bytes never in UTF-8",
                                    "valid \xC3\xA9 then bad \xC3 then \"quote\"",
                                    "\xF0\x9F\x98"};
  for (int c = 0; c < 32; ++c) cases.push_back(std::string(1, static_cast<char>(c)) + "x");
  // Every short byte string over an alphabet of the interesting bytes.
  const std::string alphabet = {'a', '"', '\\', '\n', '\x01', '\x7f', '\x80', '\xBF', '\xC3', '\xA9', '\xE2', '\xED', '\xF0', '\xF4', '\x90', '\xFF'};
  for (char a : alphabet) {
    for (char b : alphabet) {
      for (char c : alphabet) cases.push_back(std::string{a, b, c});
    }
  }
  // And longer pseudo-random ones (a fixed linear congruential sequence).
  uint32_t state = 12345;
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    const int length = n % 40;
    for (int i = 0; i < length; ++i) {
      state = state * 1103515245u + 12345u;
      s.push_back(static_cast<char>(state >> 16));
    }
    cases.push_back(s);
  }
  for (const std::string& s : cases) {
    INFO("string of " << s.size() << " bytes");
    CHECK(Ours(s) == Nlohmann(Json(s)));
  }
}

TEST_CASE("JSON numbers are written as nlohmann writes them", "[report][json]") {
  const std::vector<double> doubles = {0.0,     -0.0,   0.1,     1e-7,    1e21,  1e22,   -1e-300, 90.0,   60,
                                       1.5,     -2.25,  1.0 / 3, 123456789012345680.0, 5e-324, 1.7976931348623157e308,
                                       0.001,   1e-5,   12345.678, std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(), std::nan("")};
  for (double v : doubles) {
    std::string out;
    AppendJsonDouble(&out, v);
    INFO(v);
    CHECK(out == Nlohmann(Json(v)));
  }
  for (uint64_t v : {uint64_t{0}, uint64_t{7}, uint64_t{4294967295u}, std::numeric_limits<uint64_t>::max()}) {
    std::string out;
    AppendJsonUnsigned(&out, v);
    CHECK(out == Nlohmann(Json(v)));
  }
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{42}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    std::string out;
    AppendJsonSigned(&out, v);
    CHECK(out == Nlohmann(Json(v)));
  }
}

TEST_CASE("JsonText lays out objects and arrays as dump(2) does, at any indent", "[report][json]") {
  Json expected;
  expected["name"] = "x";
  expected["empty_object"] = Json::object();
  expected["empty_array"] = Json::array();
  expected["numbers"] = Json::array({1, 2});
  expected["nested"] = Json{{"a", nullptr}, {"b", Json::array({Json{{"c", true}}, Json::array()})}};
  for (size_t indent : {size_t{0}, size_t{4}}) {
    std::string out;
    JsonText j(&out, indent);
    j.BeginObject();
    j.Key("name");
    j.String("x");
    j.Key("empty_object");
    j.BeginObject();
    j.EndObject();
    j.Key("empty_array");
    j.BeginArray();
    j.EndArray();
    j.Key("numbers");
    j.BeginArray();
    j.Element();
    j.Unsigned(1);
    j.Element();
    j.Unsigned(2);
    j.EndArray();
    j.Key("nested");
    j.BeginObject();
    j.Key("a");
    j.Null();
    j.Key("b");
    j.BeginArray();
    j.Element();
    j.BeginObject();
    j.Key("c");
    j.Bool(true);
    j.EndObject();
    j.Element();
    j.BeginArray();
    j.EndArray();
    j.EndArray();
    j.EndObject();
    j.EndObject();
    std::string want;
    for (char c : Nlohmann(expected)) {
      want += c;
      if (c == '\n') want.append(indent, ' ');
    }
    CHECK(out == want);
  }
}
