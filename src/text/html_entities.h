// Decoding of HTML character references (&amp; &#8217; &#x2019;), which
// scraped articles carry even when saved as plain text.
#pragma once

#include <cstddef>
#include <string_view>

namespace crosscheck::text {

// Tries to decode a character reference starting at text[0] == '&'. On success
// stores the code point and returns the length of the reference including the
// trailing ';'; returns 0 when `text` does not start with a known reference.
size_t DecodeHtmlEntity(std::string_view text, char32_t* cp);

}  // namespace crosscheck::text
