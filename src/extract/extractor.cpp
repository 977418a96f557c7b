#include "extract/extractor.h"

#include "extract/date_parser.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <map>
#include <optional>
#include <set>

namespace crosscheck::extract {
namespace {

bool Overlaps(ByteRange a, ByteRange b) { return a.begin < b.end && b.begin < a.end; }

// Start of the modality scope: up to kModalityLookbackWords words before `at`.
size_t LookbackStart(std::string_view text, size_t at) {
  uint32_t words = 0;
  size_t i = at;
  while (i > 0) {
    --i;
    if (text[i] == ' ' && i + 1 < text.size() && text[i + 1] != ' ') {
      if (++words > kModalityLookbackWords) return i + 1;
    }
  }
  return 0;
}

// End of the exclusion scope: up to kExcludeLookaheadWords words after `at`.
size_t LookaheadEnd(std::string_view text, size_t at) {
  uint32_t words = 0;
  for (size_t i = at; i < text.size(); ++i) {
    if (text[i] == ' ' && ++words > kExcludeLookaheadWords) return i;
  }
  return text.size();
}

// Finds a cue in text[from, to); returns it, or "".
std::string FindCue(const re2::RE2* cues, std::string_view text, size_t from, size_t to) {
  if (cues == nullptr || from >= to) return "";
  re2::StringPiece match;
  if (cues->Match(text, from, to, RE2::UNANCHORED, &match, 1)) return std::string(match.data(), match.size());
  return "";
}

class DocumentExtraction {
 public:
  DocumentExtraction(const Document& doc, const TemplateSet& templates, const MentionTagger& tagger,
                     const AttributionDetector& attribution, const re2::RE2& dates, const PatternPrefilter& prefilter,
                     bool prefilter_enabled, const std::vector<size_t>& first_pattern, const ExtractOptions& options, Extraction* out)
      : doc_(doc),
        templates_(templates),
        tagger_(tagger),
        attribution_(attribution),
        dates_(dates),
        prefilter_(prefilter),
        prefilter_enabled_(prefilter_enabled),
        first_pattern_(first_pattern),
        options_(options),
        out_(out) {
    context_.published = doc.source.published;
    TagDocument();
  }

  void Run() {
    if (options_.near_misses) {
      for (const Sentence& sentence : doc_.sentences) {
        for (const Mention& m : Tagged(sentence.index).mentions) out_->mentions.push_back({sentence.index, m.entity});
      }
    }
    const size_t template_count = templates_.templates().size();
    out_->candidate_sentences.assign(template_count, {});
    const ExtractionFocus* focus = options_.focus;
    std::vector<bool> may_match;
    std::vector<bool> focus_may_match;
    std::vector<std::vector<Claim>> focused(template_count);  // claims of focused templates, by template
    PatternPrefilter::Scratch scratch;
    for (const Sentence& sentence : doc_.sentences) {
      if (focus != nullptr && !FocusedSentence(sentence, *focus, &focus_may_match, &focused, &scratch)) continue;
      std::vector<Claim> found;
      if (prefilter_enabled_) {
        prefilter_.Candidates(Tagged(sentence.index).marked, &may_match, &scratch);
      } else {
        may_match.assign(first_pattern_.empty() ? 0 : first_pattern_.back() + templates_.templates().back().patterns.size(), true);
      }
      for (size_t i = 0; i < template_count; ++i) {
        const CompiledTemplate& t = templates_.templates()[i];
        if (!options_.only_template.empty() && t.spec.id != options_.only_template) continue;
        const size_t before = found.size();
        const size_t misses_before = out_->near_misses.size();
        if (focus != nullptr && focus->templates()[i]) {
          for (Claim& c : focused[i]) found.push_back(std::move(c));
          focused[i].clear();
        } else {
          for (uint32_t p = 0; p < t.patterns.size(); ++p) {
            if (may_match[first_pattern_[i] + p]) MatchPattern(sentence, t, p, &found);
          }
        }
        if (found.size() > before) out_->candidate_sentences[i].push_back(sentence.index);
        if (options_.near_misses && found.size() == before && out_->near_misses.size() == misses_before) {
          PartialMatches(sentence, t);
        }
      }
      KeepBest(&found);
      for (Claim& c : found) out_->claims.push_back(std::move(c));
    }
  }

