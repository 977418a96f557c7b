// Builds RE2 alternations of literal words and phrases (cue lists, enum values,
// user name lists).
#pragma once

#include <string>
#include <vector>

namespace crosscheck::extract {

// "a|b|c" of RE2-quoted literals, with word boundaries where a literal starts
// or ends with a word character, and spaces matching any whitespace. Of two
// literals that can match at the same place the longer comes first; the rest
// are in alphabetical order, so that RE2 shares their prefixes. An empty list
// yields a class that matches nothing.
std::string LiteralAlternation(std::vector<std::string> words);

}  // namespace crosscheck::extract
