// Every default template's embedded examples must pass.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using crosscheck::ExampleResult;
using crosscheck::TemplateInfo;
using crosscheck::testing::DefaultEngine;

}  // namespace

TEST_CASE("Every example embedded in the default templates passes", "[extract]") {
  const std::vector<ExampleResult> results = DefaultEngine().RunExamples();
  REQUIRE_FALSE(results.empty());
  for (const ExampleResult& r : results) {
    INFO(r.where << " [" << r.template_id << "] " << r.text);
    INFO("expected: " << r.expected);
    INFO("actual:   " << r.actual);
    CHECK(r.passed);
  }
}

TEST_CASE("The default templates exist, each with at least five examples", "[extract]") {
  std::map<std::string, TemplateInfo> by_id;
  for (const TemplateInfo& t : DefaultEngine().Templates()) by_id[t.id] = t;
  for (const char* id : {"call_duration", "meeting_location", "invitation", "prisoner_release", "person_title"}) {
    CAPTURE(id);
    REQUIRE(by_id.count(id) == 1);
    const TemplateInfo& t = by_id[id];
    CHECK(t.examples >= 5);
    CHECK(t.patterns >= 1);
    CHECK_FALSE(t.description.empty());
    CHECK(t.file.find(std::string(id) + ".toml") != std::string::npos);
    // RunExamples for one template runs exactly its examples.
    const std::vector<ExampleResult> own = DefaultEngine().RunExamples(id);
    CHECK(own.size() == t.examples);
    for (const ExampleResult& r : own) CHECK(r.template_id == id);
  }
  CHECK(by_id["call_duration"].value_type == "duration");
  CHECK(by_id["meeting_location"].value_type == "place");
  CHECK(by_id["invitation"].value_type == "place");
  CHECK(by_id["prisoner_release"].value_type == "event");
  CHECK(by_id["person_title"].value_type == "title");
}