 private:
  // With a focus: matches the focused templates alone (their claims go to
  // `focused`) and says whether the sentence is to be matched with every
  // template: a focused template built a claim here, or a changed or removed
  // one did before. Recorded in `matched`.
  bool FocusedSentence(const Sentence& sentence, const ExtractionFocus& focus, std::vector<bool>* may_match,
                       std::vector<std::vector<Claim>>* focused, PatternPrefilter::Scratch* scratch) {
    if (focus.prefilter() != nullptr) {
      focus.prefilter()->Candidates(Tagged(sentence.index).marked, may_match, scratch);
    } else {
      may_match->assign(focus.patterns(), true);
    }
    bool any = false;
    for (size_t i = 0; i < templates_.templates().size(); ++i) {
      if (!focus.templates()[i]) continue;
      const CompiledTemplate& t = templates_.templates()[i];
      for (uint32_t p = 0; p < t.patterns.size(); ++p) {
        if ((*may_match)[focus.first_pattern(i) + p]) MatchPattern(sentence, t, p, &(*focused)[i]);
      }
      any = any || !(*focused)[i].empty();
    }
    const std::vector<uint32_t>* rerun = options_.rerun_sentences;
    if (!any && (rerun == nullptr || !std::binary_search(rerun->begin(), rerun->end(), sentence.index))) return false;
    out_->matched.push_back(sentence.index);
    return true;
  }

  void MatchPattern(const Sentence& sentence, const CompiledTemplate& t, uint32_t p, std::vector<Claim>* found) {
    const CompiledPattern& pattern = t.patterns[p];
    const std::string_view text = Tagged(sentence.index).marked;
    const int groups = pattern.re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece>& pieces = pieces_;  // reused: one allocation per document, not per candidate
    pieces.assign(static_cast<size_t>(groups) + 1, re2::StringPiece());
    size_t start = 0;
    while (start <= text.size()) {
      if (!pattern.re->Match(text, start, text.size(), RE2::UNANCHORED, pieces.data(), groups + 1)) break;
      const auto match_begin = static_cast<size_t>(pieces[0].data() - text.data());
      const size_t match_end = match_begin + pieces[0].size();
      std::string why;
      std::optional<Claim> claim = Build(sentence, t, p, pieces, match_begin, match_end, &why);
      if (claim) {
        found->push_back(std::move(*claim));
      } else if (options_.near_misses) {
        out_->near_misses.push_back({sentence.index, t.spec.id, p, why});
      }
      start = match_end > match_begin ? match_end : match_begin + 1;
    }
  }

  // For a template that made no claim here: how far each pattern got. Only
  // prefixes that include a literal word count, or every sentence naming a
  // place would be a near miss of every place pattern.
  void PartialMatches(const Sentence& sentence, const CompiledTemplate& t) {
    const std::string_view text = Tagged(sentence.index).marked;
    for (uint32_t p = 0; p < t.patterns.size(); ++p) {
      const CompiledPattern& pattern = t.patterns[p];
      const auto& prefixes = pattern.prefixes();
      const size_t n = prefixes.size();
      size_t matched = 0;  // elements matched
      size_t end = 0;      // where the longest matching prefix ends
      bool has_word = false;
      for (size_t k = 0; k + 1 < n; ++k) {
        has_word = has_word || pattern.element_has_word[k];
        if (prefixes[k] == nullptr) break;
        re2::StringPiece m;
        if (!prefixes[k]->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) break;
        matched = k + 1;
        end = static_cast<size_t>(m.data() - text.data()) + m.size();
        if (!has_word) matched = 0;
      }
      if (matched == 0) continue;
      std::string got;
      for (size_t k = 0; k < matched; ++k) got += (got.empty() ? "" : " ") + pattern.element_texts[k];
      std::string after = StripMarks(text.substr(end, 40));
      while (!after.empty() && after.front() == ' ') after.erase(after.begin());
      out_->near_misses.push_back({sentence.index, t.spec.id, p,
                                   "matched \"" + got + "\" but not the next element \"" +
                                       pattern.element_texts[matched] + "\"; the text there is \"" + after +
                                       (text.size() - end > 40 ? "...\"" : "\"")});
    }
  }

