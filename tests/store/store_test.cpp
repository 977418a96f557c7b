// Tests for store/store: creating, opening, refusing, writing and reading back.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/claim.h"
#include "crosscheck/document.h"
#include "crosscheck/finding.h"
#include "store/store.h"
#include "test_support.h"
#include "util/content_hash.h"

namespace {

using crosscheck::ByteRange;
using crosscheck::Claim;
using crosscheck::ConflictStrength;
using crosscheck::Document;
using crosscheck::Finding;
using crosscheck::Interval;
using crosscheck::Modality;
using crosscheck::RoleFiller;
using crosscheck::Sentence;
using crosscheck::SourcedClaim;
using crosscheck::Status;
using crosscheck::ValueKind;
using crosscheck::Verdict;
using crosscheck::store::DocumentWrite;
using crosscheck::store::Store;
using crosscheck::testing::TempDir;

// A document whose text is its sentences joined by single spaces; the
// normalised text equals the original bytes, so both offset systems coincide.
Document MakeDocument(const std::string& path, const std::string& outlet, const std::vector<std::string>& sentences) {
  Document doc;
  doc.source.path = path;
  doc.source.outlet = outlet;
  doc.source.url = "https://example.org/" + path;
  doc.source.published = "2025-03-18";
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) doc.text += ' ';
    Sentence s;
    s.index = static_cast<uint32_t>(i);
    s.paragraph = static_cast<uint32_t>(i / 2);
    s.norm.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += sentences[i];
    s.norm.end = static_cast<uint32_t>(doc.text.size());
    s.raw = s.norm;
    doc.sentences.push_back(s);
  }
  doc.raw = doc.text;
  doc.map.AddIdentity(0, 0, static_cast<uint32_t>(doc.text.size()));
  doc.map.Finish(static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.raw.size()));
  doc.content_hash = crosscheck::util::Sha256Hex(doc.raw);
  return doc;
}

RoleFiller Person(const std::string& name, const std::string& role = "participants", uint32_t sentence = 0) {
  return RoleFiller{role, name, "person", name.substr(name.rfind(' ') + 1), "slot", sentence};
}

// A claim whose value is the first occurrence of `value_text` in sentence `sentence_index`.
Claim MakeClaim(const Document& doc, uint32_t sentence_index, const std::string& template_id,
                const std::string& value_text) {
  const Sentence& s = doc.sentences.at(sentence_index);
  const std::string evidence(doc.SentenceText(s));
  Claim c;
  c.template_id = template_id;
  c.subject_kind = "call";
  c.pattern = 2;
  c.sentence = sentence_index;
  c.sentence_raw = s.raw;
  c.match_raw = s.raw;
  c.evidence = evidence;
  const size_t at = evidence.find(value_text);
  REQUIRE(at != std::string::npos);
  c.value_in_evidence = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + value_text.size())};
  c.value_raw = {s.raw.begin + c.value_in_evidence.begin, s.raw.begin + c.value_in_evidence.end};
  c.value.text = value_text;
  c.roles = {Person("Donald Trump"), Person("Vladimir Putin")};
  return c;
}

Claim DurationClaim(const Document& doc, uint32_t sentence_index, const std::string& value_text, Interval interval,
                    const std::string& display) {
  Claim c = MakeClaim(doc, sentence_index, "call_duration", value_text);
  c.value.kind = ValueKind::kQuantity;
  c.value.type = "duration";
  c.value.unit = "min";
  c.value.interval = interval;
  c.value.display = display;
  return c;
}

std::unique_ptr<Store> OpenMemory() {
  auto opened = Store::OpenInMemory();
  REQUIRE(opened.ok());
  return std::move(opened).value();
}

int64_t Count(Store& store, const std::string& table) {
  return store.database().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// The sentences stored: each document's row of document_texts lists its
// sentences separated by ';'.
int64_t CountSentences(Store& store) {
  return store.database()
      .execAndGet("SELECT ifnull(sum(length(sentences) - length(replace(sentences, ';', '')) + (sentences != '')), 0) "
                  "FROM document_texts")
      .getInt64();
}

int64_t BeginRun(Store& store) {
  auto run = store.BeginRun("corpus", "tfp", "kfp");
  REQUIRE(run.ok());
  return *run;
}

void RequireSameClaim(const SourcedClaim& read, const Document& doc, const Claim& written) {
  INFO("claim " << written.template_id << " at " << written.match_raw.begin);
  CHECK(read.id > 0);
  CHECK(read.document_hash == doc.content_hash);
  CHECK(read.source.path == doc.source.path);
  CHECK(read.source.outlet == doc.source.outlet);
  CHECK(read.source.url == doc.source.url);
  CHECK(read.source.published == doc.source.published);
  const Claim& c = read.claim;
  CHECK(c.template_id == written.template_id);
  CHECK(c.subject_kind == written.subject_kind);
  CHECK(c.pattern == written.pattern);
  CHECK(c.value.kind == written.value.kind);
  CHECK(c.value.type == written.value.type);
  CHECK(c.value.unit == written.value.unit);
  if (written.value.kind == ValueKind::kQuantity || written.value.kind == ValueKind::kDate) {
    CHECK(c.value.interval == written.value.interval);
  }
  CHECK(c.value.id == written.value.id);
  CHECK(c.value.text == written.value.text);
  CHECK(c.value.display == written.value.display);
  CHECK(c.modality == written.modality);
  CHECK(c.modality_cue == written.modality_cue);
  CHECK(c.attribution == written.attribution);
  CHECK(c.time == written.time);
  CHECK(c.sentence == written.sentence);
  CHECK(c.sentence_raw == written.sentence_raw);
  CHECK(c.match_raw == written.match_raw);
  CHECK(c.value_raw == written.value_raw);
  CHECK(c.evidence == written.evidence);
  CHECK(c.value_in_evidence == written.value_in_evidence);
  REQUIRE(c.roles.size() == written.roles.size());
  for (size_t i = 0; i < c.roles.size(); ++i) {
    CHECK(c.roles[i].role == written.roles[i].role);
    CHECK(c.roles[i].entity == written.roles[i].entity);
    CHECK(c.roles[i].entity_kind == written.roles[i].entity_kind);
    CHECK(c.roles[i].mention == written.roles[i].mention);
    CHECK(c.roles[i].via == written.roles[i].via);
    CHECK(c.roles[i].sentence == written.roles[i].sentence);
  }
}

// Two documents of `run` with one duration claim each (a.txt 90 min, b.txt
// 60 min), written and read back: the claims the findings tests judge.
crosscheck::Result<std::vector<SourcedClaim>> WriteTwoDurations(Store& store, int64_t run) {
  const Document a = MakeDocument("a.txt", "A", {"The call lasted 90 minutes."});
  const Document b = MakeDocument("b.txt", "B", {"The call lasted an hour."});
  const std::vector<Claim> a_claims = {DurationClaim(a, 0, "90 minutes", Interval::Point(90), "90 min")};
  const std::vector<Claim> b_claims = {DurationClaim(b, 0, "an hour", Interval::Point(60), "60 min")};
  REQUIRE(store.WriteBatch(run, {DocumentWrite{&a, &a_claims, "fp"}, DocumentWrite{&b, &b_claims, "fp"}}).ok());
  auto loaded = store.LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 2);
  return loaded;
}

}  // namespace

