// Builds RE2 alternations of literal words and phrases (cue lists, enum values,
// user name lists).
#pragma once

#include <string>
#include <vector>

namespace crosscheck::extract {

// "a|b|c" of RE2-quoted literals, longest first, with word boundaries where a
// literal starts or ends with a word character, and spaces matching any
// whitespace. An empty list yields a class that matches nothing.
std::string LiteralAlternation(std::vector<std::string> words);

}  // namespace crosscheck::extract
