#include "ingest/corpus_scanner.h"

#include <algorithm>

#include "ingest/outlet_manifest.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

std::string LowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

Result<CorpusListing> ScanCorpus(const fs::path& root) {
  std::error_code ec;
  if (!fs::exists(root, ec)) return Status::IoError(root.generic_string() + ": corpus folder does not exist");
  if (!fs::is_directory(root, ec)) return Status::IoError(root.generic_string() + ": corpus is not a folder");
  CorpusListing listing;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError(root.generic_string() + ": cannot list corpus folder: " + ec.message());
  for (fs::recursive_directory_iterator end; it != end;) {
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    std::error_code entry_ec;
    if (!name.empty() && name[0] == '.') {
      if (entry.is_directory(entry_ec)) it.disable_recursion_pending();
    } else if (entry.is_regular_file(entry_ec)) {
      const std::string ext = LowerExtension(entry.path());
      if (name == OutletManifest::kDefaultFileName) {
        // The manifest describes the corpus; it is not an article.
      } else if (ext == ".txt" || ext == ".text" || ext == ".htm" || ext == ".html") {
        CorpusFile file;
        file.path = entry.path();
        file.relative = entry.path().lexically_relative(root).generic_string();
        file.html = ext == ".htm" || ext == ".html";
        listing.files.push_back(std::move(file));
      } else {
        ++listing.ignored;
      }
    }
    it.increment(ec);
    if (ec) {
      listing.problems.push_back({Diagnostic::Severity::kWarning, root.generic_string(), 0,
                                  "stopped listing part of the corpus: " + ec.message()});
      break;
    }
  }
  std::sort(listing.files.begin(), listing.files.end(),
            [](const CorpusFile& a, const CorpusFile& b) { return a.relative < b.relative; });
  return listing;
}

}  // namespace crosscheck::ingest