TEST_CASE("An in-memory store is created with the current schema and foreign keys on", "[store]") {
  auto store = OpenMemory();
  SQLite::Database& db = store->database();
  CHECK(store->schema_version() == crosscheck::store::kSchemaVersion);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == crosscheck::store::kSchemaVersion);
  CHECK(db.execAndGet("PRAGMA application_id").getInt() == crosscheck::store::kApplicationId);
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  for (const char* table : {"runs", "documents", "document_sources", "document_texts", "removed_spans", "entities",
                            "claims", "claim_roles", "subjects", "subject_entities", "findings", "finding_claims",
                            "diagnostics"}) {
    INFO(table);
    CHECK(db.tableExists(table));
  }
}

TEST_CASE("A store on disk uses WAL, foreign keys, the schema version and the application id", "[store]") {
  TempDir dir;
  const auto path = dir / "nested-name with space.db";
  {
    auto opened = Store::Open(path);
    REQUIRE(opened.ok());
    SQLite::Database& db = (*opened)->database();
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == crosscheck::store::kSchemaVersion);
    CHECK(db.execAndGet("PRAGMA application_id").getInt() == crosscheck::store::kApplicationId);
    CHECK((*opened)->schema_version() == crosscheck::store::kSchemaVersion);
  }
  REQUIRE(std::filesystem::exists(path));

  // The header of the file itself says so, as seen by a plain connection.
  SQLite::Database plain(path.string(), SQLite::OPEN_READONLY);
  CHECK(plain.execAndGet("PRAGMA user_version").getInt() == crosscheck::store::kSchemaVersion);
  CHECK(plain.execAndGet("PRAGMA application_id").getInt() == 0x6363636b);
  CHECK(plain.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("Reopening a store keeps what was written", "[store]") {
  TempDir dir;
  const auto path = dir / "crosscheck.db";
  const Document doc = MakeDocument("a/bbc.txt", "BBC", {"The call lasted 90 minutes."});
  const std::vector<Claim> claims = {
      DurationClaim(doc, 0, "90 minutes", Interval::Point(90), "90 min")};
  int64_t run = 0;
  {
    auto opened = Store::Open(path);
    REQUIRE(opened.ok());
    run = BeginRun(**opened);
    REQUIRE((*opened)->WriteBatch(run, {DocumentWrite{&doc, &claims, "fp1"}}).ok());
    REQUIRE((*opened)->FinishRun(run, true, {}).ok());
  }
  auto reopened = Store::Open(path);
  REQUIRE(reopened.ok());
  auto found = (*reopened)->FindDocument(doc.content_hash);
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->extracted_with == "fp1");
  auto loaded = (*reopened)->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  RequireSameClaim(loaded->front(), doc, claims.front());
  CHECK((*reopened)->database().execAndGet("SELECT status FROM runs WHERE id = " + std::to_string(run)).getString() ==
        "completed");
}

TEST_CASE("A batch written is read back equal, field by field", "[store]") {
  auto store = OpenMemory();
  const int64_t run = BeginRun(*store);

  const Document bbc = MakeDocument("bbc/call.txt", "BBC",
                                    {"Trump and Putin spoke on Tuesday.",
                                     "The Kremlin said the call lasted over an hour.",
                                     "The call was not held in Riyadh, officials denied."});
  const Document cnn = MakeDocument("cnn/call.html", "CNN", {"The call between the two lasted 90 minutes."});

  std::vector<Claim> bbc_claims;
  {
    Claim over = DurationClaim(bbc, 1, "over an hour", Interval{60, Interval::kInfinity, true, true}, "> 60 min");
    over.modality = Modality::kHedged;
    over.modality_cue = "said";
    over.attribution = "Kremlin";
    over.time = "2025-03-18";
    over.roles.push_back(RoleFiller{"source", "Kremlin", "organisation", "The Kremlin", "sentence", 1});
    bbc_claims.push_back(over);

    Claim place = MakeClaim(bbc, 2, "call_place", "Riyadh");
    place.value.kind = ValueKind::kPlace;
    place.value.type = "place";
    place.value.id = "Riyadh";
    place.value.display = "Riyadh";
    place.modality = Modality::kNegated;
    place.modality_cue = "denied";
    place.roles = {Person("Donald Trump", "participants", 0), Person("Vladimir Putin", "participants", 0)};
    place.roles[0].via = "context";
    place.roles[1].via = "context";
    bbc_claims.push_back(place);

    Claim event = MakeClaim(bbc, 0, "call_happened", "spoke");
    event.value = crosscheck::Value{};
    event.value.kind = ValueKind::kEvent;
    event.value.type = "event";
    event.value.display = "happened";
    event.value_raw = {};
    event.value_in_evidence = {};
    event.match_raw = {bbc.sentences[0].raw.begin, bbc.sentences[0].raw.begin + 20};
    bbc_claims.push_back(event);
  }
  const std::vector<Claim> cnn_claims = {
      DurationClaim(cnn, 0, "90 minutes", Interval::Point(90), "90 min")};

  REQUIRE(store->WriteBatch(run, {DocumentWrite{&bbc, &bbc_claims, "fp"}, DocumentWrite{&cnn, &cnn_claims, "fp"}}).ok());

  auto loaded = store->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 4);
  // Ordered by document path, then offset.
  RequireSameClaim((*loaded)[0], bbc, bbc_claims[2]);  // sentence 0
  RequireSameClaim((*loaded)[1], bbc, bbc_claims[0]);  // sentence 1
  RequireSameClaim((*loaded)[2], bbc, bbc_claims[1]);  // sentence 2
  RequireSameClaim((*loaded)[3], cnn, cnn_claims[0]);

  auto sources = store->LoadSources(run);
  REQUIRE(sources.ok());
  REQUIRE(sources->size() == 2);
  CHECK((*sources)[0].path == "bbc/call.txt");
  CHECK((*sources)[0].outlet == "BBC");
  CHECK((*sources)[0].url == "https://example.org/bbc/call.txt");
  CHECK((*sources)[0].published == "2025-03-18");
  CHECK((*sources)[1].path == "cnn/call.html");

  CHECK(Count(*store, "documents") == 2);
  CHECK(Count(*store, "document_texts") == 2);
  CHECK(CountSentences(*store) == 4);
  CHECK(Count(*store, "claims") == 4);
  CHECK(Count(*store, "claim_roles") == 2 + 1 + 2 + 2 + 2);
  CHECK(Count(*store, "entities") == 3);  // Trump, Putin, Kremlin
}

