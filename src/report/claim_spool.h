// ClaimSpool: the report's claims, written once to a temporary file as the
// check pass lets them go, and read back by the writers as often as they
// need them. Reading them again from the store cost a B-tree lookup per claim,
// role and sentence on every pass; the spool is read in runs, and memory holds
// only a write buffer and a read window, whatever the corpus's size.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "crosscheck/finding.h"
#include "crosscheck/status.h"
#include "report/report_data.h"
#include "util/temporary_file.h"

namespace crosscheck::report {

class ClaimSpool final : public ClaimReader {
 public:
  // A fresh unnamed file in `folder` (the report's output folder: /tmp may be
  // a RAM disk, and the spool takes about 650 bytes a claim: 140 MB for the 100 MB corpus), or
  // std::tmpfile() where the folder's file system cannot make one or `folder`
  // is empty. Either is removed when closed. See status().
  explicit ClaimSpool(const std::filesystem::path& folder = {});
  ~ClaimSpool() override;
  ClaimSpool(const ClaimSpool&) = delete;
  ClaimSpool& operator=(const ClaimSpool&) = delete;

  // Writes the claim and returns its key: what ForEachPiece reads it back by.
  int64_t Append(const SourcedClaim& claim);

  // The lists hold keys Append returned. Reads the spool's buffered tail too,
  // so appending and reading may alternate. Calls may run on several threads
  // at once (each reads through its own window) while nothing is appended:
  // the report's writers run side by side.
  void ForEachPiece(const std::vector<const std::vector<int64_t>*>& lists, const std::vector<size_t>& order,
                    size_t piece, const PieceVisitor& visit) const override;

  // Not ok once the temporary file could not be made, written or read; what
  // was read after that is not to be trusted.
  Status status() const;
  uint64_t bytes() const { return end_; }  // the spool's size so far

 private:
  struct Window;  // one ForEachPiece call's read-ahead
  bool Flush();
  // Makes [at, at + size) readable in `window`; false (and status_ set) when it cannot be read.
  bool Read(Window* window, uint64_t at, size_t size, bool sequential) const;
  // False (and status_ set) when the record does not decode.
  bool Decode(const char* p, const char* end, SourcedClaim* claim) const;
  void Fail(Status status) const;
  bool Failed() const;

  util::TemporaryFile file_;
  std::string buffer_;        // encoded records not yet written, starting at `written_`
  uint64_t written_ = 0;      // bytes in the file
  uint64_t end_ = 0;          // bytes appended, buffered ones included
  mutable std::mutex flush_mutex_;  // readers flushing buffer_
  mutable std::mutex mutex_;        // guards status_
  mutable Status status_ = Status::Ok();
};

}  // namespace crosscheck::report
