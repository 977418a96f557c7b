#include "crosscheck/engine.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "extractor_fingerprint.h"
#include "pipeline/engine_impl.h"
#include "util/content_hash.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> IdentifyingParticipants(const Claim& claim, const extract::ClaimTemplate& spec) {
  std::set<std::string> names;
  for (const RoleFiller& f : claim.roles) {
    const extract::RoleSpec* role = spec.FindRole(f.role);
    if (role != nullptr && !role->identifies) continue;
    names.insert(f.entity);
  }
  return {names.begin(), names.end()};
}

std::string Describe(const Claim& c, const std::vector<std::string>& participants) {
  std::string s = "value " + c.value.display + ", participants [";
  for (size_t i = 0; i < participants.size(); ++i) s += (i ? ", " : "") + participants[i];
  s += "], " + std::string(ModalityName(c.modality));
  return s;
}

}  // namespace

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Load(const EngineOptions& options, std::vector<Diagnostic>* notices) {
  auto impl = std::make_unique<Impl>();
  auto knowledge = knowledge::KnowledgeBase::Load(options.knowledge_dirs);
  if (!knowledge.ok()) return knowledge.status();
  impl->knowledge = std::move(knowledge).value();
  impl->resolver = std::make_unique<extract::EntityResolver>(impl->knowledge);
  auto templates = extract::TemplateSet::Load(options.template_dirs, *impl->resolver, notices);
  if (!templates.ok()) return templates.status();
  impl->templates = std::move(templates).value();
  auto boilerplate = ingest::BoilerplateFilter::Create(impl->knowledge);
  if (!boilerplate.ok()) return boilerplate.status();
  impl->boilerplate = std::move(boilerplate).value();
  impl->loader = std::make_unique<ingest::DocumentLoader>(*impl->boilerplate);
  impl->extractor = std::make_unique<extract::Extractor>(*impl->templates);
  util::Sha256 fingerprint;
  // The extraction code itself: a store never reuses claims made by other code.
  fingerprint.Update(kExtractorSourceFingerprint);
  fingerprint.Update(impl->templates->fingerprint());
  fingerprint.Update(impl->knowledge.fingerprint());
  impl->fingerprint = fingerprint.HexDigest();
  util::Sha256 base;
  base.Update(kExtractorSourceFingerprint);
  base.Update("\n");
  base.Update(impl->knowledge.fingerprint());
  impl->base_fingerprint = base.HexDigest();
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

Document Engine::Prepare(std::string bytes, DocumentSource source, bool html) const {
  return impl_->loader->FromBytes(std::move(bytes), std::move(source), html);
}

Result<Document> Engine::PrepareFile(const fs::path& path, DocumentSource source) const {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return impl_->loader->Load({path, source.path, ext == ".html" || ext == ".htm"}, std::move(source));
}

ExtractionResult Engine::Extract(const Document& document, bool near_misses, const std::string& only_template) const {
  extract::Extraction e = impl_->extractor->Extract(document, {near_misses, only_template});
  ExtractionResult out;
  out.claims = std::move(e.claims);
  for (const auto& m : e.near_misses) out.near_misses.push_back({m.sentence, m.template_id, m.pattern, m.reason});
  for (const auto& m : e.mentions) {
    out.mentions.push_back({m.sentence, m.entity.mention, m.entity.canonical, m.entity.kind, m.entity.known});
  }
  return out;
}

std::vector<TemplateInfo> Engine::Templates() const {
  std::vector<TemplateInfo> out;
  for (const auto& t : impl_->templates->templates()) {
    out.push_back({t.spec.id, t.spec.file, t.spec.subject_kind, t.spec.value_type, t.spec.description,
                   t.spec.patterns.size(), t.spec.examples.size()});
  }
  std::sort(out.begin(), out.end(), [](const TemplateInfo& a, const TemplateInfo& b) { return a.id < b.id; });
  return out;
}

std::vector<TypeInfo> Engine::Types() const {
  std::vector<TypeInfo> out;
  const extract::TypeRegistry& types = impl_->templates->types();
  for (const std::string& name : types.Names()) out.push_back({name, types.Find(name)->Describe()});
  return out;
}

std::vector<ExampleResult> Engine::RunExamples(const std::string& only_template) const {
  std::vector<ExampleResult> results;
  for (const auto& t : impl_->templates->templates()) {
    if (!only_template.empty() && t.spec.id != only_template) continue;
    for (const extract::TemplateExample& example : t.spec.examples) {
      ExampleResult r;
      r.template_id = t.spec.id;
      r.where = example.pos.ToString();
      r.text = example.text;
      Document doc = Prepare(example.text, DocumentSource{"example", "example", "", example.published}, false);
      std::vector<Claim> claims = Extract(doc, false, t.spec.id).claims;
      if (!example.should_match) {
        r.expected = "no claim";
        r.passed = claims.empty();
        r.actual = claims.empty() ? "no claim" : Describe(claims.front(), IdentifyingParticipants(claims.front(), t.spec));
        results.push_back(std::move(r));
        continue;
      }
      r.expected = "a claim";
      if (!example.value.empty()) r.expected += ", value " + example.value;
      if (!example.participants.empty()) {
        r.expected += ", participants [";
        for (size_t i = 0; i < example.participants.size(); ++i) r.expected += (i ? ", " : "") + example.participants[i];
        r.expected += "]";
      }
      if (example.modality) r.expected += ", " + std::string(ModalityName(*example.modality));
      r.actual = "no claim";
      for (const Claim& c : claims) {
        const auto participants = IdentifyingParticipants(c, t.spec);
        const bool ok = (example.value.empty() || c.value.display == example.value) &&
                        (example.participants.empty() || participants == example.participants) &&
                        (!example.modality || c.modality == *example.modality);
        if (ok || r.actual == "no claim") r.actual = Describe(c, participants);
        if (ok) {
          r.passed = true;
          break;
        }
      }
      results.push_back(std::move(r));
    }
  }
  return results;
}

const std::string& Engine::fingerprint() const { return impl_->fingerprint; }
const std::string& Engine::templates_fingerprint() const { return impl_->templates->fingerprint(); }
const std::string& Engine::knowledge_fingerprint() const { return impl_->knowledge.fingerprint(); }

fs::path DefaultDataDir() {
  if (const char* env = std::getenv("CROSSCHECK_DATA_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "crosscheck";
    if (fs::is_directory(installed / "templates", ec)) return installed;
  }
  return CROSSCHECK_SOURCE_DIR;
}

}  // namespace crosscheck
