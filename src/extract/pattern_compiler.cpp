#include "extract/pattern_compiler.h"

#include <re2/re2.h>

#include <cctype>
#include <mutex>

#include "util/toml_document.h"

namespace crosscheck::extract {

struct CompiledPattern::Prefixes {
  std::vector<std::string> regexes;
  std::once_flag once;
  std::vector<std::shared_ptr<const re2::RE2>> compiled;
};

namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 || c == '\'' ||
         c == '-' || c == '.' || c == '&' || c == '/';
}
bool IsAsciiWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsPunct(char c) { return c == ',' || c == ';' || c == ':' || c == '"' || c == '!' || c == '?'; }

class Compiler {
 public:
  Compiler(const PatternSpec& pattern, const ClaimTemplate& tmpl, const TypeRegistry& types)
      : text_(pattern.text), spec_(pattern), tmpl_(tmpl), types_(types) {}

  Result<CompiledPattern> Run() {
    if (text_.size() > kMaxPatternChars) {
      return Error(0, "pattern is " + std::to_string(text_.size()) + " characters long; the limit is " +
                          std::to_string(kMaxPatternChars));
    }
    std::string body;
    std::string loose;
    if (!Sequence(&body, &loose, /*depth=*/0)) return error_;
    if (pos_ < text_.size()) {
      return Error(pos_, std::string("unexpected '") + text_[pos_] + "'" +
                             (text_[pos_] == ')' || text_[pos_] == ']' ? " without a matching opening bracket" : ""));
    }
    if (out_.words.empty() && !has_anchor_slot_) {
      return Error(0, "pattern has no literal word; it would match any sentence naming a " +
                          std::string("person or place, so at least one word is required"));
    }
    if (tmpl_.value_type != "event" && !has_value_) {
      return Error(0, "pattern has no {value} slot, but the template's value type is '" + tmpl_.value_type + "'");
    }
    out_.source = text_;
    out_.regex = body;
    out_.prefilter_regex = std::move(loose);
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    auto re = std::make_shared<RE2>(body, options);
    if (!re->ok()) return Error(0, "pattern does not compile: " + re->error());
    if (re->ProgramSize() > kMaxProgramSize) {
      return Error(0, "pattern is too large once its slots are expanded (" + std::to_string(re->ProgramSize()) +
                          " instructions; the limit is " + std::to_string(kMaxProgramSize) + ")");
    }
    out_.re = std::move(re);
    // Prefix regexes for near misses, compiled when first asked for.
    out_.lazy_prefixes = std::make_shared<CompiledPattern::Prefixes>();
    for (const TopElement& e : top_elements_) {
      out_.element_texts.push_back(e.source);
      out_.element_has_word.push_back(e.has_word);
      out_.lazy_prefixes->regexes.push_back(e.regex_so_far);
    }
    return std::move(out_);
  }

