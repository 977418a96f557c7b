#include "extract/event_time.h"

#include <re2/re2.h>

#include "extract/date_parser.h"

namespace crosscheck::extract {
namespace {

EventTime FromParsed(const ParsedDate& date, std::string phrase, const TimeAnchor& anchor) {
  EventTime when;
  when.phrase = std::move(phrase);
  when.resolved = date.anchored;
  when.days = date.days;
  when.display = date.display;
  when.weekday = date.weekday;
  when.relative = date.relative;
  when.rule = date.rule;
  if (date.relative) {
    when.anchor = anchor.date;
    when.anchor_source = std::string(AnchorSourceName(anchor.source));
    when.anchor_evidence = anchor.evidence;
  }
  return when;
}

}  // namespace

void ResolveClaimTime(const TimeAnchor& anchor, Claim* claim) {
  const std::string_view sentence = claim->evidence;
  claim->has_when = false;
  claim->time.clear();
  if (claim->value.kind == ValueKind::kDate) {
    const size_t at = claim->value_in_evidence.empty() ? sentence.size() : claim->value_in_evidence.begin;
    DateOptions options;
    options.future = FutureCueBefore(sentence, at);
    auto date = ParseDate(claim->value.text, anchor.date, options);
    if (!date) return;  // stored by an older build with other rules: keep the value as it was
    claim->value.interval = date->days;
    claim->value.display = date->display;
    claim->value.id = date->anchored ? date->display : std::string(WeekdayName(date->weekday));
    claim->when = FromParsed(*date, claim->value.text, anchor);
    claim->has_when = true;
    return;
  }
  static const re2::RE2 kDates("(" + DateRegex() + ")");
  re2::StringPiece input(sentence.data(), sentence.size());
  re2::StringPiece found;
  while (RE2::FindAndConsume(&input, kDates, &found)) {
    const std::string_view text(found.data(), found.size());
    DateOptions options;
    options.future = FutureCueBefore(sentence, static_cast<size_t>(found.data() - sentence.data()));
    auto date = ParseDate(text, anchor.date, options);
    if (!date) continue;
    claim->when = FromParsed(*date, std::string(text), anchor);
    claim->has_when = true;
    if (date->anchored && date->days.lo == date->days.hi) claim->time = DaysToIso(static_cast<int>(date->days.lo));
    return;
  }
}

}  // namespace crosscheck::extract
