// Tests for ingest/outlet_manifest: who published each file decides which
// claims disagree across outlets, so matching and dates must be exact and
// every manifest mistake must point at its line.
#include "ingest/outlet_manifest.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_support.h"

namespace crosscheck::ingest {
namespace {

using crosscheck::testing::TempDir;

OutletManifest MustParse(const std::string& toml) {
  auto manifest = OutletManifest::Parse(toml, "outlets.toml");
  if (!manifest.ok()) FAIL("manifest rejected: " << manifest.status().message());
  return std::move(manifest).value();
}

}  // namespace

TEST_CASE("GlobMatch matches corpus-relative paths", "[ingest]") {
  struct Case {
    std::string pattern;
    std::string path;
    bool match;
  };
  const std::vector<Case> cases = {
      {"forbes/a.txt", "forbes/a.txt", true},
      {"forbes/a.txt", "forbes/b.txt", false},
      {"forbes/*.txt", "forbes/a.txt", true},
      {"forbes/*.txt", "forbes/.txt", true},           // '*' may match nothing
      {"forbes/*.txt", "forbes/x/a.txt", false},       // '*' stays within a folder
      {"forbes/*", "forbes/x/a.txt", false},
      {"forbes/**", "forbes/x/a.txt", true},           // '**' crosses folders
      {"forbes/**.txt", "forbes/x/y/a.txt", true},
      {"forbes/**/a.txt", "forbes/x/y/a.txt", true},
      {"**", "any/depth/file.html", true},
      {"**/a.txt", "x/a.txt", true},
      {"*/a.txt", "x/a.txt", true},
      {"*/a.txt", "x/y/a.txt", false},
      {"*.txt", "a.txt", true},
      {"*.txt", "a.html", false},
      {"*.txt", "dir/a.txt", false},
      {"a?c.txt", "abc.txt", true},
      {"a?c.txt", "a/c.txt", false},                   // '?' does not match a separator
      {"a?c.txt", "ac.txt", false},
      {"*a*b*c", "xaxbxc", true},                      // backtracking over several stars
      {"*a*b*c", "xaxcxb", false},
      {"forbes/*-2025-*.txt", "forbes/story-2025-02-12.txt", true},
      {"Forbes/*.txt", "forbes/a.txt", false},         // case-sensitive, like the paths
      {"", "", true},
      {"", "a", false},
      {"*", "", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern, c.path);
    CHECK(GlobMatch(c.pattern, c.path) == c.match);
  }
}

TEST_CASE("GlobMatch: **/ followed by * crosses any number of folders, including none", "[ingest]") {
  struct Case {
    std::string pattern;
    std::string path;
    bool match;
  };
  const std::vector<Case> cases = {
      {"**/*.txt", "a/b/c.txt", true},
      {"**/*.txt", "c.txt", true},                     // '**/' may match no folder at all
      {"forbes/**/*.txt", "forbes/a/b/c.txt", true},
      {"forbes/**/*.txt", "forbes/c.txt", true},
      {"forbes/**/*.txt", "other/c.txt", false},
      {"**/b/*.txt", "a/b/x/b/c.txt", true},           // the last 'b/' is the one that matches
      {"**/b/*.txt", "a/b/x/c.txt", false},
      {"**/*.txt", "a/b/c.html", false},
      {"*.txt", "a/b.txt", false},                     // a single '*' still stays within a folder
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern, c.path);
    CHECK(GlobMatch(c.pattern, c.path) == c.match);
  }
}

TEST_CASE("IsIsoDate accepts real calendar days only", "[ingest]") {
  for (const std::string date : {"2025-02-12", "2024-02-29", "2000-02-29", "1999-12-31", "2025-01-01", "2025-04-30"}) {
    CAPTURE(date);
    CHECK(IsIsoDate(date));
  }
  for (const std::string date : {"2025-02-29", "1900-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10",
                                 "2025-01-00", "2025-01-32", "2025-2-12", "25-02-12", "20250212", "2025/02/12",
                                 "2025-02-12T10:00", "abcd-ef-gh", "2025-0a-12", " 2025-02-1", ""}) {
    CAPTURE(date);
    CHECK_FALSE(IsIsoDate(date));
  }
}

