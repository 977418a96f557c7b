// Tests for text/quotations: which spans are quoted, and that apostrophes are not quotation marks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/quotations.h"

namespace {

std::vector<std::string> Quoted(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& r : crosscheck::text::FindQuotations(text)) out.push_back(text.substr(r.begin, r.size()));
  return out;
}

}  // namespace

TEST_CASE("quotations: double quotes pair in order", "[text][quotations]") {
  CHECK(Quoted("He said \"we will win\" and \"soon\".") == std::vector<std::string>{"we will win", "soon"});
  CHECK(Quoted("An \"unclosed quote") .empty());
}

TEST_CASE("quotations: a quotation may span sentences", "[text][quotations]") {
  CHECK(Quoted("\"She's in rehab right now.\nNothing bad is going to happen.\" he said") ==
        std::vector<std::string>{"She's in rehab right now.\nNothing bad is going to happen."});
}

TEST_CASE("quotations: single quotes, but never apostrophes", "[text][quotations]") {
  CHECK(Quoted("Trump said the call 'went well.' Putin's aides agreed.") == std::vector<std::string>{"went well."});
  CHECK(Quoted("The countries' leaders and Putin's aides met.").empty());
  CHECK(Quoted("They 'agreed to visit each other's countries,' he wrote.") ==
        std::vector<std::string>{"agreed to visit each other's countries,"});
}