 private:
  Status Error(size_t offset, const std::string& message) {
    uint32_t line = spec_.pos.line;
    uint32_t column = spec_.pos.column;
    for (size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    error_ = Status::InvalidInput(spec_.pos.file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                                  message);
    return error_;
  }

  void SkipSpaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  // sequence := element* ; stops at '|', ')', ']' or the end. `loose` gets
  // the prefilter's regex: the same, with slots and gaps loosened.
  bool Sequence(std::string* out, std::string* loose, int depth) {
    bool first = true;
    bool last_was_gap = false;
    const size_t start = pos_;
    // Optional elements at the end of the pattern prove nothing to the
    // prefilter (it needs no more than the match's start), so it drops them.
    size_t loose_needed = loose->size();
    for (;;) {
      SkipSpaces();
      if (pos_ >= text_.size()) break;
      const char c = text_[pos_];
      if (c == '|' || c == ')' || c == ']') {
        if (depth == 0) {
          Error(pos_, std::string("unexpected '") + c + "' outside brackets");
          return false;
        }
        break;
      }
      const size_t element_pos = pos_;
      std::string element;
      std::string loose_element;  // stays empty when the same as `element`
      bool optional = false;
      bool gap = false;
      bool attach = false;  // glued to the previous element ('s)
      if (c == '^') {
        // Clause start: the sentence start, after , ; : ( or a conjunction.
        ++pos_;
        element = "(?:^|[,;:(]\\s*|\\b(?i:that|when|after|before|as|and|but|because|since|until|while|once|where|says|said)\\s+)";
        attach = true;
      } else if (text_.compare(pos_, 3, "...") == 0) {
        if (first) {
          Error(pos_, "a pattern or alternative cannot start with a gap '...'");
          return false;
        }
        if (last_was_gap) {
          Error(pos_, "two gaps in a row");
          return false;
        }
        pos_ += 3;
        // Punctuation glued to the word before may open or close the gap: "Ever Given, which weighs".
        element = "(?:[^\\s\\w]*\\s+\\S+){0," + std::to_string(tmpl_.max_gap_words) + "}?[^\\s\\w]*";
        loose_element = "(?s:.*)";
        gap = true;
      } else if (c == '(' || c == '[') {
        ++pos_;
        if (!Group(&element, &loose_element, depth + 1, c == '(' ? ')' : ']', element_pos)) return false;
        optional = c == '[';
      } else if (c == '{') {
        if (!Slot(&element, &loose_element)) return false;
      } else if (c == '}') {
        Error(pos_, "unexpected '}' without an opening '{'");
        return false;
      } else if (IsPunct(c)) {
        element = RE2::QuoteMeta(std::string(1, c));
        ++pos_;
      } else if (c == '*') {
        Error(pos_, "'*' must follow a word, as in meet* (a word by its start)");
        return false;
      } else if (IsWordChar(c)) {
        attach = c == '\'';
        Word(&element);
      } else {
        Error(pos_, std::string("unexpected character '") + c + "'; expected a word, {slot}, (group), [option], ... or punctuation");
        return false;
      }
      const std::string separator = first || attach || gap ? "" : "\\s*";
      if (loose_element.empty()) loose_element = element;
      if (optional) {
        *out += "(?:" + separator + element + ")?";
        *loose += "(?:" + separator + loose_element + ")?";
      } else {
        *out += separator + element;
        *loose += separator + loose_element;
        loose_needed = loose->size();
      }
      if (depth == 0) {
        std::string source = text_.substr(element_pos, pos_ - element_pos);
        while (!source.empty() && source.back() == ' ') source.pop_back();
        // An optional element proves nothing when it matched: it may have matched nothing.
        top_elements_.push_back({source, *out, !optional && out_.words.size() > words_before_});
        words_before_ = out_.words.size();
      }
      first = false;
      last_was_gap = gap;
    }
    if (last_was_gap) {
      Error(pos_ > 3 ? pos_ - 3 : 0, "a pattern or alternative cannot end with a gap '...'");
      return false;
    }
    if (depth == 0) loose->resize(loose_needed);
    if (pos_ == start || first) {
      if (depth > 0) {
        Error(start, "empty alternative");
        return false;
      }
    }
    return true;
  }

  bool Group(std::string* out, std::string* loose, int depth, char close, size_t open_pos) {
    if (depth > 8) {
      Error(open_pos, "brackets nested more than 8 deep");
      return false;
    }
    std::string alternatives;
    std::string loose_alternatives;
    for (;;) {
      std::string alt;
      std::string loose_alt;
      if (!Sequence(&alt, &loose_alt, depth)) return false;
      loose_alternatives += (alternatives.empty() ? "" : "|") + loose_alt;
      alternatives += (alternatives.empty() ? "" : "|") + alt;
      SkipSpaces();
      if (pos_ >= text_.size()) {
        Error(open_pos, std::string("unclosed '") + text_[open_pos] + "'; expected '" + close + "'");
        return false;
      }
      if (text_[pos_] == '|') {
        ++pos_;
        continue;
      }
      if (text_[pos_] != close) {
        Error(pos_, std::string("expected '") + close + "' to close the bracket opened at column " +
                        std::to_string(spec_.pos.column + open_pos) + ", found '" + text_[pos_] + "'");
        return false;
      }
      ++pos_;
      break;
    }
    *out = "(?:" + alternatives + ")";
    *loose = "(?:" + loose_alternatives + ")";
    return true;
  }

  void Word(std::string* out) {
    size_t start = pos_;
    while (pos_ < text_.size() && IsWordChar(text_[pos_])) ++pos_;
    std::string word = text_.substr(start, pos_ - start);
    bool prefix = pos_ < text_.size() && text_[pos_] == '*';
    if (prefix) ++pos_;
    out_.words.push_back(word);
    std::string re = "(?i:";
    if (IsAsciiWordChar(word.front())) re += "\\b";
    std::string quoted = RE2::QuoteMeta(word);
    // An apostrophe in a pattern matches any apostrophe left after normalisation.
    re += quoted;
    if (prefix) {
      re += "\\w*";
    } else if (IsAsciiWordChar(word.back())) {
      re += "\\b";
    }
    re += ")";
    *out = re;
  }

  bool Slot(std::string* out, std::string* loose) {
    const size_t open = pos_;
    size_t close = text_.find('}', pos_);
    if (close == std::string::npos) {
      Error(open, "unclosed '{'; expected '}' to end the slot");
      return false;
    }
    std::string inside = text_.substr(pos_ + 1, close - pos_ - 1);
    pos_ = close + 1;
    std::string role = inside;
    std::string type_name;
    size_t colon = inside.find(':');
    if (colon != std::string::npos) {
      role = inside.substr(0, colon);
      type_name = inside.substr(colon + 1);
    }
    auto trim = [](std::string& s) {
      while (!s.empty() && s.front() == ' ') s.erase(s.begin());
      while (!s.empty() && s.back() == ' ') s.pop_back();
    };
    trim(role);
    trim(type_name);
    if (role.empty()) {
      Error(open + 1, "slot without a role name; write {value} or {role:type}");
      return false;
    }
    for (char ch : role) {
      if (!(IsAsciiWordChar(ch))) {
        Error(open + 1, "slot role '" + role + "' may only use letters, digits and '_'");
        return false;
      }
    }
    SlotBinding binding;
    binding.role = role;
    bool single = false;  // the role takes one filler: match one entity, not a list
    if (role == "value") {
      if (tmpl_.value_type == "event") {
        Error(open, "{value} slot in a template whose value type is 'event' (events have no value slot)");
        return false;
      }
      binding.is_value = true;
      if (type_name.empty()) type_name = tmpl_.value_type;
      has_value_ = true;
    } else {
      const RoleSpec* spec = tmpl_.FindRole(role);
      if (spec == nullptr) {
        std::vector<std::string> names = {"value"};
        for (const RoleSpec& r : tmpl_.roles) names.push_back(r.name);
        std::string suggestion = util::ClosestWord(role, names);
        Error(open + 1, "unknown role '" + role + "'" +
                            (suggestion.empty() ? "; declare it under [roles] or use {value}"
                                                : "; did you mean '" + suggestion + "'?"));
        return false;
      }
      if (type_name.empty()) type_name = spec->type;
      single = spec->max == 1;
    }
    binding.type = types_.Find(type_name);
    if (binding.type == nullptr) {
      std::vector<std::string> names = types_.Names();
      std::string suggestion = util::ClosestWord(type_name, names);
      std::string message = "unknown slot type '" + type_name + "'";
      if (!suggestion.empty()) {
        message += "; did you mean '" + suggestion + "'?";
      } else {
        message += "; expected one of:";
        for (size_t i = 0; i < names.size(); ++i) message += (i ? ", " : " ") + names[i];
      }
      Error(colon == std::string::npos ? open + 1 : open + 1 + colon + 1, message);
      return false;
    }
    if (!binding.is_value && !binding.type->names_entities()) {
      Error(open + 1, "role '" + role + "' has type '" + type_name +
                          "', which names no entity; roles take person, organisation, actor or place");
      return false;
    }
    has_anchor_slot_ = has_anchor_slot_ || binding.type->anchors_pattern();
    out_.slots.push_back(binding);
    *out = "(" + (single ? binding.type->single_regex() : binding.type->regex()) + ")";
    *loose = "(?:" + binding.type->prefilter_regex() + ")";
    return true;
  }

  struct TopElement {
    std::string source;        // the element as written
    std::string regex_so_far;  // the pattern's regex up to and including it
    bool has_word;             // the element contains a literal word
  };

  std::string text_;
  std::vector<TopElement> top_elements_;
  size_t words_before_ = 0;
  const PatternSpec& spec_;
  const ClaimTemplate& tmpl_;
  const TypeRegistry& types_;
  size_t pos_ = 0;
  bool has_value_ = false;
  bool has_anchor_slot_ = false;  // a slot whose words identify the claim ({value:title})
  CompiledPattern out_;
  Status error_;
};

}  // namespace

Result<CompiledPattern> CompilePattern(const PatternSpec& pattern, const ClaimTemplate& tmpl, const TypeRegistry& types) {
  return Compiler(pattern, tmpl, types).Run();
}

const std::vector<std::shared_ptr<const re2::RE2>>& CompiledPattern::prefixes() const {
  static const std::vector<std::shared_ptr<const re2::RE2>> kNone;
  if (lazy_prefixes == nullptr) return kNone;
  Prefixes& p = *lazy_prefixes;
  // Their capturing groups cost nothing: only the match's extent is asked
  // for, which RE2 finds with its DFA.
  std::call_once(p.once, [&p] {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    for (const std::string& text : p.regexes) {
      auto prefix = std::make_shared<RE2>(text, options);
      p.compiled.push_back(prefix->ok() ? std::move(prefix) : nullptr);
    }
  });
  return p.compiled;
}

}  // namespace crosscheck::extract
