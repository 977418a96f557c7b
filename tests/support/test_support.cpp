#include "test_support.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>

namespace crosscheck::testing {
namespace fs = std::filesystem;

fs::path SourceDir() { return CROSSCHECK_SOURCE_DIR; }

fs::path SharedDir() {
  fs::path shared = CROSSCHECK_SHARED_DIR;
  if (const char* env = std::getenv("CROSSCHECK_SHARED_DIR"); env != nullptr && *env != '\0') shared = env;
  std::error_code ec;
  return fs::is_directory(shared, ec) ? fs::canonical(shared, ec) : fs::path();
}

fs::path BinaryPath() { return CROSSCHECK_BINARY; }

TempDir::TempDir() {
  std::random_device device;
  std::mt19937_64 random(device());
  path_ = fs::temp_directory_path() / ("crosscheck-test-" + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  // Tests may make files read-only; make them writable again before removing.
  for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::Write(const std::string& relative, const std::string& contents) const {
  fs::path file = path_ / relative;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << contents;
  return file;
}

const Engine& DefaultEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    EngineOptions options;
    options.template_dirs = {SourceDir() / "templates"};
    options.knowledge_dirs = {SourceDir() / "knowledge"};
    auto loaded = Engine::Load(options, nullptr);
    if (!loaded.ok()) throw std::runtime_error("default engine failed to load: " + loaded.status().message());
    return std::move(loaded).value();
  }();
  return *engine;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int RunCommand(const std::string& command, std::string* output) {
  std::string full = command + " 2>&1";
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 4096> buffer{};
  output->clear();
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output->append(buffer.data(), n);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

RunOptions TestRunOptions(const fs::path& corpus, const fs::path& out, size_t jobs) {
  RunOptions options;
  options.corpus = corpus;
  options.out_dir = out;
  options.jobs = jobs;
  options.graphviz_dot = "";
  return options;
}

void RequireSameReports(const fs::path& a, const fs::path& b) {
  for (const char* name : {"report.json", "report.md", "report.html"}) {
    INFO(name);
    CHECK(ReadFile(a / name) == ReadFile(b / name));
  }
}

}  // namespace crosscheck::testing
