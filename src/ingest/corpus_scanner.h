// CorpusScanner: lists the article files of a corpus folder, recursively.
//
// Articles are *.txt, *.text, *.htm and *.html (any case). Hidden files and
// folders and the outlets manifest are skipped. Symlinked folders are not
// followed, so a link loop cannot make the scan endless. Symlinked files are
// read when they lead to a regular file; a link loop, a broken link, a FIFO,
// socket or device with an article's name, and a folder that cannot be read
// are listed in `skipped` with the reason, and the scan goes on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "crosscheck/diagnostic.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

struct CorpusFile {
  // As found on disk, in the system's spelling. A string, not a filesystem::path:
  // a path keeps its parsed components too (about 500 bytes a file), and the
  // listing of a million-article corpus is held for the whole run.
  std::string path;
  std::string relative;        // relative to the corpus root, '/'-separated; bytes that are
                               // not UTF-8 are written \xNN so that reports can show it
  bool html = false;           // by extension; content is sniffed as well
};

// Something with an article's name (or a folder) that cannot be read.
struct SkippedEntry {
  std::string relative;  // as in CorpusFile; folders end with '/'
  std::string reason;    // "symbolic link loop", "cannot read folder: Permission denied", ...
};

struct CorpusListing {
  std::vector<CorpusFile> files;  // sorted by relative path
  size_t ignored = 0;             // files with other extensions
  std::vector<SkippedEntry> skipped;  // sorted by relative path
  std::vector<Diagnostic> problems;
};

// Lists `root`. A missing or unreadable root is an IoError; problems inside
// (an unreadable subfolder, a link loop) are reported in `skipped` or
// `problems` and the scan goes on.
Result<CorpusListing> ScanCorpus(const std::filesystem::path& root);

// `path` as text, with every byte that is not part of well-formed UTF-8
// written as \xNN (file names are bytes; reports are UTF-8).
std::string DisplayPath(const std::string& path);

}  // namespace crosscheck::ingest
