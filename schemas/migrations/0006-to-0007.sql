-- Schema version 6 -> 7: fewer rows and B-trees written per document.
--
-- sentences (a row per sentence, half the rows a run wrote) become
-- document_texts, one row per document: the sentences' places as
-- "paragraph,start,end,bytes" separated by ';', and their normalised texts one
-- after the other. A claim keeps its sentence's ordinal, offsets and text
-- (what every read of a claim joined sentences for) in place of sentence_id;
-- claims_by_sentence goes with sentences. claim_roles_by_entity is dropped:
-- no read goes from an entity to its roles, and entities are never deleted.
-- document_templates, removed_spans, subjects, subject_entities, findings,
-- finding_claims and finding_self_contradictions are WITHOUT ROWID: their rows
-- live in their primary key's B-tree, not in a table and an index both.
--
-- As in 0005-to-0006.sql: tables built again keep their rows, row ids and
-- order (src/store/migrations.cpp runs this with foreign keys off), and the
-- statements are written exactly as in schemas/store.sql.
CREATE TABLE claims_0006 AS
  SELECT c.rowid AS old_rowid, c.*, s.ordinal AS s_ordinal, s.start AS s_start, s.end AS s_end,
         CAST(s.text AS TEXT) AS s_text
  FROM claims c JOIN sentences s ON s.id = c.sentence_id;
CREATE TABLE document_templates_0006 AS SELECT rowid AS old_rowid, * FROM document_templates;
CREATE TABLE removed_spans_0006 AS SELECT rowid AS old_rowid, * FROM removed_spans;
DROP INDEX IF EXISTS claim_roles_by_entity;
DROP TABLE claims;
DROP TABLE document_templates;
DROP TABLE removed_spans;
CREATE TABLE document_templates (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  template_id TEXT    NOT NULL,
  fingerprint TEXT    NOT NULL,                        -- the template's, see src/extract/template_set.h
  sentences   TEXT    NOT NULL DEFAULT '',             -- ordinals, comma-separated, of the sentences where it
                                                       -- built a claim before overlapping claims were resolved
  PRIMARY KEY (document_id, template_id)
) WITHOUT ROWID;                                       -- since version 7: one B-tree, not a table and its key

INSERT INTO document_templates (document_id, template_id, fingerprint, sentences)
  SELECT document_id, template_id, fingerprint, sentences FROM document_templates_0006 ORDER BY old_rowid;
DROP TABLE document_templates_0006;
CREATE TABLE document_texts (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  sentences   TEXT    NOT NULL,
  text        TEXT    NOT NULL
);

-- Each document's sentences in order (the subquery's order is the one
-- group_concat sees); a document without sentences gets an empty row.
-- Version 6 bound sentence texts as BLOBs: they are TEXT again.
INSERT INTO document_texts (document_id, sentences, text)
  SELECT d.id, ifnull(t.sentences, ''), ifnull(t.text, '') FROM documents d LEFT JOIN
    (SELECT document_id,
            group_concat(paragraph || ',' || start || ',' || end || ',' || length(CAST(text AS BLOB)), ';') AS sentences,
            group_concat(CAST(text AS TEXT), '') AS text
     FROM (SELECT * FROM sentences ORDER BY document_id, ordinal) GROUP BY document_id) t ON t.document_id = d.id
  ORDER BY d.id;
DROP TABLE sentences;
CREATE TABLE removed_spans (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  reason      TEXT    NOT NULL,
  PRIMARY KEY (document_id, start)
) WITHOUT ROWID;                                       -- since version 7

INSERT INTO removed_spans (document_id, start, end, reason)
  SELECT document_id, start, end, reason FROM removed_spans_0006 ORDER BY old_rowid;
DROP TABLE removed_spans_0006;
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
INSERT INTO claims (id, document_id, template_id, pattern, subject_kind, value_kind, value_type, raw_value, value, value_id, value_unit, value_lo, value_hi, value_lo_open, value_hi_open, modality, modality_cue, attribution, event_time, match_start, match_end, value_start, value_end, evidence_start, evidence_end,
                    sentence, sentence_start, sentence_end, sentence_text)
  SELECT id, document_id, template_id, pattern, subject_kind, value_kind, value_type, raw_value, value, value_id, value_unit, value_lo, value_hi, value_lo_open, value_hi_open, modality, modality_cue, attribution, event_time, match_start, match_end, value_start, value_end, evidence_start, evidence_end,
         s_ordinal, s_start, s_end, s_text FROM claims_0006 ORDER BY old_rowid;
DROP TABLE claims_0006;
CREATE TABLE subjects_0006 AS SELECT rowid AS old_rowid, * FROM subjects;
CREATE TABLE subject_entities_0006 AS SELECT rowid AS old_rowid, * FROM subject_entities;
CREATE TABLE findings_0006 AS SELECT rowid AS old_rowid, * FROM findings;
CREATE TABLE finding_claims_0006 AS SELECT rowid AS old_rowid, * FROM finding_claims;
CREATE TABLE finding_self_contradictions_0006 AS SELECT rowid AS old_rowid, * FROM finding_self_contradictions;
DROP TABLE subjects;
DROP TABLE subject_entities;
DROP TABLE findings;
DROP TABLE finding_claims;
DROP TABLE finding_self_contradictions;
CREATE TABLE subjects (
  id         TEXT PRIMARY KEY,                         -- e.g. "call:donald-trump+vladimir-putin"
  kind       TEXT NOT NULL,
  label      TEXT NOT NULL,
  event_time TEXT
) WITHOUT ROWID;
INSERT INTO subjects (id, kind, label, event_time)
  SELECT id, kind, label, event_time FROM subjects_0006 ORDER BY old_rowid;
DROP TABLE subjects_0006;
CREATE TABLE subject_entities (
  subject_id TEXT    NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (subject_id, entity_id)
) WITHOUT ROWID;
INSERT INTO subject_entities (subject_id, entity_id)
  SELECT subject_id, entity_id FROM subject_entities_0006 ORDER BY old_rowid;
DROP TABLE subject_entities_0006;
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
INSERT INTO findings (id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, derived_from, input_hash)
  SELECT id, run_id, subject_id, template_id, verdict, strength, reason, outlets, sources, derived_from, input_hash FROM findings_0006 ORDER BY old_rowid;
DROP TABLE findings_0006;
CREATE TABLE finding_claims (
  finding_id TEXT    NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,                         -- the finding's order: document path, then offset
  claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX finding_claims_by_claim ON finding_claims(claim_id);
INSERT INTO finding_claims (finding_id, ordinal, claim_id)
  SELECT finding_id, ordinal, claim_id FROM finding_claims_0006 ORDER BY old_rowid;
DROP TABLE finding_claims_0006;
CREATE TABLE finding_self_contradictions (
  finding_id TEXT    NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  document   TEXT    NOT NULL,                         -- path
  outlet     TEXT    NOT NULL,
  reason     TEXT    NOT NULL,
  PRIMARY KEY (finding_id, ordinal)
) WITHOUT ROWID;
INSERT INTO finding_self_contradictions (finding_id, ordinal, document, outlet, reason)
  SELECT finding_id, ordinal, document, outlet, reason FROM finding_self_contradictions_0006 ORDER BY old_rowid;
DROP TABLE finding_self_contradictions_0006;
