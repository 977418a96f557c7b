// TimeAnchor: the date a document's relative dates ("on Wednesday", "last
// week") are counted from, and where it came from.
//
// In order: the publication date the outlets manifest gives; otherwise a full
// date the document states itself (a dateline such as "WASHINGTON, Feb. 12,
// 2025 -" or "February 12, 2025" in its first three sentences, else the
// latest full date anywhere in its text: an article is written no earlier than
// the last day it names, and rarely names a later one); otherwise none, and
// relative dates stay unresolved.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::extract {

struct TimeAnchor {
  enum class Source { kNone, kPublished, kText };
  Source source = Source::kNone;
  std::string date;      // ISO "YYYY-MM-DD"; "" when none
  std::string evidence;  // "published 2025-02-13 (outlets manifest)", "'February 12, 2025' in sentence 1"
  bool found() const { return source != Source::kNone; }
};

std::string_view AnchorSourceName(TimeAnchor::Source source);  // "published", "text", "none"

// `published` is the manifest's ISO date or ""; `sentences` the document's
// body sentences, in order.
TimeAnchor ChooseAnchor(std::string_view published, const std::vector<std::string>& sentences);

}  // namespace crosscheck::extract
