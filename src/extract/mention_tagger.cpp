#include "extract/mention_tagger.h"

#include <re2/re2.h>

namespace crosscheck::extract {
namespace {

std::string Marked(char kind) {
  // \x01 kind text \x02, with text free of markers.
  return std::string("\\x01\\x0") + static_cast<char>('0' + kind) + "[^\\x01\\x02]*\\x02";
}

// An optional title marked just before a person.
std::string OptionalTitle() { return "(?:" + Marked(kTitleMark) + "\\s*)?"; }

}  // namespace

std::string MarkedPersonRegex() { return OptionalTitle() + Marked(kPersonMark); }
std::string MarkedOrganisationRegex() { return Marked(kOrganisationMark); }
std::string MarkedPlaceRegex() { return Marked(kPlaceMark); }
std::string MarkedActorRegex() {
  return "(?:" + OptionalTitle() + Marked(kPersonMark) + "|\\x01[\\x04\\x05][^\\x01\\x02]*\\x02)";
}
std::string MarkedTitleRegex() { return Marked(kTitleMark); }

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
  std::vector<ResolvedMention> mentions = resolver_->FindMentions(sentence, surnames);
  for (ResolvedMention& found : mentions) {
    copy(done, found.begin);
    const char kind = found.entity.kind == "person" ? kPersonMark
                      : found.entity.kind == "organisation" ? kOrganisationMark
                                                             : kPlaceMark;
    const char open[2] = {kMarkBegin, kind};
    const char close[2] = {kMarkEnd, '\0'};
    Mention m;
    m.entity = std::move(found.entity);
    size_t name_begin = found.begin;
    if (found.HasTitle()) {
      // The title gets markers of its own, ending where its last word ends.
      size_t title_end = found.name_begin;
      while (title_end > found.begin && (sentence[title_end - 1] == ' ' || sentence[title_end - 1] == '\n')) --title_end;
      const char title_open[2] = {kMarkBegin, kTitleMark};
      m.title = {static_cast<uint32_t>(found.begin), static_cast<uint32_t>(title_end)};
      m.title_marked.begin = static_cast<uint32_t>(tagged.marked.size());
      mark(static_cast<uint32_t>(found.begin), title_open);
      copy(found.begin, title_end);
      tagged.map.AddReplacement(static_cast<uint32_t>(tagged.marked.size()), static_cast<uint32_t>(title_end),
                                static_cast<uint32_t>(title_end));
      tagged.marked.push_back(kMarkEnd);
      m.title_marked.end = static_cast<uint32_t>(tagged.marked.size());
      copy(title_end, found.name_begin);
      name_begin = found.name_begin;
    }
    m.text = {static_cast<uint32_t>(name_begin), static_cast<uint32_t>(found.end)};
    m.marked.begin = static_cast<uint32_t>(tagged.marked.size());
    mark(static_cast<uint32_t>(name_begin), open);
    copy(name_begin, found.end);
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