  std::optional<Claim> Build(const Sentence& sentence, const CompiledTemplate& t, uint32_t p,
                             const std::vector<re2::StringPiece>& pieces, size_t match_begin, size_t match_end,
                             std::string* why) {
    const CompiledPattern& pattern = t.patterns[p];
    const TaggedSentence& tagged = Tagged(sentence.index);
    const std::string_view text = tagged.marked;
    const std::string_view plain = doc_.SentenceText(sentence);
    Claim claim;
    claim.template_id = t.spec.id;
    claim.subject_kind = t.spec.subject_kind;
    claim.pattern = p;
    claim.sentence = sentence.index;
    claim.sentence_raw = sentence.raw;
    claim.evidence = std::string(plain);
    const ByteRange match = ToSentence(tagged, match_begin, match_end);
    claim.match_raw = ToRaw(sentence, match.begin, match.end);
    bool has_value = false;
    for (size_t i = 0; i < pattern.slots.size(); ++i) {
      const re2::StringPiece& piece = pieces[i + 1];
      if (piece.data() == nullptr) continue;  // an optional slot that did not take part
      const SlotBinding& slot = pattern.slots[i];
      SlotValue value;
      std::string slot_why;
      const auto marked_begin = static_cast<size_t>(piece.data() - text.data());
      const ByteRange span = ToSentence(tagged, marked_begin, marked_begin + piece.size());
      const std::string_view slot_text = plain.substr(span.begin, span.size());
      context_.tagged = &tagged;
      context_.marked = {static_cast<uint32_t>(marked_begin), static_cast<uint32_t>(marked_begin + piece.size())};
      if (!slot.type->Parse(slot_text, context_, &value, &slot_why)) {
        *why = "slot {" + slot.role + ":" + slot.type->name() + "}: " + slot_why;
        return std::nullopt;
      }
      if (slot.is_value && !has_value) {
        claim.value = *value.value;
        claim.value_in_evidence = span;
        claim.value_raw = ToRaw(sentence, span.begin, span.end);
        has_value = true;
      } else if (!slot.is_value) {
        for (const EntityRef& e : value.entities) AddFiller(&claim, slot.role, e, "slot", sentence.index);
      }
    }
    if (!has_value) {
      // Events have no value slot: the claim is that it happened.
      claim.value.kind = ValueKind::kEvent;
      claim.value.type = "event";
      claim.value.id = "happened";
      claim.value.display = "happened";
      claim.value.text = std::string(plain.substr(match.begin, match.size()));
    }
    for (const RoleSpec& role : t.spec.roles) {
      if (!role.from_context) continue;
      // A context role is filled when empty, even with min = 0: it says who the claim is about.
      const uint32_t wanted = std::max<uint32_t>(role.min, 1);
      if (CountRole(claim, role.name) >= wanted) continue;
      for (const EntityRef& e : Mentions(sentence.index, role.type)) {
        AddFiller(&claim, role.name, e, "sentence", sentence.index);
      }
      for (uint32_t back = 1; back <= kContextSentences && back <= sentence.index; ++back) {
        if (CountRole(claim, role.name) >= wanted) break;
        const uint32_t previous = sentence.index - back;
        for (const EntityRef& e : Mentions(previous, role.type)) {
          // Someone named once in passing two or more sentences back is not
          // who "the call" was between; the sentence just before is trusted.
          if (back == 1 || Salience(e.canonical) >= kMinContextMentions) {
            AddFiller(&claim, role.name, e, "context", previous);
          }
        }
      }
    }
    for (const RoleSpec& role : t.spec.roles) {
      const uint32_t count = CountRole(claim, role.name);
      if (count < role.min) {
        *why = "role '" + role.name + "' needs " + std::to_string(role.min) + " " + role.type +
               (role.min == 1 ? "" : "s") + ", found " + std::to_string(count) +
               (role.from_context ? " (in this sentence and the " + std::to_string(kContextSentences) + " before it)" : "");
        return std::nullopt;
      }
      if (role.max > 0 && count > role.max) {
        *why = "role '" + role.name + "' takes at most " + std::to_string(role.max) + ", found " + std::to_string(count);
        return std::nullopt;
      }
    }
    const size_t scope_begin = LookbackStart(text, match_begin);
    if (std::string excluded = FindCue(t.exclude.get(), text, scope_begin, LookaheadEnd(text, match_end));
        !excluded.empty()) {
      *why = "excluded by the cue '" + excluded + "' near the match";
      return std::nullopt;
    }
    std::string cue = FindCue(t.negated.get(), text, scope_begin, match_end);
    if (!cue.empty()) {
      claim.modality = Modality::kNegated;
      claim.modality_cue = cue;
    } else if (cue = FindCue(t.hedged.get(), text, scope_begin, match_end); !cue.empty()) {
      claim.modality = Modality::kHedged;
      claim.modality_cue = cue;
    }
    claim.attribution = attribution_.Find(SentenceSources(sentence.index), match_begin, match_end);
    // A date value is what the claim states, not when it happened: it must not split subjects.
    if (t.spec.dated && claim.value.kind != ValueKind::kDate) claim.time = SentenceDay(sentence.index);
    return claim;
  }

  // What depends on the sentence alone is worked out once for all its claims.
  struct SentenceFacts {
    uint32_t sentence = UINT32_MAX;  // which sentence these are for
    std::optional<AttributionDetector::Sources> sources;
    std::optional<std::string> day;
  };