TEST_CASE("Unbounded interval ends survive the round trip", "[store]") {
  auto store = OpenMemory();
  const int64_t run = BeginRun(*store);
  const Document doc = MakeDocument("x.txt", "X", {"It lasted at least 30 minutes.", "It ended before 2020-01-01."});
  Claim at_least = DurationClaim(doc, 0, "at least 30 minutes", Interval{30, Interval::kInfinity, false, true}, ">= 30 min");
  Claim before = MakeClaim(doc, 1, "call_date", "before 2020-01-01");
  before.value.kind = ValueKind::kDate;
  before.value.type = "date";
  before.value.interval = Interval{-Interval::kInfinity, 18262, true, true};
  before.value.display = "before 2020-01-01";
  const std::vector<Claim> claims = {at_least, before};
  REQUIRE(store->WriteBatch(run, {DocumentWrite{&doc, &claims, "fp"}}).ok());
  auto loaded = store->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 2);
  CHECK((*loaded)[0].claim.value.interval == at_least.value.interval);
  CHECK((*loaded)[1].claim.value.interval == before.value.interval);
  CHECK(store->database().execAndGet("SELECT count(*) FROM claims WHERE value_hi IS NULL").getInt() == 1);
  CHECK(store->database().execAndGet("SELECT count(*) FROM claims WHERE value_lo IS NULL").getInt() == 1);
}

TEST_CASE("Re-writing the same documents adds no rows", "[store]") {
  auto store = OpenMemory();
  const Document a = MakeDocument("a.txt", "A", {"The call lasted 90 minutes.", "Trump and Putin talked."});
  const Document b = MakeDocument("b.txt", "B", {"The call lasted an hour."});
  const std::vector<Claim> a_claims = {DurationClaim(a, 0, "90 minutes", Interval::Point(90), "90 min")};
  const std::vector<Claim> b_claims = {DurationClaim(b, 0, "an hour", Interval::Point(60), "60 min")};

  const char* tables[] = {"documents", "document_texts", "claims", "claim_roles", "entities", "document_sources"};
  auto counts = [&] {
    std::vector<int64_t> out;
    for (const char* t : tables) out.push_back(Count(*store, t));
    out.push_back(CountSentences(*store));
    return out;
  };

  const int64_t run1 = BeginRun(*store);
  REQUIRE(store->WriteBatch(run1, {DocumentWrite{&a, &a_claims, "fp"}, DocumentWrite{&b, &b_claims, "fp"}}).ok());
  const std::vector<int64_t> after_first = counts();
  CHECK(after_first == std::vector<int64_t>{2, 2, 2, 4, 2, 2, 3});

  SECTION("written again with the same claims") {
    const int64_t run2 = BeginRun(*store);
    REQUIRE(store->WriteBatch(run2, {DocumentWrite{&a, &a_claims, "fp"}, DocumentWrite{&b, &b_claims, "fp"}}).ok());
    CHECK(counts() == after_first);
    auto loaded = store->LoadClaims(run2);
    REQUIRE(loaded.ok());
    CHECK(loaded->size() == 2);
  }
  SECTION("recorded again as unchanged (no claims given)") {
    const int64_t run2 = BeginRun(*store);
    REQUIRE(store->WriteBatch(run2, {DocumentWrite{&a, nullptr, "fp"}, DocumentWrite{&b, nullptr, "fp"}}).ok());
    CHECK(counts() == after_first);
    auto loaded = store->LoadClaims(run2);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->size() == 2);
    RequireSameClaim((*loaded)[0], a, a_claims[0]);
    RequireSameClaim((*loaded)[1], b, b_claims[0]);
  }
  SECTION("the same claim twice in one extraction is kept once") {
    const std::vector<Claim> doubled = {a_claims[0], a_claims[0]};
    const int64_t run2 = BeginRun(*store);
    REQUIRE(store->WriteBatch(run2, {DocumentWrite{&a, &doubled, "fp"}}).ok());
    CHECK(counts() == after_first);
  }
}

TEST_CASE("A document whose extraction changed replaces its claims", "[store]") {
  auto store = OpenMemory();
  const Document doc = MakeDocument("a.txt", "A", {"The call lasted 90 minutes.", "They met in Riyadh."});
  const std::vector<Claim> old_claims = {
      DurationClaim(doc, 0, "90 minutes", Interval::Point(90), "90 min"),
      DurationClaim(doc, 1, "Riyadh", Interval::Point(1), "1 min")};  // a bad extraction, fixed below
  const int64_t run1 = BeginRun(*store);
  REQUIRE(store->WriteBatch(run1, {DocumentWrite{&doc, &old_claims, "templates-v1"}}).ok());
  REQUIRE(Count(*store, "claims") == 2);

  Claim place = MakeClaim(doc, 1, "call_place", "Riyadh");
  place.value.kind = ValueKind::kPlace;
  place.value.type = "place";
  place.value.id = "Riyadh";
  place.value.display = "Riyadh";
  place.roles = {Person("Donald Trump")};
  const std::vector<Claim> new_claims = {place};
  const int64_t run2 = BeginRun(*store);
  REQUIRE(store->WriteBatch(run2, {DocumentWrite{&doc, &new_claims, "templates-v2"}}).ok());

  auto found = store->FindDocument(doc.content_hash);
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->extracted_with == "templates-v2");
  auto loaded = store->LoadClaims(run2);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  RequireSameClaim(loaded->front(), doc, place);
  CHECK(Count(*store, "documents") == 1);
  CHECK(Count(*store, "document_texts") == 1);
  CHECK(CountSentences(*store) == 2);
  CHECK(Count(*store, "claims") == 1);
  CHECK(Count(*store, "claim_roles") == 1);
}

TEST_CASE("An edited file moves its path to the new content", "[store]") {
  auto store = OpenMemory();
  const Document before = MakeDocument("a.txt", "A", {"The call lasted 90 minutes."});
  const Document after = MakeDocument("a.txt", "A", {"The call lasted 80 minutes."});
  REQUIRE(before.content_hash != after.content_hash);
  const std::vector<Claim> before_claims = {DurationClaim(before, 0, "90 minutes", Interval::Point(90), "90 min")};
  const std::vector<Claim> after_claims = {DurationClaim(after, 0, "80 minutes", Interval::Point(80), "80 min")};
  const int64_t run1 = BeginRun(*store);
  REQUIRE(store->WriteBatch(run1, {DocumentWrite{&before, &before_claims, "fp"}}).ok());
  const int64_t run2 = BeginRun(*store);
  REQUIRE(store->WriteBatch(run2, {DocumentWrite{&after, &after_claims, "fp"}}).ok());

  auto loaded = store->LoadClaims(run2);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  CHECK(loaded->front().claim.value.display == "80 min");
  CHECK(loaded->front().document_hash == after.content_hash);
  CHECK(Count(*store, "document_sources") == 1);
  auto old_run = store->LoadClaims(run1);
  REQUIRE(old_run.ok());
  CHECK(old_run->empty());  // the path now belongs to run 2
}

TEST_CASE("A failed batch keeps none of its documents", "[store]") {
  auto store = OpenMemory();
  const Document a = MakeDocument("a.txt", "A", {"The call lasted 90 minutes."});
  const Document unknown = MakeDocument("b.txt", "B", {"Never stored."});
  const std::vector<Claim> a_claims = {DurationClaim(a, 0, "90 minutes", Interval::Point(90), "90 min")};
  const int64_t run = BeginRun(*store);
  // The second write claims the content is already stored, which it is not.
  const Status status = store->WriteBatch(run, {DocumentWrite{&a, &a_claims, "fp"}, DocumentWrite{&unknown, nullptr, "fp"}});
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("b.txt"));
  auto found = store->FindDocument(a.content_hash);
  REQUIRE(found.ok());
  CHECK_FALSE(found->has_value());
  CHECK(Count(*store, "documents") == 0);
  CHECK(Count(*store, "claims") == 0);
  CHECK(Count(*store, "document_sources") == 0);
}

