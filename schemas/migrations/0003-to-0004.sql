-- Schema version 3 -> 4.
--
-- findings keeps everything needed to give a finding again without checking
-- its claims: strength, sources, derived_from, the claims in order
-- (finding_claims.ordinal) and the documents that contradict themselves
-- (finding_self_contradictions), plus input_hash, the hash of everything the
-- verdict depends on, so that a re-run checks only the subject groups whose
-- inputs changed.
--
-- Findings and subjects describe the latest run only and are made again by
-- the next one, so the old rows are dropped rather than converted: the tables
-- are created again exactly as in schemas/store.sql (so that a migrated store
-- and a new one have the same schema), and the next run checks every group.
-- The step touches only these tables. (IF EXISTS: a store made from a newer
-- schema and set back to an older version, as tests do, has the new table.)
DROP TABLE IF EXISTS finding_self_contradictions;
DROP TABLE finding_claims;
DROP TABLE findings;
DELETE FROM subject_entities;
DELETE FROM subjects;
CREATE TABLE findings (
  id           TEXT    PRIMARY KEY,                    -- "<template id>/<subject id>"
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  subject_id   TEXT    NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  template_id  TEXT    NOT NULL,
  verdict      TEXT    NOT NULL CHECK (verdict IN ('agree', 'compatible', 'conflict', 'single_source')),
  strength     TEXT    NOT NULL CHECK (strength IN ('', 'firm', 'weak')),
  reason       TEXT    NOT NULL,
  outlets      INTEGER NOT NULL,
  sources      INTEGER NOT NULL,                       -- independent sources: copies of one story count once
  derived_from TEXT    NOT NULL,                       -- a derived check's start template, else ''
  input_hash   TEXT                                    -- NULL for derived findings, which are never reused
);

CREATE TABLE finding_claims (
  finding_id TEXT    NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,                         -- the finding's order: document path, then offset
  claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, ordinal)
);
CREATE INDEX finding_claims_by_claim ON finding_claims(claim_id);

-- Documents whose own claims of a finding disagree, by path.
CREATE TABLE finding_self_contradictions (
  finding_id TEXT    NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  document   TEXT    NOT NULL,                         -- path
  outlet     TEXT    NOT NULL,
  reason     TEXT    NOT NULL,
  PRIMARY KEY (finding_id, ordinal)
);