  SentenceFacts& Facts(uint32_t sentence) {
    if (facts_.sentence != sentence) facts_ = SentenceFacts{sentence, std::nullopt, std::nullopt};
    return facts_;
  }

  AttributionDetector::Sources* SentenceSources(uint32_t sentence) {
    SentenceFacts& facts = Facts(sentence);
    if (!facts.sources) facts.sources.emplace(Tagged(sentence));
    return &*facts.sources;
  }

  const std::string& SentenceDay(uint32_t sentence) {
    SentenceFacts& facts = Facts(sentence);
    if (!facts.day) facts.day = EventDay(doc_.SentenceText(doc_.sentences[sentence]));
    return *facts.day;
  }

  // The first single day the sentence names ("on Tuesday", "April 12"),
  // anchored to the publication date; "" when it names none.
  std::string EventDay(std::string_view sentence) const {
    re2::StringPiece input(sentence.data(), sentence.size());
    re2::StringPiece found;
    while (RE2::FindAndConsume(&input, dates_, &found)) {
      auto date = ParseDate(std::string_view(found.data(), found.size()), doc_.source.published);
      if (date && date->anchored && date->days.lo == date->days.hi) return DaysToIso(static_cast<int>(date->days.lo));
    }
    return "";
  }

  const TaggedSentence& Tagged(uint32_t sentence) { return tagged_[sentence]; }

  // Tags every sentence, then tags again those that use a bare surname of
  // someone the document names in full ("Anna Lindqvist ... Lindqvist said").
  void TagDocument() {
    tagged_.reserve(doc_.sentences.size());
    SurnameMap surnames;
    for (const Sentence& s : doc_.sentences) {
      tagged_.push_back(tagger_.Tag(doc_.SentenceText(s)));
      std::vector<ResolvedMention> mentions;
      for (const Mention& m : tagged_.back().mentions) mentions.push_back({m.text.begin, m.text.end, m.entity});
      EntityResolver::CollectSurnames(mentions, &surnames);
    }
    if (surnames.empty()) return;
    // The last word of each canonical name, in the map's order, worked out once per document.
    std::vector<std::string_view> last_words;
    for (const auto& entry : surnames) {
      const std::string& canonical = entry.second.canonical;
      if (!canonical.empty()) last_words.push_back(std::string_view(canonical).substr(canonical.find_last_of(' ') + 1));
    }
    for (const Sentence& s : doc_.sentences) {
      const std::string_view text = doc_.SentenceText(s);
      bool uses_surname = false;
      for (const std::string_view surname : last_words) {
        if (text.find(surname) != std::string_view::npos) {
          uses_surname = true;
          break;
        }
      }
      if (uses_surname) tagged_[s.index] = tagger_.Tag(text, &surnames);
    }
  }

  static ByteRange ToSentence(const TaggedSentence& tagged, size_t marked_begin, size_t marked_end) {
    return tagged.map.ToRaw({static_cast<uint32_t>(marked_begin), static_cast<uint32_t>(marked_end)});
  }

  ByteRange ToRaw(const Sentence& sentence, size_t begin, size_t end) const {
    return doc_.map.ToRaw({sentence.norm.begin + static_cast<uint32_t>(begin), sentence.norm.begin + static_cast<uint32_t>(end)});
  }

  static uint32_t CountRole(const Claim& claim, const std::string& role) {
    return static_cast<uint32_t>(
        std::count_if(claim.roles.begin(), claim.roles.end(), [&](const RoleFiller& f) { return f.role == role; }));
  }

  // Adds an entity to a role once. Context never adds an entity that already
  // fills another role ("Putin invited Trump": Trump is not also the inviter).
  static void AddFiller(Claim* claim, const std::string& role, const EntityRef& e, const char* via, uint32_t sentence) {
    for (const RoleFiller& f : claim->roles) {
      if (f.entity == e.canonical && (f.role == role || std::string_view(via) != "slot")) return;
    }
    claim->roles.push_back({role, e.canonical, e.kind, e.mention, via, sentence});
  }

  // How many sentences of the document mention an entity.
  uint32_t Salience(const std::string& canonical) {
    if (!salience_ready_) {
      for (const Sentence& s : doc_.sentences) {
        std::set<std::string> seen;
        for (const Mention& m : Tagged(s.index).mentions) {
          if (seen.insert(m.entity.canonical).second) ++salience_[m.entity.canonical];
        }
      }
      salience_ready_ = true;
    }
    auto it = salience_.find(canonical);
    return it == salience_.end() ? 0 : it->second;
  }

