// Atomic report files: a report is replaced whole or not at all, and is
// streamed to disk as it is written instead of being built in memory first
// (report.json alone is about 2x the corpus size on news corpora).
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

#include "crosscheck/status.h"

namespace crosscheck::pipeline {

// Writes `path` with what `write` puts into the stream, through a fresh
// temporary file (O_EXCL, O_NOFOLLOW: a link planted under its name is never
// written through) that is synced and then renamed over `path`, so that a
// crash or a full disk leaves the previous file. Returns the lower-case hex
// SHA-256 of the bytes written. A writer that cannot finish (its source
// failed) sets the stream's badbit: the previous file is kept.
Result<std::string> WriteFileAtomically(const std::filesystem::path& path,
                                        const std::function<void(std::ostream&)>& write);

// The lower-case hex SHA-256 of the file at `path`, or "" when it cannot be
// read (missing, a folder, unreadable): callers compare it with a digest.
std::string FileSha256Hex(const std::filesystem::path& path);

}  // namespace crosscheck::pipeline