TEST_CASE("Store: after a rolled-back batch, the next batch stores every role of its claims", "[store]") {
  auto store = OpenMemory();
  const int64_t run = BeginRun(*store);
  // The first batch inserts Trump and Putin as entities, then fails and rolls back.
  const Document a = MakeDocument("a.txt", "A", {"The call lasted 90 minutes."});
  const Document unknown = MakeDocument("b.txt", "B", {"Never stored."});
  const std::vector<Claim> a_claims = {DurationClaim(a, 0, "90 minutes", Interval::Point(90), "90 min")};
  REQUIRE(a_claims[0].roles.size() == 2);
  const Status failed =
      store->WriteBatch(run, {DocumentWrite{&a, &a_claims, "fp"}, DocumentWrite{&unknown, nullptr, "fp"}});
  REQUIRE_FALSE(failed.ok());
  REQUIRE(Count(*store, "entities") == 0);

  // The next batch names the same two entities: both roles are stored.
  const Document c = MakeDocument("c.txt", "C", {"The call lasted an hour."});
  const std::vector<Claim> c_claims = {DurationClaim(c, 0, "an hour", Interval::Point(60), "60 min")};
  const Status written = store->WriteBatch(run, {DocumentWrite{&c, &c_claims, "fp"}});
  INFO(written.message());
  REQUIRE(written.ok());
  CHECK(Count(*store, "entities") == 2);
  CHECK(Count(*store, "claim_roles") == 2);
  auto loaded = store->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  RequireSameClaim(loaded->front(), c, c_claims[0]);
  REQUIRE(loaded->front().claim.roles.size() == 2);
  CHECK(loaded->front().claim.roles[0].entity == "Donald Trump");
  CHECK(loaded->front().claim.roles[1].entity == "Vladimir Putin");
}

TEST_CASE("Store: a claim naming a sentence the document does not have is an internal error, not a throw", "[store]") {
  auto store = OpenMemory();
  const int64_t run = BeginRun(*store);
  const Document doc = MakeDocument("a.txt", "A", {"The call lasted 90 minutes."});
  Claim bad = DurationClaim(doc, 0, "90 minutes", Interval::Point(90), "90 min");
  bad.sentence = 5;  // the document has one sentence
  const std::vector<Claim> claims = {bad};
  Status status;
  REQUIRE_NOTHROW(status = store->WriteBatch(run, {DocumentWrite{&doc, &claims, "fp"}}));
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == Status::Code::kInternal);
  CHECK_THAT(status.message(), Catch::Contains("a.txt"));
  // Nothing of the batch was kept.
  CHECK(Count(*store, "documents") == 0);
  CHECK(Count(*store, "claims") == 0);
}

TEST_CASE("A database holding other tables is refused", "[store]") {
  TempDir dir;
  const auto path = dir / "other.db";
  {
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x')");
  }
  auto opened = Store::Open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == Status::Code::kStoreCorrupt);
  CHECK_THAT(opened.status().message(), Catch::Contains("not a crosscheck store"));
  CHECK_THAT(opened.status().message(), Catch::Contains(path.generic_string()));

  // The other database is left as it was.
  SQLite::Database check(path.string(), SQLite::OPEN_READONLY);
  CHECK(check.execAndGet("SELECT count(*) FROM customers").getInt() == 1);
  CHECK_FALSE(check.tableExists("claims"));
  CHECK(check.execAndGet("PRAGMA application_id").getInt() == 0);
  CHECK(check.execAndGet("PRAGMA user_version").getInt() == 0);
}

TEST_CASE("A file that is not a database is refused as corrupt", "[store]") {
  TempDir dir;
  const auto path = dir.Write("notes.db", std::string(4096, 'x'));
  auto opened = Store::Open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == Status::Code::kStoreCorrupt);
  CHECK(crosscheck::testing::ReadFile(path) == std::string(4096, 'x'));
}

TEST_CASE("A store written by a newer crosscheck is refused, naming both versions", "[store]") {
  TempDir dir;
  const auto path = dir / "crosscheck.db";
  REQUIRE(Store::Open(path).ok());
  const int newer = crosscheck::store::kSchemaVersion + 1;
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  auto opened = Store::Open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == Status::Code::kStoreCorrupt);
  const std::string& message = opened.status().message();
  CHECK_THAT(message, Catch::Contains("schema version " + std::to_string(newer)));
  CHECK_THAT(message, Catch::Contains("up to " + std::to_string(crosscheck::store::kSchemaVersion)));
  // Nothing was changed.
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == newer);
}

TEST_CASE("ReplaceFindings replaces the findings of the previous run", "[store]") {
  auto store = OpenMemory();
  const int64_t run1 = BeginRun(*store);
  auto loaded = WriteTwoDurations(*store, run1);

  auto finding = [&](const std::string& kind, Verdict verdict, std::vector<SourcedClaim> claims) {
    Finding f;
    f.template_id = "call_duration";
    f.subject.kind = kind;
    f.subject.id = kind + ":donald-trump+vladimir-putin";
    f.subject.label = kind + " between Donald Trump and Vladimir Putin";
    f.subject.participants = {"Donald Trump", "Vladimir Putin"};
    f.id = f.template_id + "/" + f.subject.id;
    f.verdict = verdict;
    f.reason = "reason";
    f.outlets = claims.size();
    f.claims = std::move(claims);
    return f;
  };
  REQUIRE(store->ReplaceFindings(run1, {finding("call", Verdict::kConflict, *loaded),
                                        finding("meeting", Verdict::kSingleSource, {(*loaded)[0]})}).ok());
  CHECK(Count(*store, "findings") == 2);
  CHECK(Count(*store, "subjects") == 2);
  CHECK(Count(*store, "finding_claims") == 3);
  CHECK(Count(*store, "subject_entities") == 4);

  const int64_t run2 = BeginRun(*store);
  REQUIRE(store->ReplaceFindings(run2, {finding("call", Verdict::kAgree, {(*loaded)[1]})}).ok());
  CHECK(Count(*store, "findings") == 1);
  CHECK(Count(*store, "subjects") == 1);
  CHECK(Count(*store, "finding_claims") == 1);
  CHECK(Count(*store, "subject_entities") == 2);
  SQLite::Statement st(store->database(), "SELECT id, run_id, verdict, outlets FROM findings");
  REQUIRE(st.executeStep());
  CHECK(st.getColumn(0).getString() == "call_duration/call:donald-trump+vladimir-putin");
  CHECK(st.getColumn(1).getInt64() == run2);
  CHECK(st.getColumn(2).getString() == "agree");
  CHECK(st.getColumn(3).getInt() == 1);

  REQUIRE(store->ReplaceFindings(run2, {}).ok());
  CHECK(Count(*store, "findings") == 0);
  CHECK(Count(*store, "subjects") == 0);
  CHECK(Count(*store, "finding_claims") == 0);
}

