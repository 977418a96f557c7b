#include "extract/time_anchor.h"

#include <re2/re2.h>

#include "extract/date_parser.h"

namespace crosscheck::extract {
namespace {

// Sentences at the top of an article that hold its dateline or byline date.
constexpr size_t kDatelineSentences = 3;

}  // namespace

std::string_view AnchorSourceName(TimeAnchor::Source source) {
  switch (source) {
    case TimeAnchor::Source::kPublished: return "published";
    case TimeAnchor::Source::kText: return "text";
    case TimeAnchor::Source::kNone: return "none";
  }
  return "none";
}

TimeAnchor ChooseAnchor(std::string_view published, const std::vector<std::string>& sentences) {
  TimeAnchor anchor;
  if (IsoToDays(published)) {
    anchor.source = TimeAnchor::Source::kPublished;
    anchor.date = std::string(published);
    anchor.evidence = "published " + anchor.date + " (outlets manifest)";
    return anchor;
  }
  static const re2::RE2 kDates("(" + DateRegex() + ")");
  for (size_t i = 0; i < sentences.size() && i < kDatelineSentences; ++i) {
    re2::StringPiece input(sentences[i]);
    re2::StringPiece found;
    while (RE2::FindAndConsume(&input, kDates, &found)) {
      const std::string_view text(found.data(), found.size());
      // Only a full date anchors: no anchor is needed to read it, and it names one day.
      auto date = ParseDate(text, "");
      if (!date || date->relative || date->days.lo != date->days.hi) continue;
      anchor.source = TimeAnchor::Source::kText;
      anchor.date = DaysToIso(static_cast<int>(date->days.lo));
      anchor.evidence = "'" + std::string(text) + "' in sentence " + std::to_string(i + 1) + " (dateline)";
      return anchor;
    }
  }
  return anchor;
}

}  // namespace crosscheck::extract
