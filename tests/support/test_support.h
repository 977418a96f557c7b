// Helpers shared by tests: where the sources and ../shared are, temporary
// folders, and one engine with the default templates and knowledge.
#pragma once

#include <filesystem>
#include <string>

#include "crosscheck/engine.h"
#include "crosscheck/pipeline.h"

namespace crosscheck::testing {

std::filesystem::path SourceDir();
// The shared folder with seeds and corpora; empty when it is absent.
std::filesystem::path SharedDir();
std::filesystem::path BinaryPath();

// A fresh folder removed when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes a file below the folder, creating parents.
  std::filesystem::path Write(const std::string& relative, const std::string& contents) const;

 private:
  std::filesystem::path path_;
};

// The default templates and knowledge, loaded once per test process.
const Engine& DefaultEngine();

std::string ReadFile(const std::filesystem::path& path);

// Options for a report run of `corpus` into `out` with `jobs` threads, drawing
// the subject graph with the built-in layout: no test depends on Graphviz.
RunOptions TestRunOptions(const std::filesystem::path& corpus, const std::filesystem::path& out, size_t jobs = 1);

// CHECKs that two output folders hold byte-identical report.json, report.md and report.html.
void RequireSameReports(const std::filesystem::path& a, const std::filesystem::path& b);

// Runs a shell command, returning its exit code and combined output.
int RunCommand(const std::string& command, std::string* output);

}  // namespace crosscheck::testing
