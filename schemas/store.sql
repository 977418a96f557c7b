-- crosscheck store: the current schema, applied to a new store in one
-- transaction. Existing stores are upgraded by the steps in
-- schemas/migrations/ (see src/store/migrations.cpp); PRAGMA user_version
-- holds the version, and a store newer than this build is refused.
--
-- Offsets (start, end) are byte offsets into the original file, end exclusive.
-- Evidence offsets (evidence_start, evidence_end) index the normalised sentence.
--
-- A CHECK lists its values as x = 'a' OR x = 'b', never x IN ('a', 'b'): for
-- an IN list SQLite builds a temporary table for every row it writes (since
-- version 6; tests/store/migrations_test.cpp keeps it so).

CREATE TABLE runs (
  id                    INTEGER PRIMARY KEY,
  started_at            TEXT    NOT NULL,             -- ISO 8601 UTC
  finished_at           TEXT,
  corpus                TEXT    NOT NULL,             -- the corpus folder as given
  templates_fingerprint TEXT    NOT NULL,
  knowledge_fingerprint TEXT    NOT NULL,
  status                TEXT    NOT NULL DEFAULT 'running'
                          CHECK (status = 'running' OR status = 'completed' OR status = 'failed'),
  documents             INTEGER NOT NULL DEFAULT 0,   -- documents in the corpus
  documents_extracted   INTEGER NOT NULL DEFAULT 0,   -- (re)extracted by this run
  documents_skipped     INTEGER NOT NULL DEFAULT 0,   -- unreadable or rejected
  claims                INTEGER NOT NULL DEFAULT 0,
  findings              INTEGER NOT NULL DEFAULT 0
);

-- The report a completed run wrote, or kept because it was already on disk:
-- a re-run whose key matches and whose report files still have this digest
-- writes nothing new (src/pipeline/report_pipeline.cpp says what the key covers).
CREATE TABLE run_reports (
  run_id        INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  report_key    TEXT    NOT NULL,                     -- SHA-256 of everything the report is made from
  report_digest TEXT    NOT NULL,                     -- SHA-256 of the report files' SHA-256s
  subjects      INTEGER NOT NULL
);

-- One row per distinct content (SHA-256 of the original bytes).
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  content_hash   TEXT    NOT NULL UNIQUE,
  bytes          INTEGER NOT NULL,
  html           INTEGER NOT NULL DEFAULT 0,
  extracted_with TEXT,                                 -- fingerprint of templates + knowledge used
  sentences      INTEGER NOT NULL DEFAULT 0
);

-- Where each content was found and who published it. A path belongs to one
-- content at a time; editing a file moves its path to the new content.
CREATE TABLE document_sources (
  path        TEXT    PRIMARY KEY,                     -- relative to the corpus folder
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  outlet      TEXT    NOT NULL,
  url         TEXT,
  published   TEXT,                                    -- YYYY-MM-DD
  last_run    INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX document_sources_by_document ON document_sources(document_id);
-- Since version 2: the documents a run saw, for LoadClaims and LoadSources
-- (covering: no lookup into the table).
CREATE INDEX document_sources_by_run ON document_sources(last_run, document_id, path);

-- Since version 2: what ingest repaired or noticed in a document's bytes (text
-- converted from another encoding, invalid bytes replaced), reported again by
-- every run that reuses the document.
CREATE TABLE document_diagnostics (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  severity    TEXT    NOT NULL CHECK (severity = 'notice' OR severity = 'warning' OR severity = 'error'),
  line        INTEGER NOT NULL DEFAULT 0,
  message     TEXT    NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);

-- Since version 5: the templates each document's claims were extracted
-- with (documents.extracted_with then covers only the extractor's code and
-- the knowledge base), so that editing, adding or removing one template
-- re-extracts documents with that template only. Since version 8 one row per
-- document (it was a row per template, most of them for templates that found
-- nothing): `templates` gives each as "template_id:fingerprint:sentences",
-- separated by ';', where fingerprint is the template's (see
-- src/extract/template_set.h) and sentences the ordinals, comma-separated, of
-- the sentences where it built a claim before overlapping claims were
-- resolved. Template ids are lower case letters, digits and '_'.
CREATE TABLE document_templates (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  templates   TEXT    NOT NULL
);

-- Since version 7: a document's body sentences as one row (they were a row
-- each, half the rows a run wrote). `sentences` gives each sentence in order
-- as "paragraph,start,end,bytes" (start and end: offsets into the original
-- file; bytes: its length in `text`), separated by ';'; `text` is the
-- normalised sentences, one after the other with nothing between them.
CREATE TABLE document_texts (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  sentences   TEXT    NOT NULL,
  text        TEXT    NOT NULL
);

-- Parts of a document left out of matching (boilerplate, trailers).
CREATE TABLE removed_spans (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  reason      TEXT    NOT NULL,
  PRIMARY KEY (document_id, start)
) WITHOUT ROWID;                                       -- since version 7

CREATE TABLE entities (
  id    INTEGER PRIMARY KEY,
  kind  TEXT    NOT NULL CHECK (kind = 'person' OR kind = 'organisation' OR kind = 'place'),
  name  TEXT    NOT NULL,                              -- canonical name (place: gazetteer id)
  known INTEGER NOT NULL DEFAULT 0,                    -- found in the knowledge base
  UNIQUE (kind, name)
);

