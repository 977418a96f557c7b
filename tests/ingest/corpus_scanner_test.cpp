// Tests for ingest/corpus_scanner: which files count as articles decides what
// a run reads, and the sorted order keeps runs reproducible.
#include "ingest/corpus_scanner.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;
using crosscheck::testing::TempDir;

std::vector<std::string> Relatives(const CorpusListing& listing) {
  std::vector<std::string> out;
  for (const CorpusFile& f : listing.files) out.push_back(f.relative);
  return out;
}

}  // namespace

TEST_CASE("ScanCorpus lists article files recursively, sorted", "[ingest]") {
  TempDir dir;
  for (const std::string name : {"b.txt", "a.TXT", "c.text", "page.html", "Page2.HTM", "sub/deep/z.txt",
                                 "sub/m.Html", "notes.md", "data.json", "sub/image.png", "noext", "a.txt.bak"}) {
    dir.Write(name, "x");
  }
  auto listing = ScanCorpus(dir.path());
  REQUIRE(listing.ok());
  // Byte order: upper case sorts before lower case, and '/' before letters.
  CHECK(Relatives(*listing) == std::vector<std::string>{"Page2.HTM", "a.TXT", "b.txt", "c.text", "page.html",
                                                         "sub/deep/z.txt", "sub/m.Html"});
  CHECK(listing->ignored == 5);
  CHECK(listing->problems.empty());

  SECTION("HTML is flagged by extension, in any case") {
    std::vector<std::string> html;
    for (const CorpusFile& f : listing->files) {
      if (f.html) html.push_back(f.relative);
    }
    CHECK(html == std::vector<std::string>{"Page2.HTM", "page.html", "sub/m.Html"});
  }
  SECTION("paths on disk lead to the files") {
    for (const CorpusFile& f : listing->files) {
      CAPTURE(f.relative);
      CHECK(fs::is_regular_file(f.path));
      CHECK(f.path == dir.path() / fs::path(f.relative));
    }
  }
}

TEST_CASE("ScanCorpus skips hidden files and folders and the manifest", "[ingest]") {
  TempDir dir;
  dir.Write("kept.txt", "x");
  dir.Write(".hidden.txt", "x");
  dir.Write(".git/objects/story.txt", "x");
  dir.Write("sub/.cache/old.txt", "x");
  dir.Write("sub/kept2.txt", "x");
  dir.Write("outlets.toml", "[[document]]\n");
  dir.Write("sub/other.toml", "x");
  auto listing = ScanCorpus(dir.path());
  REQUIRE(listing.ok());
  CHECK(Relatives(*listing) == std::vector<std::string>{"kept.txt", "sub/kept2.txt"});
  // Skipped files are not "ignored" files: only the stray .toml in sub/ is.
  CHECK(listing->ignored == 1);
}

TEST_CASE("ScanCorpus does not follow symlinked folders", "[ingest]") {
  TempDir dir;
  dir.Write("corpus/a.txt", "x");
  dir.Write("elsewhere/b.txt", "x");
  std::error_code ec;
  fs::create_directory_symlink(dir / "elsewhere", dir / "corpus/link", ec);
  fs::create_directory_symlink(dir / "corpus", dir / "corpus/loop", ec);
  if (ec) {
    WARN("cannot create symlinks here: " << ec.message());
    return;
  }
  auto listing = ScanCorpus(dir / "corpus");
  REQUIRE(listing.ok());
  CHECK(Relatives(*listing) == std::vector<std::string>{"a.txt"});
}

TEST_CASE("ScanCorpus on empty and missing folders", "[ingest]") {
  TempDir dir;
  SECTION("an empty folder lists nothing") {
    fs::create_directories(dir / "empty");
    auto listing = ScanCorpus(dir / "empty");
    REQUIRE(listing.ok());
    CHECK(listing->files.empty());
    CHECK(listing->ignored == 0);
  }
  SECTION("a missing folder is an I/O error naming it") {
    auto listing = ScanCorpus(dir / "absent");
    REQUIRE_FALSE(listing.ok());
    CHECK(listing.status().code() == Status::Code::kIoError);
    CHECK(listing.status().message() == (dir / "absent").generic_string() + ": corpus folder does not exist");
  }
  SECTION("a file is not a corpus") {
    auto file = dir.Write("story.txt", "x");
    auto listing = ScanCorpus(file);
    REQUIRE_FALSE(listing.ok());
    CHECK(listing.status().code() == Status::Code::kIoError);
    CHECK(listing.status().message() == file.generic_string() + ": corpus is not a folder");
  }
}

}  // namespace crosscheck::ingest
