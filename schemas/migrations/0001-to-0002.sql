-- Schema version 1 -> 2.
--
-- 1. An index on document_sources by run: LoadClaims and LoadSources select
--    the documents of one run, which version 1 found by scanning every source
--    of every run the store has seen.
-- 2. document_diagnostics: what ingest repaired or noticed in a document (text
--    converted from Windows-1252 or UTF-16, invalid bytes replaced), kept with
--    the document so that a run reusing it reports the same warnings as the run
--    that extracted it. Documents stored by version 1 have none recorded; they
--    get them when next extracted.
--
-- The statements are written exactly as in schemas/store.sql, so that a
-- migrated store and a new one have the same schema (tests/store/migrations_test.cpp).
CREATE INDEX document_sources_by_run ON document_sources(last_run, document_id, path);
CREATE TABLE document_diagnostics (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  severity    TEXT    NOT NULL CHECK (severity IN ('notice', 'warning', 'error')),
  line        INTEGER NOT NULL DEFAULT 0,
  message     TEXT    NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
