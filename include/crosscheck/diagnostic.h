// Diagnostic: something a run skipped or repaired, recorded as data so that it
// reaches the report and the store, not only the log.
#pragma once

#include <cstdint>
#include <string>

namespace crosscheck {

struct Diagnostic {
  enum class Severity {
    kNotice,   // informational: a default was overridden, a line was repaired
    kWarning,  // something was skipped; the run goes on
    kError,    // the run could not do what was asked
  };
  Severity severity = Severity::kWarning;
  std::string path;   // corpus-relative file, or a template/knowledge file
  uint32_t line = 0;  // 1-based; 0 when not about a line
  std::string message;

  // "path:line: message" (or "path: message").
  std::string ToString() const {
    // Appended piece by piece: GCC 12 warns falsely on "literal" + temporary string.
    std::string out = path;
    if (line > 0) {
      out += ':';
      out += std::to_string(line);
    }
    out += ": ";
    out += message;
    return out;
  }
};

}  // namespace crosscheck
