#include "extract/mention_tagger.h"

#include <re2/re2.h>

namespace crosscheck::extract {
namespace {

std::string Marked(char kind) {
  // \x01 kind text \x02, with text free of markers.
  return std::string("\\x01\\x0") + static_cast<char>('0' + kind) + "[^\\x01\\x02]*\\x02";
}

}  // namespace

std::string MarkedPersonRegex() { return Marked(kPersonMark); }
std::string MarkedOrganisationRegex() { return Marked(kOrganisationMark); }
std::string MarkedPlaceRegex() { return Marked(kPlaceMark); }
std::string MarkedActorRegex() { return "\\x01[\\x03-\\x05][^\\x01\\x02]*\\x02"; }

std::string StripMarks(std::string_view marked) {
  std::string out;
  out.reserve(marked.size());
  for (size_t i = 0; i < marked.size(); ++i) {
    const char c = marked[i];
    if (c == kMarkBegin) {
      ++i;  // skip the kind byte as well
      continue;
    }
    if (c == kMarkEnd) continue;
    out.push_back(c);
  }
  return out;
}

std::vector<const Mention*> TaggedSentence::MentionsIn(ByteRange marked_range) const {
  std::vector<const Mention*> out;
  for (const Mention& m : mentions) {
    if (m.marked.begin >= marked_range.begin && m.marked.end <= marked_range.end) out.push_back(&m);
  }
  return out;
}

TaggedSentence MentionTagger::Tag(std::string_view sentence, const SurnameMap* surnames) const {
  TaggedSentence tagged;
  tagged.marked.reserve(sentence.size() + 16);
  const auto copy = [&](size_t from, size_t to) {
    if (to <= from) return;
    tagged.map.AddIdentity(static_cast<uint32_t>(tagged.marked.size()), static_cast<uint32_t>(from),
                           static_cast<uint32_t>(to - from));
    tagged.marked.append(sentence.substr(from, to - from));
  };
  const auto mark = [&](uint32_t at_sentence, const char* bytes) {
    // Markers come from nowhere in the sentence: a zero-length replacement.
    tagged.map.AddReplacement(static_cast<uint32_t>(tagged.marked.size()), at_sentence, at_sentence);
    tagged.marked.append(bytes, 2);
  };
  size_t done = 0;
  for (const ResolvedMention& found : resolver_->FindMentions(sentence, surnames)) {
    copy(done, found.begin);
    const char kind = found.entity.kind == "person" ? kPersonMark
                      : found.entity.kind == "organisation" ? kOrganisationMark
                                                             : kPlaceMark;
    const char open[2] = {kMarkBegin, kind};
    const char close[2] = {kMarkEnd, '\0'};
    Mention m;
    m.entity = found.entity;
    m.text = {static_cast<uint32_t>(found.begin), static_cast<uint32_t>(found.end)};
    m.marked.begin = static_cast<uint32_t>(tagged.marked.size());
    mark(static_cast<uint32_t>(found.begin), open);
    copy(found.begin, found.end);
    tagged.map.AddReplacement(static_cast<uint32_t>(tagged.marked.size()), static_cast<uint32_t>(found.end),
                              static_cast<uint32_t>(found.end));
    tagged.marked.push_back(close[0]);
    m.marked.end = static_cast<uint32_t>(tagged.marked.size());
    tagged.mentions.push_back(std::move(m));
    done = found.end;
  }
  copy(done, sentence.size());
  tagged.map.Finish(static_cast<uint32_t>(tagged.marked.size()), static_cast<uint32_t>(sentence.size()));
  return tagged;
}

}  // namespace crosscheck::extract