  // Entities of a role's type mentioned in a sentence.
  std::vector<EntityRef> Mentions(uint32_t sentence, const std::string& type) {
    std::vector<EntityRef> found;
    for (const Mention& m : Tagged(sentence).mentions) {
      if (type == "actor" || m.entity.kind == type) found.push_back(m.entity);
    }
    return found;
  }

  // One claim per template and value span; across templates, the higher priority wins.
  void KeepBest(std::vector<Claim>* found) const {
    std::vector<Claim> kept;
    auto span = [](const Claim& c) { return c.value_raw.empty() ? c.match_raw : c.value_raw; };
    auto priority = [&](const Claim& c) {
      const CompiledTemplate* t = templates_.Find(c.template_id);
      return t ? t->spec.priority : 0;
    };
    for (Claim& c : *found) {
      bool drop = false;
      for (const Claim& k : kept) {
        if (!Overlaps(span(c), span(k))) continue;
        // An earlier pattern of the same template, or a higher-priority template, took these words.
        if (k.template_id == c.template_id || priority(k) > priority(c)) {
          drop = true;
          break;
        }
      }
      if (drop) continue;
      std::erase_if(kept, [&](const Claim& k) { return Overlaps(span(c), span(k)) && priority(c) > priority(k); });
      kept.push_back(std::move(c));
    }
    *found = std::move(kept);
  }

  const Document& doc_;
  const TemplateSet& templates_;
  const MentionTagger& tagger_;
  const AttributionDetector& attribution_;
  const re2::RE2& dates_;
  const PatternPrefilter& prefilter_;
  const bool prefilter_enabled_;
  const std::vector<size_t>& first_pattern_;
  const ExtractOptions& options_;
  Extraction* out_;
  SlotContext context_;
  std::vector<TaggedSentence> tagged_;  // one per sentence
  SentenceFacts facts_;                 // of the sentence whose claims are being built
  std::vector<re2::StringPiece> pieces_;  // MatchPattern's captures
  std::map<std::string, uint32_t> salience_;
  bool salience_ready_ = false;
};

}  // namespace

Extractor::Extractor(const TemplateSet& templates)
    : templates_(&templates), dates_(std::make_unique<re2::RE2>("(" + DateRegex() + ")")), tagger_(templates.resolver()) {
  std::vector<std::string> patterns;
  for (const CompiledTemplate& t : templates.templates()) {
    first_pattern_.push_back(patterns.size());
    for (const CompiledPattern& p : t.patterns) patterns.push_back(p.prefilter_regex);
  }
  // CROSSCHECK_PREFILTER=0 turns the prefilter off, to measure what it saves
  // and to check that it changes nothing: every pattern is then a candidate.
  const char* setting = std::getenv("CROSSCHECK_PREFILTER");
  if (setting != nullptr && std::string_view(setting) == "0") patterns.clear();
  prefilter_ = std::make_unique<PatternPrefilter>(patterns);
  prefilter_enabled_ = !patterns.empty();
}

Extractor::~Extractor() = default;
ExtractionFocus::~ExtractionFocus() = default;

std::unique_ptr<ExtractionFocus> Extractor::Focus(const std::vector<std::string>& template_ids) const {
  std::unique_ptr<ExtractionFocus> focus(new ExtractionFocus());
  const std::vector<CompiledTemplate>& all = templates_->templates();
  focus->templates_.assign(all.size(), false);
  focus->first_pattern_.assign(all.size(), 0);
  for (const std::string& id : template_ids) {
    if (const int i = templates_->IndexOf(id); i >= 0) focus->templates_[static_cast<size_t>(i)] = true;
  }
  std::vector<std::string> patterns;
  for (size_t i = 0; i < all.size(); ++i) {
    focus->first_pattern_[i] = patterns.size();
    if (!focus->templates_[i]) continue;
    for (const CompiledPattern& p : all[i].patterns) patterns.push_back(p.prefilter_regex);
  }
  focus->patterns_ = patterns.size();
  // As for the full prefilter: CROSSCHECK_PREFILTER=0 makes every pattern a candidate.
  const char* setting = std::getenv("CROSSCHECK_PREFILTER");
  if (!(setting != nullptr && std::string_view(setting) == "0") && !patterns.empty()) {
    focus->prefilter_ = std::make_unique<PatternPrefilter>(patterns);
  }
  return focus;
}

Extraction Extractor::Extract(const Document& doc, const ExtractOptions& options) const {
  Extraction out;
  DocumentExtraction(doc, *templates_, tagger_, attribution_, *dates_, *prefilter_, prefilter_enabled_, first_pattern_,
                     options, &out).Run();
  return out;
}

}  // namespace crosscheck::extract
