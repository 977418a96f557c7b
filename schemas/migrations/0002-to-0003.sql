-- Schema version 2 -> 3.
--
-- run_reports: the key and digest of the report each completed run wrote, so
-- that a re-run on an unchanged corpus keeps the report files already on disk
-- instead of linking, checking and writing everything again. Stores migrated
-- from version 2 have no report recorded; their next run writes one.
--
-- The statement is written exactly as in schemas/store.sql, so that a
-- migrated store and a new one have the same schema.
CREATE TABLE run_reports (
  run_id        INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  report_key    TEXT    NOT NULL,                     -- SHA-256 of everything the report is made from
  report_digest TEXT    NOT NULL,                     -- SHA-256 of the report files' SHA-256s
  subjects      INTEGER NOT NULL
);