TEST_CASE("ReplaceFindings stores the claim row ids it is given in place of the findings' own", "[store]") {
  auto store = OpenMemory();
  const int64_t run = BeginRun(*store);
  auto loaded = WriteTwoDurations(*store, run);
  Finding f;
  f.template_id = "call_duration";
  f.subject = {"call:x", "call", "a call", {}, ""};
  f.id = "call_duration/call:x";
  f.claim_ids = {900001, 900002, 900003};  // the report's spool keys, say: not stored
  const std::vector<std::vector<int64_t>> row_ids = {{(*loaded)[1].id, (*loaded)[0].id}};
  REQUIRE(store->ReplaceFindings(run, {f}, &row_ids).ok());
  SQLite::Statement st(store->database(), "SELECT claim_id FROM finding_claims ORDER BY ordinal");
  std::vector<int64_t> stored;
  while (st.executeStep()) stored.push_back(st.getColumn(0).getInt64());
  CHECK(stored == row_ids[0]);
  const std::vector<std::vector<int64_t>> too_few;
  CHECK_FALSE(store->ReplaceFindings(run, {f}, &too_few).ok());
}

TEST_CASE("Article text with quotes, semicolons and SQL is stored verbatim", "[store]") {
  auto store = OpenMemory();
  const std::string hostile =
      "Robert'); DROP TABLE claims; -- said \"the call\" lasted 90 minutes; SELECT * FROM documents WHERE 'a'='a'";
  const std::string quote_outlet = "O'Brien \"Daily\"; DELETE FROM runs; --";
  Document doc = MakeDocument("it's; DROP TABLE documents; --.txt", quote_outlet, {hostile});
  doc.source.url = "https://example.org/?q=';--";
  Claim c = DurationClaim(doc, 0, "90 minutes", Interval::Point(90), "90 min");
  c.attribution = "O'Neil; DROP TABLE entities";
  c.modality_cue = "'maybe'";
  c.roles = {RoleFiller{"participants", "Robert'); DROP TABLE entities; --", "person", "Bobby \"Tables\"", "slot", 0}};
  const std::vector<Claim> claims = {c};
  const int64_t run = BeginRun(*store);
  REQUIRE(store->WriteBatch(run, {DocumentWrite{&doc, &claims, "fp'; --"}}).ok());

  const crosscheck::Diagnostic diagnostic{crosscheck::Diagnostic::Severity::kWarning, "x'; DROP TABLE diagnostics; --", 3,
                                          "message with 'quotes'; and \"more\""};
  REQUIRE(store->AddDiagnostics(run, {diagnostic}).ok());

  for (const char* table : {"claims", "documents", "entities", "runs", "diagnostics"}) {
    INFO(table);
    CHECK(store->database().tableExists(table));
  }
  auto loaded = store->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  RequireSameClaim(loaded->front(), doc, c);
  CHECK(loaded->front().claim.evidence == hostile);
  CHECK(store->database().execAndGet("SELECT text FROM document_texts").getString() == hostile);
  CHECK(store->database().execAndGet("SELECT sentence_text FROM claims").getString() == hostile);
  CHECK(store->database().execAndGet("SELECT typeof(sentence_text) FROM claims").getString() == "text");
  auto sentences = store->DocumentSentences(doc.source.path);
  REQUIRE(sentences.ok());
  CHECK(*sentences == std::vector<std::string>{hostile});
  auto found = store->FindDocument(doc.content_hash);
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->extracted_with == "fp'; --");
  SQLite::Statement st(store->database(), "SELECT path, message FROM diagnostics");
  REQUIRE(st.executeStep());
  CHECK(st.getColumn(0).getString() == diagnostic.path);
  CHECK(st.getColumn(1).getString() == diagnostic.message);
}

TEST_CASE("Runs are recorded with their counts", "[store]") {
  auto store = OpenMemory();
  const int64_t first = BeginRun(*store);
  const int64_t second = BeginRun(*store);
  CHECK(second > first);
  crosscheck::store::RunCounts counts;
  counts.documents = 5;
  counts.documents_extracted = 3;
  counts.documents_skipped = 1;
  counts.claims = 7;
  counts.findings = 2;
  REQUIRE(store->FinishRun(first, false, counts).ok());
  REQUIRE(store->FinishRun(second, true, counts).ok());
  SQLite::Statement st(store->database(),
                       "SELECT status, documents, documents_extracted, documents_skipped, claims, findings, "
                       "finished_at IS NOT NULL, corpus FROM runs ORDER BY id");
  REQUIRE(st.executeStep());
  CHECK(st.getColumn(0).getString() == "failed");
  REQUIRE(st.executeStep());
  CHECK(st.getColumn(0).getString() == "completed");
  CHECK(st.getColumn(1).getInt() == 5);
  CHECK(st.getColumn(2).getInt() == 3);
  CHECK(st.getColumn(3).getInt() == 1);
  CHECK(st.getColumn(4).getInt() == 7);
  CHECK(st.getColumn(5).getInt() == 2);
  CHECK(st.getColumn(6).getInt() == 1);
  CHECK(st.getColumn(7).getString() == "corpus");
}

TEST_CASE("Identical content under two paths is read once, under the first path", "[store]") {
  auto store = OpenMemory();
  const Document first = MakeDocument("b/wire.txt", "B", {"The call lasted 90 minutes."});
  Document copy = first;
  copy.source.path = "a/wire.txt";
  copy.source.outlet = "A";
  REQUIRE(copy.content_hash == first.content_hash);
  const std::vector<Claim> claims = {DurationClaim(first, 0, "90 minutes", Interval::Point(90), "90 min")};
  const int64_t run = BeginRun(*store);
  REQUIRE(store->WriteBatch(run, {DocumentWrite{&first, &claims, "fp"}, DocumentWrite{&copy, nullptr, "fp"}}).ok());
  CHECK(Count(*store, "documents") == 1);
  CHECK(Count(*store, "document_sources") == 2);
  auto loaded = store->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  CHECK(loaded->front().source.path == "a/wire.txt");
  CHECK(loaded->front().source.outlet == "A");
  auto sources = store->LoadSources(run);
  REQUIRE(sources.ok());
  CHECK(sources->size() == 2);
}