CREATE TABLE claims (
  id                INTEGER PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  template_id       TEXT    NOT NULL,
  pattern           INTEGER NOT NULL,
  subject_kind      TEXT    NOT NULL,
  value_kind        TEXT    NOT NULL,                  -- quantity, place, entity, date, event, category
  value_type        TEXT    NOT NULL,                  -- e.g. duration
  raw_value         TEXT    NOT NULL,                  -- as written
  value             TEXT    NOT NULL,                  -- normalised and readable, e.g. "> 60 min"
  value_id          TEXT,                              -- place id, entity or category
  value_unit        TEXT,
  value_lo          REAL,
  value_hi          REAL,                              -- NULL for +infinity
  value_lo_open     INTEGER NOT NULL DEFAULT 0,
  value_hi_open     INTEGER NOT NULL DEFAULT 0,
  modality          TEXT    NOT NULL CHECK (modality = 'asserted' OR modality = 'hedged' OR modality = 'negated'),
  modality_cue      TEXT,
  attribution       TEXT,
  event_time        TEXT,
  match_start       INTEGER NOT NULL,
  match_end         INTEGER NOT NULL,
  value_start       INTEGER,
  value_end         INTEGER,
  evidence_start    INTEGER,
  evidence_end      INTEGER,
  sentence          INTEGER NOT NULL,                  -- since version 7: the sentence's ordinal, offsets
  sentence_start    INTEGER NOT NULL,                  -- and normalised text (the evidence), kept with the
  sentence_end      INTEGER NOT NULL,                  -- claim since sentences are no longer rows
  sentence_text     TEXT    NOT NULL,
  UNIQUE (document_id, template_id, match_start, match_end)
);
-- (Version 6 dropped claims_by_template: reads by template go through the
-- unique index, document first, and it cost a fifth of each claim's insert.)

CREATE TABLE claim_roles (
  claim_id         INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  ordinal          INTEGER NOT NULL,                   -- since version 8: the claim's order of its roles
  role             TEXT    NOT NULL,
  entity_id        INTEGER NOT NULL REFERENCES entities(id),
  mention          TEXT    NOT NULL,
  via              TEXT    NOT NULL CHECK (via = 'slot' OR via = 'sentence' OR via = 'context'),
  sentence_ordinal INTEGER NOT NULL,
  PRIMARY KEY (claim_id, ordinal)
) WITHOUT ROWID;                                       -- since version 8: one B-tree, read in key order
-- (Before version 8 the key was (claim_id, role, entity_id), a second B-tree
-- beside the table, and reads sorted a claim's roles by row id; the store now
-- drops a claim's repeated role and entity itself, see Store::InsertClaims.)
-- (Version 7 dropped claim_roles_by_entity: no read goes from an entity to
-- its roles, entities are never deleted, and it was a third B-tree per role.)

-- Subjects and findings describe the latest completed run; each run replaces them.
-- Since version 7 their tables are WITHOUT ROWID: keyed by text, each row was
-- written to a table and to its key's index.
CREATE TABLE subjects (
  id         TEXT PRIMARY KEY,                         -- e.g. "call:donald-trump+vladimir-putin"
  kind       TEXT NOT NULL,
  label      TEXT NOT NULL,
  event_time TEXT
) WITHOUT ROWID;

CREATE TABLE subject_entities (
  subject_id TEXT    NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (subject_id, entity_id)
) WITHOUT ROWID;

-- Since version 4: everything needed to give a finding again without checking
-- its claims (strength, sources, derived_from, self-contradictions, the claims
-- in order), and the hash of its inputs: a re-run reuses the finding of a
-- subject group whose input_hash is unchanged (src/check/group_input_hash.h).
CREATE TABLE findings (
  id           TEXT    PRIMARY KEY,                    -- "<template id>/<subject id>"
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  subject_id   TEXT    NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  template_id  TEXT    NOT NULL,
  verdict      TEXT    NOT NULL CHECK (verdict = 'agree' OR verdict = 'compatible' OR verdict = 'conflict' OR verdict = 'single_source'),
  strength     TEXT    NOT NULL CHECK (strength = '' OR strength = 'firm' OR strength = 'weak'),
  reason       TEXT    NOT NULL,
  outlets      INTEGER NOT NULL,
  sources      INTEGER NOT NULL,                       -- independent sources: copies of one story count once
  derived_from TEXT    NOT NULL,                       -- a derived check's start template, else ''
  input_hash   TEXT                                    -- NULL for derived findings, which are never reused
) WITHOUT ROWID;

CREATE TABLE finding_claims (
  finding_id TEXT    NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,                         -- the finding's order: document path, then offset
  claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX finding_claims_by_claim ON finding_claims(claim_id);

-- Documents whose own claims of a finding disagree, by path.
CREATE TABLE finding_self_contradictions (
  finding_id TEXT    NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  document   TEXT    NOT NULL,                         -- path
  outlet     TEXT    NOT NULL,
  reason     TEXT    NOT NULL,
  PRIMARY KEY (finding_id, ordinal)
) WITHOUT ROWID;

-- What a run skipped or repaired.
CREATE TABLE diagnostics (
  run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  severity TEXT    NOT NULL CHECK (severity = 'notice' OR severity = 'warning' OR severity = 'error'),
  path     TEXT    NOT NULL,
  line     INTEGER NOT NULL DEFAULT 0,
  message  TEXT    NOT NULL
);
