// Small UTF-8 helpers used on hot paths where ICU would be overkill.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crosscheck::text {

// Decodes one code point at `p` (at most `n` bytes available). Returns the
// number of bytes consumed, or 0 when the bytes are not well-formed UTF-8
// (overlong forms, surrogates and values above U+10FFFF are rejected).
int DecodeUtf8(const char* p, size_t n, char32_t* cp);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// True when the whole buffer is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// Returns `bytes` with every ill-formed sequence replaced by U+FFFD, for text
// that must be shown to people (reports, logs) and may contain anything.
std::string SanitiseUtf8(std::string_view bytes);

// Number of code points in a well-formed UTF-8 string (ill-formed bytes count one each).
size_t CountCodePoints(std::string_view bytes);

}  // namespace crosscheck::text
