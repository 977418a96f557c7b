// Fuzz target: the outlets manifest reader (outlets.toml) and its path globs.
// A parsed manifest must describe any path without failing; a rejected one
// must say where (file:line:column or the file name).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "ingest/outlet_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 14) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto manifest = crosscheck::ingest::OutletManifest::Parse(text, "fuzz/outlets.toml");
  if (manifest.ok()) {
    for (const char* path : {"a.txt", "world/2025/b.html", "", "../x.txt", "\xff.txt"}) {
      const crosscheck::DocumentSource source = manifest->Describe(path);
      FUZZ_CHECK(!source.outlet.empty() || std::string(path).empty());
    }
  } else {
    FUZZ_CHECK(manifest.status().message().rfind("fuzz/outlets.toml", 0) == 0);
  }
  // Globs: the first line is the pattern, the rest the path.
  const size_t newline = text.find('\n');
  if (newline != std::string::npos) {
    (void)crosscheck::ingest::GlobMatch(std::string_view(text).substr(0, newline),
                                        std::string_view(text).substr(newline + 1));
  }
  return 0;
}
