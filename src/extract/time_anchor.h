// TimeAnchor: the date a document's relative dates ("on Wednesday", "last
// week") are counted from, and where it came from.
//
// In order: the publication date the outlets manifest gives; otherwise a full
// date the document states at its top (a dateline such as "WASHINGTON, Feb.
// 12, 2025 -" or "February 12, 2025" in its first three sentences, where
// headlines, bylines and datelines are); otherwise none, and relative dates
// stay unresolved. Full dates further down are not used: a retrospective piece
// names the days it looks back on ("they met on June 19, 1972"), and a wrong
// anchor is worse than none.
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