TEST_CASE("ForEachDocumentText gives every path of the run in path order, sentences in order, copies included",
          "[store][sources]") {
  auto store = OpenMemory();
  const Document longer = MakeDocument("c/long.txt", "C", {"First sentence.", "Second sentence.", "Third sentence."});
  const Document shorter = MakeDocument("a/short.txt", "A", {"Only one."});
  const Document empty = MakeDocument("d/empty.txt", "D", {});
  Document copy = longer;
  copy.source.path = "b/copy.txt";
  copy.source.outlet = "B";
  const std::vector<Claim> none;
  const int64_t run = BeginRun(*store);
  REQUIRE(store->WriteBatch(run, {DocumentWrite{&longer, &none, "fp"}, DocumentWrite{&shorter, &none, "fp"},
                                  DocumentWrite{&empty, &none, "fp"}, DocumentWrite{&copy, nullptr, "fp"}})
              .ok());
  auto count = store->CountDocumentTexts(run);
  REQUIRE(count.ok());
  CHECK(*count == 4);
  std::vector<crosscheck::SourceText> seen;
  REQUIRE(store->ForEachDocumentText(run, [&](const crosscheck::SourceText& text) { seen.push_back(text); }).ok());
  REQUIRE(seen.size() == 4);
  CHECK(seen[0].source.path == "a/short.txt");
  CHECK(seen[0].source.outlet == "A");
  CHECK(seen[0].sentences == std::vector<std::string>{"Only one."});
  CHECK(seen[1].source.path == "b/copy.txt");
  CHECK(seen[1].source.outlet == "B");
  CHECK(seen[1].content_hash == longer.content_hash);
  CHECK(seen[1].sentences == std::vector<std::string>{"First sentence.", "Second sentence.", "Third sentence."});
  CHECK(seen[2].source.path == "c/long.txt");
  CHECK(seen[2].sentences == seen[1].sentences);
  // The text is refilled from one document to the next: nothing of the last one may stay.
  CHECK(seen[3].source.path == "d/empty.txt");
  CHECK(seen[3].content_hash == empty.content_hash);
  CHECK(seen[3].sentences.empty());
  // Another run sees none of them.
  size_t other = 0;
  REQUIRE(store->ForEachDocumentText(run + 1, [&](const crosscheck::SourceText&) { ++other; }).ok());
  CHECK(other == 0);
}

TEST_CASE("A finding is read back with everything needed to give it again without checking", "[store][recheck]") {
  auto store = OpenMemory();
  const int64_t run = BeginRun(*store);
  auto loaded = WriteTwoDurations(*store, run);

  Finding f;
  f.template_id = "call_duration";
  f.subject = {"call:x+y", "call", "call between X and Y", {}, "2025-02-11"};
  f.id = f.template_id + "/" + f.subject.id;
  f.verdict = Verdict::kConflict;
  f.strength = ConflictStrength::kWeak;
  f.reason = "90 min and 60 min differ; B hedges ('about')";
  f.outlets = 2;
  f.sources = 1;
  f.claims = {(*loaded)[1], (*loaded)[0]};  // the order given is the order kept
  f.self_contradictions = {{"b.txt", "B", "second"}, {"a.txt", "A", "first"}};
  f.input_hash = std::string(64, 'f');
  Finding derived = f;
  derived.id = "call_duration+war_start/call:x+y";
  derived.derived_from = "war_start";
  derived.input_hash.clear();
  derived.self_contradictions.clear();
  REQUIRE(store->ReplaceFindings(run, {f, derived}).ok());

  auto findings = store->LoadFindings();
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 2);
  const Finding& back = (*findings)[0].id == f.id ? (*findings)[0] : (*findings)[1];
  const Finding& back_derived = (*findings)[0].id == f.id ? (*findings)[1] : (*findings)[0];
  CHECK(back.verdict == Verdict::kConflict);
  CHECK(back.strength == ConflictStrength::kWeak);
  CHECK(back.reason == f.reason);
  CHECK(back.outlets == 2);
  CHECK(back.sources == 1);
  CHECK(back.derived_from.empty());
  CHECK(back.input_hash == f.input_hash);
  CHECK(back.subject.time == "2025-02-11");
  REQUIRE(back.claims.size() == 2);
  CHECK(back.claims[0].id == (*loaded)[1].id);
  CHECK(back.claims[1].id == (*loaded)[0].id);
  REQUIRE(back.self_contradictions.size() == 2);
  CHECK(back.self_contradictions[0].document == "b.txt");
  CHECK(back.self_contradictions[1].reason == "first");
  CHECK(back_derived.derived_from == "war_start");
  CHECK(back_derived.input_hash.empty());

  // Reused only once the run that made them has completed; derived findings never.
  auto stored = store->LoadStoredVerdicts();
  REQUIRE(stored.ok());
  CHECK(stored->empty());
  REQUIRE(store->FinishRun(run, true, {}).ok());
  stored = store->LoadStoredVerdicts();
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 1);
  const crosscheck::store::StoredVerdict& v = stored->at(f.id);
  CHECK(v.input_hash == f.input_hash);
  CHECK(v.verdict == Verdict::kConflict);
  CHECK(v.strength == ConflictStrength::kWeak);
  CHECK(v.reason == f.reason);
  CHECK(v.outlets == 2);
  CHECK(v.sources == 1);
  REQUIRE(v.self_contradictions.size() == 2);
  CHECK(v.self_contradictions[0].outlet == "B");

  // Self-contradictions the findings do not hold come from the caller, by finding.
  Finding spooled = f;
  spooled.self_contradictions.clear();
  std::vector<size_t> asked;
  REQUIRE(store
              ->ReplaceFindings(run, {spooled, derived}, nullptr,
                                [&](size_t i, std::vector<crosscheck::SelfContradiction>* out) {
                                  asked.push_back(i);
                                  if (i == 0) *out = f.self_contradictions;
                                  return crosscheck::Status::Ok();
                                })
              .ok());
  CHECK(asked == std::vector<size_t>{0, 1});
  stored = store->LoadStoredVerdicts();
  REQUIRE(stored.ok());
  REQUIRE(stored->at(f.id).self_contradictions.size() == 2);
  CHECK(stored->at(f.id).self_contradictions[1].reason == "first");
  // A spool that cannot be read stops the write.
  CHECK_FALSE(store
                  ->ReplaceFindings(run, {spooled}, nullptr,
                                    [](size_t, std::vector<crosscheck::SelfContradiction>*) {
                                      return crosscheck::Status::IoError("cannot read the temporary file");
                                    })
                  .ok());
  stored = store->LoadStoredVerdicts();  // and leaves what was there
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 1);
  CHECK(stored->at(f.id).self_contradictions.size() == 2);

  // A later run that replaced them and failed leaves nothing to reuse.
  const int64_t failed = BeginRun(*store);
  REQUIRE(store->ReplaceFindings(failed, {f}).ok());
  REQUIRE(store->FinishRun(failed, false, {}).ok());
  stored = store->LoadStoredVerdicts();
  REQUIRE(stored.ok());
  CHECK(stored->empty());
}

