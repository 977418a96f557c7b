// CorpusScanner: lists the article files of a corpus folder, recursively.
//
// Articles are *.txt, *.text, *.htm and *.html (any case). Hidden files and
// folders and the outlets manifest are skipped. Symlinked folders are not
// followed, so a link loop cannot make the scan endless.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

struct CorpusFile {
  std::filesystem::path path;  // as found on disk
  std::string relative;        // relative to the corpus root, '/'-separated
  bool html = false;           // by extension; content is sniffed as well
};

struct CorpusListing {
  std::vector<CorpusFile> files;  // sorted by relative path
  size_t ignored = 0;             // files with other extensions
  std::vector<Diagnostic> problems;
};

// Lists `root`. A missing or unreadable root is an IoError; problems inside
// (an unreadable subfolder) are reported in `problems` and the scan goes on.
Result<CorpusListing> ScanCorpus(const std::filesystem::path& root);

}  // namespace crosscheck::ingest
