// The command line: exit codes, messages and outputs, by running the binary.
#include <catch2/catch.hpp>

#include "e2e_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

std::string Crosscheck(const std::string& arguments) {
  return "cd " + SourceDir().string() + " && " + BinaryPath().string() + " " + arguments;
}

}  // namespace

TEST_CASE("cli: report writes report.json, report.md and the store; --db moves the store", "[cli]") {
  TempDir out;
  std::string output;
  REQUIRE(RunCommand(Crosscheck("report corpus/sample --out " + (out / "r").string() + " --db " +
                                (out / "elsewhere.db").string()),
                     &output) == 0);
  CHECK(fs::exists(out / "r" / "report.json"));
  CHECK(fs::exists(out / "r" / "report.md"));
  CHECK(fs::exists(out / "elsewhere.db"));
  CHECK(!fs::exists(out / "r" / "crosscheck.db"));
  CHECK(output.find("5 documents") != std::string::npos);
  CHECK(output.find("1 conflict") != std::string::npos);
}

TEST_CASE("cli: exit codes say what went wrong", "[cli]") {
  TempDir out;
  std::string output;
  SECTION("a missing corpus folder is an I/O error naming it") {
    CHECK(RunCommand(Crosscheck("report /no/such/corpus --out " + out.path().string()), &output) == 4);
    CHECK(output.find("/no/such/corpus") != std::string::npos);
  }
  SECTION("missing arguments are a usage error") {
    CHECK(RunCommand(Crosscheck("report"), &output) == 2);
  }
  SECTION("a broken template is invalid input with file:line:column") {
    out.Write("t/bad.toml",
              "id = \"bad\"\ndescription = \"x\"\nsubject = \"call\"\nvalue = \"duration\"\n"
              "patterns = [\"call lasted {value:duraton}\"]\n");
    CHECK(RunCommand(Crosscheck("report corpus/sample --out " + (out / "r").string() + " --templates " +
                                (out / "t").string()),
                     &output) == 3);
    CHECK(output.find("bad.toml:5:") != std::string::npos);
    CHECK(output.find("unknown slot type 'duraton'; did you mean 'duration'?") != std::string::npos);
  }
  SECTION("--help succeeds") {
    CHECK(RunCommand(Crosscheck("--help"), &output) == 0);
    CHECK(output.find("report") != std::string::npos);
  }
}

TEST_CASE("cli: templates list and test cover the default templates", "[cli]") {
  std::string output;
  REQUIRE(RunCommand(Crosscheck("templates list"), &output) == 0);
  for (const char* id : {"call_duration", "meeting_location", "invitation", "prisoner_release"}) {
    CHECK(output.find(id) != std::string::npos);
  }
  REQUIRE(RunCommand(Crosscheck("templates test"), &output) == 0);
  CHECK(output.find("examples pass; no errors") != std::string::npos);
}

TEST_CASE("cli: templates test PATH runs only the examples of templates under PATH", "[cli]") {
  TempDir out;
  out.Write("mine/size.toml",
            "id = \"crowd_size\"\ndescription = \"x\"\nsubject = \"protest\"\nvalue = \"count\"\n"
            "patterns = [\"{value} (people|protesters) marched\"]\n"
            "[[example]]\ntext = \"About 500 protesters marched.\"\nvalue = \"450-550\"\n"
            "[[example]]\ntext = \"Police said 20 people marched.\"\nvalue = \"20\"\n");
  std::string output;
  REQUIRE(RunCommand(Crosscheck("templates test " + (out / "mine").string()), &output) == 0);
  CHECK(output.find("templates test: 2 of 2 examples pass") != std::string::npos);
  SECTION("a file counts as a PATH too") {
    REQUIRE(RunCommand(Crosscheck("templates test " + (out / "mine" / "size.toml").string()), &output) == 0);
    CHECK(output.find("2 of 2 examples pass") != std::string::npos);
  }
  SECTION("a failing example under PATH fails the run and is named") {
    out.Write("mine/bad.toml",
              "id = \"crowd_bad\"\ndescription = \"x\"\nsubject = \"protest\"\nvalue = \"count\"\n"
              "patterns = [\"{value} (people|protesters) rallied\"]\n"
              "[[example]]\ntext = \"Ten people rallied.\"\nvalue = \"11\"\n");
    CHECK(RunCommand(Crosscheck("templates test " + (out / "mine").string()), &output) == 3);
    CHECK(output.find("2 of 3 examples pass") != std::string::npos);
    CHECK(output.find("crowd_bad") != std::string::npos);
  }
}

TEST_CASE("cli: explain shows matches, values, modality and how roles were found", "[cli]") {
  std::string output;
  REQUIRE(RunCommand(Crosscheck("explain corpus/sample/nordic-wire.txt"), &output) == 0);
  CHECK(output.find("MATCH call_duration") != std::string::npos);
  CHECK(output.find("value 81-99 min") != std::string::npos);
  CHECK(output.find("from sentence") != std::string::npos);  // participants found in a preceding sentence
}

}  // namespace crosscheck::testing
