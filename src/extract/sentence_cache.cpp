#include "extract/sentence_cache.h"

namespace crosscheck::extract {
namespace {

constexpr size_t kEntryOverhead = 128;  // a node, its key and empty vectors, roughly

size_t MatchesBytes(std::string_view marked, const SentenceCache::Matches& m) {
  size_t bytes = marked.size() + kEntryOverhead + m.candidates.size() / 8;
  for (const SentenceCache::PatternMatches& p : m.matches) {
    bytes += sizeof(SentenceCache::PatternMatches) + p.offsets.size() * sizeof(int32_t);
  }
  return bytes;
}

size_t TagsBytes(std::string_view sentence, const TaggedSentence& tagged) {
  size_t bytes = sentence.size() + tagged.marked.size() + kEntryOverhead;
  for (const Mention& m : tagged.mentions) {
    bytes += sizeof(Mention) + m.entity.canonical.size() + m.entity.kind.size() + m.entity.mention.size();
  }
  return bytes + tagged.map.segment_count() * 12;  // three uint32_t per segment
}

}  // namespace

const std::vector<int32_t>* SentenceCache::Matches::Find(size_t pattern) const {
  for (const PatternMatches& m : matches) {
    if (m.pattern == pattern) return &m.offsets;
  }
  return nullptr;
}

SentenceCache& SentenceCache::ForThread(uint64_t owner) {
  thread_local SentenceCache cache;
  if (cache.owner_ != owner) {
    cache.current_ = Generation{};
    cache.previous_ = Generation{};
    cache.owner_ = owner;
  }
  return cache;
}

void SentenceCache::Reserve(size_t bytes) {
  if (current_.bytes + bytes > kMaxBytes / 2) {
    previous_ = std::move(current_);
    current_ = Generation{};
  }
  current_.bytes += bytes;
}

SentenceCache::Matches& SentenceCache::MatchesOf(std::string_view marked) {
  if (auto it = current_.matches.find(marked); it != current_.matches.end()) return it->second;
  if (auto it = previous_.matches.find(marked); it != previous_.matches.end()) {
    auto node = previous_.matches.extract(it);  // moves with its entry: no copy
    Reserve(MatchesBytes(marked, node.mapped()));
    return current_.matches.insert(std::move(node)).position->second;
  }
  Reserve(marked.size() + kEntryOverhead);
  return current_.matches.emplace(std::string(marked), Matches{}).first->second;
}

const std::vector<int32_t>& SentenceCache::AddMatches(Matches* entry, size_t pattern, std::vector<int32_t> offsets) {
  // Counted in the current generation, where MatchesOf put `entry`; a rotation waits for the next entry.
  current_.bytes += sizeof(PatternMatches) + offsets.size() * sizeof(int32_t);
  entry->matches.push_back({pattern, std::move(offsets)});
  return entry->matches.back().offsets;
}

const TaggedSentence* SentenceCache::FindTags(std::string_view sentence) {
  if (auto it = current_.tags.find(sentence); it != current_.tags.end()) return &it->second;
  if (auto it = previous_.tags.find(sentence); it != previous_.tags.end()) {
    auto node = previous_.tags.extract(it);
    Reserve(TagsBytes(sentence, node.mapped()));
    return &current_.tags.insert(std::move(node)).position->second;
  }
  return nullptr;
}

void SentenceCache::AddTags(std::string_view sentence, const TaggedSentence& tagged) {
  Reserve(TagsBytes(sentence, tagged));
  current_.tags.emplace(std::string(sentence), tagged);
}

}  // namespace crosscheck::extract
