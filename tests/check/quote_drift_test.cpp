// Tests for check/quote_drift: one speaker's words quoted differently are
// found and marked; punctuation, contractions and name spellings are not drift.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check/quote_drift.h"

namespace {

using crosscheck::SourceText;
using crosscheck::check::FindQuoteDrift;

SourceText Doc(const std::string& path, const std::vector<std::string>& sentences) {
  SourceText t;
  t.source.path = path;
  t.source.outlet = path.substr(0, path.find('.'));
  t.content_hash = path;
  t.sentences = sentences;
  return t;
}

}  // namespace

TEST_CASE("quote drift: a changed word is found and marked", "[check][quotes]") {
  const auto drift = FindQuoteDrift({
      Doc("a.txt", {"\"I just want to see people stop being killed,\" Trump said on Wednesday."}),
      Doc("b.txt", {"Trump told reporters: \"I just want to see people stop getting killed.\""}),
  });
  REQUIRE(drift.size() == 1);
  CHECK(drift[0].speaker == "Trump");
  CHECK(drift[0].changes == std::vector<std::pair<std::string, std::string>>{{"being", "getting"}});
  CHECK(drift[0].a.marked == "I just want to see people stop [being] killed,");
  CHECK(drift[0].b.marked == "I just want to see people stop [getting] killed.");
  CHECK(drift[0].a.outlet == "a");
}

TEST_CASE("quote drift: punctuation, contractions and name spellings are not drift", "[check][quotes]") {
  const auto drift = FindQuoteDrift({
      Doc("a.txt", {"\"We don't want war, and Zelensky knows it,\" said Putin."}),
      Doc("b.txt", {"Putin said: \"We do not want war -- and Zelenskyy knows it.\""}),
  });
  CHECK(drift.empty());
}

TEST_CASE("quote drift: a longer excerpt of the same words is not drift", "[check][quotes]") {
  const auto drift = FindQuoteDrift({
      Doc("a.txt", {"\"I think President Putin wants peace,\" Trump said."}),
      Doc("b.txt", {"Trump said, \"I think we are getting there. I think President Putin wants peace.\""}),
  });
  CHECK(drift.empty());
}

TEST_CASE("quote drift: the speaker comes from he, she and a quotation standing alone", "[check][quotes]") {
  const auto drift = FindQuoteDrift({
      Doc("a.txt", {"\"We will not send troops,\" Hegseth said in Brussels.",
                    "\"NATO membership is not a realistic outcome,\" he said.",
                    "\"Europe must do more for its own security.\""}),
      Doc("b.txt", {"\"Europe must do much more for its own security,\" Hegseth said."}),
  });
  REQUIRE(drift.size() == 1);
  CHECK(drift[0].speaker == "Hegseth");
  CHECK(drift[0].changes == std::vector<std::pair<std::string, std::string>>{{"", "much"}});
}

TEST_CASE("quote drift: different speakers and different statements are never aligned", "[check][quotes]") {
  const auto drift = FindQuoteDrift({
      Doc("a.txt", {"\"I just want to see people stop being killed,\" Trump said."}),
      Doc("b.txt", {"\"I just want to see people stop getting killed,\" Zelensky said.",
                    "\"We will rebuild every city that was destroyed,\" Zelensky said."}),
      Doc("c.txt", {"\"The talks went well and will continue next week,\" Trump said."}),
  });
  CHECK(drift.empty());
}

TEST_CASE("quote drift: the marked runs are byte ranges of the quote, adjacent words joined", "[check][quotes]") {
  const auto drift = FindQuoteDrift({
      Doc("a.txt", {"\"We will not stop being there for the people of Ukraine,\" Hegseth said."}),
      Doc("b.txt", {"Hegseth said: \"We will never ever stop being there for the people of Ukraine.\""}),
  });
  REQUIRE(drift.size() == 1);
  for (const auto* p : {&drift[0].a, &drift[0].b}) {
    // Rebuild the bracketed form from the ranges: both must tell the same story.
    std::string rebuilt;
    size_t at = 0;
    for (const auto& [begin, end] : p->marks) {
      REQUIRE(at <= begin);
      REQUIRE(begin < end);
      REQUIRE(end <= p->quote.size());
      rebuilt += p->quote.substr(at, begin - at) + "[" + p->quote.substr(begin, end - begin) + "]";
      at = end;
    }
    rebuilt += p->quote.substr(at);
    CHECK(rebuilt == p->marked);
  }
  CHECK(drift[0].b.marks.size() == 1);  // "never ever": one run
}
