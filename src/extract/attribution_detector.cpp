#include "extract/attribution_detector.h"

#include <re2/re2.h>

namespace crosscheck::extract {
namespace {

constexpr const char* kVerbs =
    "(?:said|says|say|confirmed|confirms|reported|reports|announced|announces|stated|states|told|tells|"
    "claimed|claims|added|adds|noted|notes|insisted|insists|indicated|indicates|wrote|writes|tweeted|posted|"
    "declared|denied|denies|acknowledged|suggested|revealed|disclosed|explained|argued|remarked|mentioned|"
    "estimated|estimates|predicted|hinted|warned|recalled|described)";

// Unnamed sources: "a White House official", "two senior officials", "police".
// Unnamed sources: "a White House official", "two senior officials", "police".
// A named organisation or place may qualify them ("a Kremlin spokesman").
std::string GenericSource() {
  return "(?:(?i:an?|the|two|three|several|some|other|one)\\s+)?(?:(?i:senior|top|local|federal|state)\\s+|" +
         MarkedActorRegex() + "\\s+|(?:U\\.S\\.|\\p{Lu}[\\p{L}.-]*)\\s+){0,3}"
         "(?i:officials?|spokes(?:man|woman|person)|sources?|aides?|police|authorities|investigators|witnesses|"
         "officers?|prosecutors?|diplomats?|analysts?|reports?|media|observers?|residents?|government|office|"
         "ministry|embassy|spokespeople|organi[sz]ers|activists|campaigners|unions?|protesters|medics|doctors|"
         "rescuers|officials say)";
}

}  // namespace

AttributionDetector::AttributionDetector() {
  // "Alturas Police Chief Ken Barnes": a place or organisation may qualify a named source.
  const std::string source =
      "(" + GenericSource() + "|(?:[Tt]he\\s+)?(?:" + MarkedActorRegex() + "\\s+)?" + MarkedActorRegex() + ")";
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  // An optional lead-in clause ("On Wednesday, ", "But ") may precede the source.
  leading_ = std::make_unique<RE2>("^(?:[^,\"]{0,40},\\s+|(?i:but|and|meanwhile|however|earlier|later)\\s+)?" + source +
                                       "\\s+(?:(?:has|had|also|later|publicly|previously|then|have)\\s+)?" + kVerbs +
                                       "\\b",
                                   options);
  according_ = std::make_unique<RE2>("(?i:according\\s+to)\\s+" + source, options);
  trailing_ = std::make_unique<RE2>(",\"?\\s+" + source + "\\s+" + kVerbs + "(?:\\s+\\S+){0,3}\\s*[.!]?\"?$", options);
}

AttributionDetector::~AttributionDetector() = default;

namespace {

// A named source becomes its canonical entity; "a senior official" and
// "a White House official" stay as written.
std::string Canonical(const TaggedSentence& sentence, std::string_view source) {
  const auto begin = static_cast<uint32_t>(source.data() - sentence.marked.data());
  auto mentions = sentence.MentionsIn({begin, begin + static_cast<uint32_t>(source.size())});
  const bool ends_with_mention = !mentions.empty() && mentions.back()->marked.end == begin + source.size();
  if (ends_with_mention && mentions.size() <= 2) return mentions.back()->entity.canonical;
  std::string out = StripMarks(source);
  if (out.rfind("The ", 0) == 0) out[0] = 't';
  return out;
}

}  // namespace

std::string AttributionDetector::Find(Sources* sources, size_t match_begin, size_t match_end) const {
  const TaggedSentence& sentence = *sources->sentence_;
  const std::string& marked = sentence.marked;
  re2::StringPiece text(marked);
  re2::StringPiece source;
  auto found = [&](size_t at) {
    return Sources::Found{true, at, Canonical(sentence, std::string_view(source.data(), source.size()))};
  };
  // "X said (that) <claim>": the statement starts after the verb.
  if (!sources->looked_leading_) {
    sources->looked_leading_ = true;
    if (RE2::PartialMatch(text, *leading_, &source)) {
      sources->leading_ = found(static_cast<size_t>(source.data() - marked.data()) + source.size());
    }
  }
  if (sources->leading_.matched && sources->leading_.at <= match_begin) return sources->leading_.name;
  if (!sources->looked_according_) {
    sources->looked_according_ = true;
    re2::StringPiece input = text;
    if (RE2::FindAndConsume(&input, *according_, &source)) sources->according_ = found(0);
  }
  if (sources->according_.matched) return sources->according_.name;
  if (!sources->looked_trailing_) {
    sources->looked_trailing_ = true;
    if (RE2::PartialMatch(text, *trailing_, &source)) {
      sources->trailing_ = found(static_cast<size_t>(source.data() - marked.data()));
    }
  }
  if (sources->trailing_.matched && sources->trailing_.at >= match_end) return sources->trailing_.name;
  return "";
}

}  // namespace crosscheck::extract