TEST_CASE("OutletManifest describes files by exact path or glob", "[ingest]") {
  const OutletManifest manifest = MustParse(R"(
[[document]]
path = "forbes/*.txt"
outlet = "Forbes"
url = "https://www.forbes.com/"
published = 2025-02-12

[[document]]
path = "forbes/special.txt"
outlet = "Forbes Special"
published = "2025-02-13"

[[document]]
path = "wires/**"
outlet = "Reuters"

[[document]]
path = "wires/ap/*.txt"
outlet = "AP"
)");
  REQUIRE(manifest.size() == 4);

  struct Case {
    std::string path;
    std::string outlet;
    std::string url;
    std::string published;
  };
  const std::vector<Case> cases = {
      {"forbes/a.txt", "Forbes", "https://www.forbes.com/", "2025-02-12"},   // TOML date
      {"forbes/special.txt", "Forbes Special", "", "2025-02-13"},            // exact path beats an earlier glob; string date
      {"wires/ap/story.txt", "Reuters", "", ""},                             // the first matching glob wins
      {"wires/x/y/z.html", "Reuters", "", ""},
      {"forbes/sub/a.txt", "a", "", ""},                                     // no match: the stem
      {"bbc/News.Story.html", "News.Story", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    const DocumentSource s = manifest.Describe(c.path);
    CHECK(s.path == c.path);
    CHECK(s.outlet == c.outlet);
    CHECK(s.url == c.url);
    CHECK(s.published == c.published);
  }
}

TEST_CASE("OutletManifest accepts empty manifests", "[ingest]") {
  const OutletManifest manifest = MustParse("# nothing here yet\n");
  CHECK(manifest.size() == 0);
  CHECK(manifest.Describe("dir/story.txt").outlet == "story");
}

TEST_CASE("OutletManifest rejects mistakes with file:line:column", "[ingest]") {
  struct Case {
    std::string toml;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[[document]]\npath = \"a.txt\"\noutlet = \"A\"\npublished = \"2025-02-30\"\n",
       "outlets.toml:4:13: 'published' must be a date such as 2025-02-12"},
      {"[[document]]\npath = \"a.txt\"\noutlet = \"A\"\npublished = \"12 Feb 2025\"\n",
       "outlets.toml:4:13: 'published' must be a date such as 2025-02-12"},
      {"[[document]]\npath = \"a.txt\"\noutlet = \"A\"\npublished = 2025-02-12T10:00:00Z\n",
       "outlets.toml:4:13: 'published' must be a date such as 2025-02-12"},
      {"[[document]]\npath = \"a.txt\"\noutlet = \"A\"\npublished = 20250212\n",
       "outlets.toml:4:13: 'published' must be a date such as 2025-02-12"},
      {"[[document]]\npath = \"a.txt\"\noutlet = \"A\"\npublishd = 2025-02-12\n",
       "outlets.toml:4:1: unknown key 'publishd'; did you mean 'published'?"},
      {"[[documents]]\npath = \"a.txt\"\noutlet = \"A\"\n",
       "outlets.toml:1:3: unknown key 'documents'; did you mean 'document'?"},
      {"[[document]]\npath = \"a.txt\"\noutlet = \"\"\n", "outlets.toml:3:10: 'outlet' must not be empty"},
      {"[[document]]\npath = 3\noutlet = \"A\"\n", "outlets.toml:2:8: 'path' must be a string, not integer"},
      {"document = \"a.txt\"\n",
       "outlets.toml:1:12: 'document' must be an array of tables ([[document]]), not string"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.toml);
    auto manifest = OutletManifest::Parse(c.toml, "outlets.toml");
    REQUIRE_FALSE(manifest.ok());
    CHECK(manifest.status().code() == Status::Code::kInvalidInput);
    CHECK(manifest.status().message() == c.message);
  }

  SECTION("a missing required key names the entry") {
    auto manifest = OutletManifest::Parse("[[document]]\npath = \"a.txt\"\n", "outlets.toml");
    REQUIRE_FALSE(manifest.ok());
    CHECK(manifest.status().message().rfind("outlets.toml:1:", 0) == 0);
    CHECK(manifest.status().message().find("missing required key 'outlet'") != std::string::npos);
  }
  SECTION("every mistake in the file is reported, one per line") {
    auto manifest = OutletManifest::Parse(
        "[[document]]\npath = \"a.txt\"\noutlet = \"A\"\npublished = \"2025-13-01\"\n\n"
        "[[document]]\npath = \"b.txt\"\noutlet = \"B\"\nurll = \"x\"\n",
        "outlets.toml");
    REQUIRE_FALSE(manifest.ok());
    CHECK(manifest.status().message() ==
          "outlets.toml:4:13: 'published' must be a date such as 2025-02-12\n"
          "outlets.toml:9:1: unknown key 'urll'; did you mean 'url'?");
  }
  SECTION("a TOML syntax error") {
    auto manifest = OutletManifest::Parse("[[document]]\npath = \"a.txt\noutlet = \"A\"\n", "outlets.toml");
    REQUIRE_FALSE(manifest.ok());
    CHECK(manifest.status().message().rfind("outlets.toml:2:", 0) == 0);
  }
}

TEST_CASE("OutletManifest::Load reads a file", "[ingest]") {
  TempDir dir;
  SECTION("a manifest on disk") {
    auto path = dir.Write("outlets.toml", "[[document]]\npath = \"*.txt\"\noutlet = \"Local\"\n");
    auto manifest = OutletManifest::Load(path);
    REQUIRE(manifest.ok());
    CHECK(manifest->Describe("x.txt").outlet == "Local");
  }
  SECTION("errors name the file as given") {
    auto path = dir.Write("outlets.toml", "[[document]]\npath = \"*.txt\"\n");
    auto manifest = OutletManifest::Load(path);
    REQUIRE_FALSE(manifest.ok());
    CHECK(manifest.status().message().rfind(path.generic_string() + ":1:", 0) == 0);
  }
  SECTION("a missing file is an I/O error") {
    auto manifest = OutletManifest::Load(dir / "absent.toml");
    REQUIRE_FALSE(manifest.ok());
    CHECK(manifest.status().code() == Status::Code::kIoError);
    CHECK(manifest.status().message() == (dir / "absent.toml").generic_string() + ": cannot read the outlets manifest");
  }
}

}  // namespace crosscheck::ingest
