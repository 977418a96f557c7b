#include "ingest/corpus_scanner.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ingest/outlet_manifest.h"
#include "text/utf8.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

std::string LowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool IsArticleExtension(const std::string& ext) {
  return ext == ".txt" || ext == ".text" || ext == ".htm" || ext == ".html";
}

// Why an entry with an article's name is not a readable regular file.
std::string NotAFileReason(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int error = errno;
    struct stat link {};
    const bool is_link = ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
    if (error == ELOOP) return "symbolic link loop (" + std::string(std::strerror(error)) + ")";
    if (error == ENOENT && is_link) return "broken symbolic link: its target does not exist";
    return "cannot read: " + std::string(std::strerror(error));
  }
  if (S_ISFIFO(st.st_mode)) return "not a regular file (a FIFO)";
  if (S_ISSOCK(st.st_mode)) return "not a regular file (a socket)";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "not a regular file (a device)";
  return "not a regular file";
}

}  // namespace

std::string DisplayPath(const std::string& path) {
  if (text::IsValidUtf8(path)) return path;
  std::string out;
  size_t i = 0;
  char32_t cp;
  while (i < path.size()) {
    const int len = text::DecodeUtf8(path.data() + i, path.size() - i, &cp);
    if (len > 0) {
      out.append(path, i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(path[i]));
      out += buffer;
      ++i;
    }
  }
  return out;
}

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
    const auto relative = [&] { return DisplayPath(entry.path().lexically_relative(root).generic_string()); };
    std::error_code entry_ec;
    if (!name.empty() && name[0] == '.') {
      if (entry.is_directory(entry_ec)) it.disable_recursion_pending();
    } else if (entry.is_directory(entry_ec)) {
      // Not followed when it is a symlink; otherwise checked before descending,
      // since the iterator would skip an unreadable folder without a word.
      if (!entry.is_symlink(entry_ec) && ::access(entry.path().c_str(), R_OK | X_OK) != 0) {
        const int error = errno;
        listing.skipped.push_back({relative() + "/", "cannot read folder: " + std::string(std::strerror(error))});
        it.disable_recursion_pending();
      }
    } else if (entry.is_regular_file(entry_ec)) {
      const std::string ext = LowerExtension(entry.path());
      if (name == OutletManifest::kDefaultFileName) {
        // The manifest describes the corpus; it is not an article.
      } else if (IsArticleExtension(ext)) {
        CorpusFile file;
        file.path = entry.path().native();
        file.relative = relative();
        file.html = ext == ".htm" || ext == ".html";
        listing.files.push_back(std::move(file));
      } else {
        ++listing.ignored;
      }
    } else if (IsArticleExtension(LowerExtension(entry.path()))) {
      // A link loop, a broken link, a FIFO or a device named like an article.
      listing.skipped.push_back({relative(), NotAFileReason(entry.path())});
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
  std::sort(listing.skipped.begin(), listing.skipped.end(),
            [](const SkippedEntry& a, const SkippedEntry& b) { return a.relative < b.relative; });
  return listing;
}

}  // namespace crosscheck::ingest
