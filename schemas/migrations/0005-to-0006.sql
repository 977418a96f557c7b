-- Schema version 5 -> 6: faster writes.
--
-- Every CHECK that listed its values (x IN ('a', 'b')) compares with each
-- instead (x = 'a' OR x = 'b'): for an IN list SQLite builds a temporary table
-- for every row it writes or updates, which was most of the cost of inserting
-- a claim, its roles or a finding. SQLite cannot alter a CHECK, so the tables
-- that have one are built again with their rows, row ids and row order
-- (src/store/migrations.cpp runs the steps with foreign keys off, so that
-- dropping a table cascades nowhere, and checks every key before it commits).
--
-- claims_by_sentence: replacing a stored document's sentences cascades to
-- their claims, which without it scans the whole claims table per sentence.
-- claims_by_template is gone: the reads by template (Store::ForEachClaim) go
-- through the claims' unique index, document first, and keeping it up to date
-- cost about a fifth of each claim's insert.
--
-- The statements are written exactly as in schemas/store.sql, so that a
-- migrated store and a new one have the same schema.
CREATE TABLE runs_0005 AS SELECT rowid AS old_rowid, * FROM runs;
CREATE TABLE document_diagnostics_0005 AS SELECT rowid AS old_rowid, * FROM document_diagnostics;
CREATE TABLE entities_0005 AS SELECT rowid AS old_rowid, * FROM entities;
CREATE TABLE claims_0005 AS SELECT rowid AS old_rowid, * FROM claims;
CREATE TABLE claim_roles_0005 AS SELECT rowid AS old_rowid, * FROM claim_roles;
CREATE TABLE findings_0005 AS SELECT rowid AS old_rowid, * FROM findings;
CREATE TABLE diagnostics_0005 AS SELECT rowid AS old_rowid, * FROM diagnostics;
DROP TABLE runs;
DROP TABLE document_diagnostics;
DROP TABLE entities;
DROP TABLE claims;
DROP TABLE claim_roles;
DROP TABLE findings;
DROP TABLE diagnostics;
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
INSERT INTO runs (id, started_at, finished_at, corpus, templates_fingerprint, knowledge_fingerprint, status, documents, documents_extracted, documents_skipped, claims, findings)
  SELECT id, started_at, finished_at, corpus, templates_fingerprint, knowledge_fingerprint, status, documents, documents_extracted, documents_skipped, claims, findings FROM runs_0005 ORDER BY old_rowid;
DROP TABLE runs_0005;
CREATE TABLE document_diagnostics (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  severity    TEXT    NOT NULL CHECK (severity = 'notice' OR severity = 'warning' OR severity = 'error'),
  line        INTEGER NOT NULL DEFAULT 0,
  message     TEXT    NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
INSERT INTO document_diagnostics (document_id, ordinal, severity, line, message)
  SELECT document_id, ordinal, severity, line, message FROM document_diagnostics_0005 ORDER BY old_rowid;
DROP TABLE document_diagnostics_0005;
CREATE TABLE entities (
  id    INTEGER PRIMARY KEY,
  kind  TEXT    NOT NULL CHECK (kind = 'person' OR kind = 'organisation' OR kind = 'place'),
  name  TEXT    NOT NULL,                              -- canonical name (place: gazetteer id)
  known INTEGER NOT NULL DEFAULT 0,                    -- found in the knowledge base
  UNIQUE (kind, name)
);
INSERT INTO entities (id, kind, name, known)
  SELECT id, kind, name, known FROM entities_0005 ORDER BY old_rowid;
DROP TABLE entities_0005;
CREATE TABLE claims (
  id                INTEGER PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id       INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
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
  UNIQUE (document_id, template_id, match_start, match_end)
);
CREATE INDEX claims_by_sentence ON claims(sentence_id);
INSERT INTO claims (id, document_id, sentence_id, template_id, pattern, subject_kind, value_kind, value_type, raw_value, value, value_id, value_unit, value_lo, value_hi, value_lo_open, value_hi_open, modality, modality_cue, attribution, event_time, match_start, match_end, value_start, value_end, evidence_start, evidence_end)
  SELECT id, document_id, sentence_id, template_id, pattern, subject_kind, value_kind, value_type, raw_value, value, value_id, value_unit, value_lo, value_hi, value_lo_open, value_hi_open, modality, modality_cue, attribution, event_time, match_start, match_end, value_start, value_end, evidence_start, evidence_end FROM claims_0005 ORDER BY old_rowid;
DROP TABLE claims_0005;
CREATE TABLE claim_roles (
  claim_id         INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  role             TEXT    NOT NULL,
  entity_id        INTEGER NOT NULL REFERENCES entities(id),
  mention          TEXT    NOT NULL,
  via              TEXT    NOT NULL CHECK (via = 'slot' OR via = 'sentence' OR via = 'context'),
  sentence_ordinal INTEGER NOT NULL,
  PRIMARY KEY (claim_id, role, entity_id)
);
CREATE INDEX claim_roles_by_entity ON claim_roles(entity_id);
INSERT INTO claim_roles (claim_id, role, entity_id, mention, via, sentence_ordinal)
  SELECT claim_id, role, entity_id, mention, via, sentence_ordinal FROM claim_roles_0005 ORDER BY old_rowid;
DROP TABLE claim_roles_0005;
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
);
INSERT INTO findings (id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, derived_from, input_hash)
  SELECT id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, derived_from, input_hash FROM findings_0005 ORDER BY old_rowid;
DROP TABLE findings_0005;
CREATE TABLE diagnostics (
  run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  severity TEXT    NOT NULL CHECK (severity = 'notice' OR severity = 'warning' OR severity = 'error'),
  path     TEXT    NOT NULL,
  line     INTEGER NOT NULL DEFAULT 0,
  message  TEXT    NOT NULL
);
INSERT INTO diagnostics (run_id, severity, path, line, message)
  SELECT run_id, severity, path, line, message FROM diagnostics_0005 ORDER BY old_rowid;
DROP TABLE diagnostics_0005;