namespace {

// Two fields a reader of claims compares: everything LoadClaims reads, roles included.
void RequireSameRead(const SourcedClaim& a, const SourcedClaim& b) {
  CHECK(a.id == b.id);
  CHECK(a.document_hash == b.document_hash);
  CHECK(a.source.path == b.source.path);
  CHECK(a.source.outlet == b.source.outlet);
  CHECK(a.source.url == b.source.url);
  CHECK(a.claim.template_id == b.claim.template_id);
  CHECK(a.claim.value.display == b.claim.value.display);
  CHECK(a.claim.value.interval == b.claim.value.interval);
  CHECK(a.claim.modality == b.claim.modality);
  CHECK(a.claim.evidence == b.claim.evidence);
  CHECK(a.claim.match_raw == b.claim.match_raw);
  REQUIRE(a.claim.roles.size() == b.claim.roles.size());
  for (size_t i = 0; i < a.claim.roles.size(); ++i) {
    CHECK(a.claim.roles[i].role == b.claim.roles[i].role);
    CHECK(a.claim.roles[i].entity == b.claim.roles[i].entity);
    CHECK(a.claim.roles[i].via == b.claim.roles[i].via);
  }
}

// Two documents, three claims: one with a role, one without, one from a second outlet.
int64_t WriteCallClaims(Store& store) {
  const int64_t run = BeginRun(store);
  const Document bbc = MakeDocument("bbc/call.txt", "BBC",
                                    {"Trump and Putin spoke on Tuesday.", "The Kremlin said the call lasted over an hour."});
  const Document cnn = MakeDocument("cnn/call.html", "CNN", {"The call between the two lasted 90 minutes."});
  std::vector<Claim> bbc_claims = {
      DurationClaim(bbc, 1, "over an hour", Interval{60, Interval::kInfinity, true, true}, "> 60 min"),
      MakeClaim(bbc, 0, "call_happened", "spoke")};
  bbc_claims[0].roles.push_back(RoleFiller{"source", "Kremlin", "organisation", "The Kremlin", "sentence", 1});
  bbc_claims[1].roles.clear();  // a claim without roles between claims with them
  const std::vector<Claim> cnn_claims = {DurationClaim(cnn, 0, "90 minutes", Interval::Point(90), "90 min")};
  REQUIRE(store.WriteBatch(run, {DocumentWrite{&bbc, &bbc_claims, "fp"}, DocumentWrite{&cnn, &cnn_claims, "fp"}}).ok());
  return run;
}

}  // namespace

TEST_CASE("ForEachClaimToLink gives LoadClaims's claims of the templates, in its order, roles without mention, via or sentence",
          "[store]") {
  auto store = OpenMemory();
  const int64_t run = WriteCallClaims(*store);
  for (const std::vector<std::string>& templates :
       std::vector<std::vector<std::string>>{{"call_duration", "call_happened"}, {"call_duration"}, {"nothing"}}) {
    auto all = store->LoadClaims(run);
    REQUIRE(all.ok());
    std::vector<SourcedClaim> whole;
    for (SourcedClaim& c : *all) {
      if (std::find(templates.begin(), templates.end(), c.claim.template_id) != templates.end()) whole.push_back(c);
    }
    CHECK(whole.size() == (templates.size() == 2 ? 3u : templates[0] == "call_duration" ? 2u : 0u));
    std::vector<SourcedClaim> lean;
    REQUIRE(store->ForEachClaimToLink(run, templates, [&](SourcedClaim&& c) { lean.push_back(std::move(c)); }).ok());
    REQUIRE(lean.size() == whole.size());
    for (size_t i = 0; i < lean.size(); ++i) {
      CHECK(lean[i].id == whole[i].id);
      CHECK(lean[i].source.path == whole[i].source.path);
      CHECK(lean[i].claim.template_id == whole[i].claim.template_id);
      CHECK(lean[i].claim.evidence == whole[i].claim.evidence);
      REQUIRE(lean[i].claim.roles.size() == whole[i].claim.roles.size());
      for (size_t r = 0; r < lean[i].claim.roles.size(); ++r) {
        const RoleFiller& a = lean[i].claim.roles[r];
        const RoleFiller& b = whole[i].claim.roles[r];
        CHECK(a.role == b.role);
        CHECK(a.entity == b.entity);
        CHECK(a.entity_kind == b.entity_kind);
        CHECK(a.mention.empty());
        CHECK(a.via.empty());
      }
    }
  }
}

TEST_CASE("ForEachClaimList reads lists of claims as LoadClaims reads them, one list at a time, in any order",
          "[store]") {
  auto store = OpenMemory();
  const int64_t run = WriteCallClaims(*store);
  auto all = store->LoadClaims(run);
  REQUIRE(all.ok());
  REQUIRE(all->size() == 3);
  const std::vector<SourcedClaim>& c = *all;
  // Lists in any order of ids, one of them empty, one claim in two lists.
  const std::vector<std::vector<int64_t>> ids = {{c[2].id, c[0].id}, {}, {c[1].id}, {c[0].id, c[1].id, c[2].id}};
  std::vector<const std::vector<int64_t>*> lists;
  for (const auto& list : ids) lists.push_back(&list);
  const std::vector<std::vector<const SourcedClaim*>> expected = {{&c[2], &c[0]}, {}, {&c[1]}, {&c[0], &c[1], &c[2]}};

  for (const std::vector<size_t>& order : std::vector<std::vector<size_t>>{{0, 1, 2, 3}, {3, 0, 2, 1}, {2, 3, 0}}) {
    std::vector<size_t> seen;
    Status status = store->ForEachClaimList(run, lists, order, [&](size_t k, std::vector<SourcedClaim>&& claims) {
      seen.push_back(k);
      REQUIRE(claims.size() == expected[k].size());
      for (size_t i = 0; i < claims.size(); ++i) RequireSameRead(claims[i], *expected[k][i]);
      return true;
    });
    REQUIRE(status.ok());
    CHECK(seen == order);
  }

  SECTION("a visitor that returns false stops the reading") {
    size_t calls = 0;
    REQUIRE(store->ForEachClaimList(run, lists, {0, 1, 2, 3}, [&](size_t, std::vector<SourcedClaim>&&) {
                   ++calls;
                   return false;
                 }).ok());
    CHECK(calls == 1);
  }

  SECTION("a claim that is not of the run is an error, not a shorter list") {
    const std::vector<int64_t> bogus = {c[0].id, 999999};
    Status status = store->ForEachClaimList(run, {&bogus}, {0}, [](size_t, std::vector<SourcedClaim>&&) { return true; });
    CHECK(status.code() == Status::Code::kStoreError);
  }
}

// Claims and roles are written several to a statement with their ids given
// by the store: a claim left out as the same match twice takes none of the
// roles of the claims around it.
TEST_CASE("Many claims of one document, some the same match twice, keep their own roles", "[store]") {
  auto store = OpenMemory();
  std::vector<std::string> sentences;
  for (int k = 0; k < 40; ++k) sentences.push_back("Call " + std::to_string(k) + " lasted " + std::to_string(k + 1) + " minutes.");
  const Document doc = MakeDocument("many.txt", "M", sentences);
  std::vector<Claim> claims;
  for (uint32_t k = 0; k < 40; ++k) {
    Claim c = DurationClaim(doc, k, std::to_string(k + 1) + " minutes", Interval::Point(k + 1.0), std::to_string(k + 1) + " min");
    c.roles = {Person("Person " + std::to_string(k))};
    claims.push_back(c);
    if (k % 7 == 3) {
      Claim twice = c;
      twice.roles = {Person("Nobody " + std::to_string(k))};  // never stored: the first of the two is kept
      claims.push_back(twice);
    }
  }
  REQUIRE(claims.size() > 2 * 16);
  const int64_t run = BeginRun(*store);
  REQUIRE(store->WriteBatch(run, {DocumentWrite{&doc, &claims, "fp"}}).ok());
  CHECK(Count(*store, "claims") == 40);
  CHECK(Count(*store, "claim_roles") == 40);
  auto loaded = store->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 40);
  for (const SourcedClaim& sc : *loaded) {
    INFO(sc.claim.evidence);
    REQUIRE(sc.claim.roles.size() == 1);
    CHECK(sc.claim.roles[0].entity == "Person " + std::to_string(sc.claim.sentence));
    CHECK(sc.claim.evidence == sentences[sc.claim.sentence]);
  }
  // Written again: the claims are replaced, with new ids, and still keep their own roles.
  const int64_t run2 = BeginRun(*store);
  REQUIRE(store->WriteBatch(run2, {DocumentWrite{&doc, &claims, "fp2"}}).ok());
  CHECK(Count(*store, "claims") == 40);
  CHECK(Count(*store, "claim_roles") == 40);
  CHECK(store->database().execAndGet("SELECT count(*) FROM claim_roles r JOIN claims c ON c.id = r.claim_id "
                                     "JOIN entities e ON e.id = r.entity_id "
                                     "WHERE e.name = 'Person ' || c.sentence").getInt() == 40);
}

// claim_roles is keyed by (claim_id, ordinal) since version 8: the store, not
// the key, drops a claim's role and entity named twice, keeps the first, and
// numbers the rest in the claim's order (what every read gives them in).
TEST_CASE("A claim's role and entity named twice is stored once; its roles keep their order", "[store]") {
  auto store = OpenMemory();
  const Document doc = MakeDocument("twice.txt", "T", {"Trump called Putin for 20 minutes."});
  Claim c = DurationClaim(doc, 0, "20 minutes", Interval::Point(20.0), "20 min");
  RoleFiller again = Person("Donald Trump");
  again.via = "sentence";  // the same role and entity found again elsewhere: not a second row
  c.roles = {Person("Vladimir Putin"), Person("Donald Trump"), again, Person("Vladimir Putin", "host"),
             Person("Emmanuel Macron")};
  const std::vector<Claim> claims = {c};
  const int64_t run = BeginRun(*store);
  REQUIRE(store->WriteBatch(run, {DocumentWrite{&doc, &claims, "fp"}}).ok());
  CHECK(store->database().execAndGet("SELECT group_concat(r.ordinal || ':' || r.role || ':' || e.name || ':' || r.via, ' / ') "
                                     "FROM claim_roles r JOIN entities e ON e.id = r.entity_id").getString() ==
        "0:participants:Vladimir Putin:slot / 1:participants:Donald Trump:slot / 2:host:Vladimir Putin:slot / "
        "3:participants:Emmanuel Macron:slot");
  auto loaded = store->LoadClaims(run);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  std::vector<std::string> roles;
  for (const RoleFiller& f : (*loaded)[0].claim.roles) roles.push_back(f.role + ":" + f.entity);
  CHECK(roles == std::vector<std::string>{"participants:Vladimir Putin", "participants:Donald Trump",
                                          "host:Vladimir Putin", "participants:Emmanuel Macron"});
  const std::vector<int64_t> list = {(*loaded)[0].id};
  std::vector<std::string> listed;
  REQUIRE(store->ForEachClaimList(run, {&list}, {0}, [&](size_t, std::vector<SourcedClaim>&& got) {
    for (const RoleFiller& f : got.at(0).claim.roles) listed.push_back(f.role + ":" + f.entity);
    return true;
  }).ok());
  CHECK(listed == roles);
}

// Batches and findings are written with foreign keys off (each reference
// checked cost a seek; Store::StopKeyChecks): deleting claims must then do by
// hand what the keys cascaded to, and leave no row referring to a missing one.
TEST_CASE("Claims replaced in full, in part or for a removed template take their roles and findings' places with them",
          "[store]") {
  auto store = OpenMemory();
  SQLite::Database& db = store->database();
  const Document doc = MakeDocument("a.txt", "A", {"Trump called Putin for 90 minutes.", "They met in Riyadh for an hour."});
  Claim first = DurationClaim(doc, 0, "90 minutes", Interval::Point(90), "90 min");
  first.roles = {Person("Donald Trump"), Person("Vladimir Putin")};
  Claim second = DurationClaim(doc, 1, "an hour", Interval::Point(60), "60 min");
  second.template_id = "meeting_duration";
  second.roles = {Person("Donald Trump", "host", 1)};
  const std::vector<Claim> claims = {first, second};
  const std::vector<crosscheck::store::TemplateRecord> templates = {{"call_duration", "f1", {0}},
                                                                    {"meeting_duration", "f2", {1}}};
  auto integrity = [&] {
    CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 0);  // off from the first write on
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
  };
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  auto write_findings = [&](int64_t run) {
    auto loaded = store->LoadClaims(run);
    REQUIRE(loaded.ok());
    Finding f;
    f.template_id = "call_duration";
    f.subject = {"call:x", "call", "call", {"Donald Trump"}, ""};
    f.id = "call_duration/call:x";
    f.verdict = Verdict::kSingleSource;
    f.claims = *loaded;
    REQUIRE(store->ReplaceFindings(run, {f}).ok());
    integrity();
  };
  const int64_t run1 = BeginRun(*store);
  REQUIRE(store->WriteBatch(run1, {DocumentWrite{&doc, &claims, "fp", &templates}}).ok());
  integrity();
  write_findings(run1);
  CHECK(Count(*store, "claim_roles") == 3);
  CHECK(Count(*store, "finding_claims") == 2);

  SECTION("in full") {
    const std::vector<Claim> fewer = {second};
    REQUIRE(store->WriteBatch(BeginRun(*store), {DocumentWrite{&doc, &fewer, "fp2", &templates}}).ok());
    integrity();
    CHECK(Count(*store, "claims") == 1);
    CHECK(Count(*store, "claim_roles") == 1);
    CHECK(Count(*store, "finding_claims") == 0);
  }
  SECTION("in part") {
    const std::vector<Claim> none;
    const std::vector<uint32_t> replaced = {0};
    DocumentWrite write{&doc, &none, "fp", nullptr, &replaced};
    REQUIRE(store->WriteBatch(BeginRun(*store), {write}).ok());
    integrity();
    CHECK(Count(*store, "claims") == 1);
    CHECK(Count(*store, "claim_roles") == 1);
    CHECK(Count(*store, "finding_claims") == 1);
  }
  SECTION("a template removed") {
    const std::vector<Claim> none;
    const std::vector<uint32_t> replaced;
    const std::vector<crosscheck::store::TemplateRecord> kept = {{"call_duration", "f1", {0}}};
    DocumentWrite write{&doc, &none, "fp", &kept, &replaced};
    REQUIRE(store->WriteBatch(BeginRun(*store), {write}).ok());
    integrity();
    CHECK(Count(*store, "claims") == 1);
    CHECK(Count(*store, "claim_roles") == 2);
    CHECK(Count(*store, "finding_claims") == 1);
    auto records = store->DocumentTemplates(1);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    CHECK((*records)[0].template_id == "call_duration");
  }
  // Findings replaced: the old ones' rows are gone, children first.
  write_findings(BeginRun(*store));
  CHECK(Count(*store, "findings") == 1);
  CHECK(Count(*store, "subject_entities") == 1);
}
