-- Schema version 4 -> 5.
--
-- document_templates: which templates, at which fingerprint, each document
-- was extracted with, and in which sentences each built a claim, so that a
-- run after one template was edited, added or removed re-extracts documents
-- with that template only (src/pipeline/report_pipeline.cpp). Version 4 and earlier kept
-- one fingerprint for all templates and knowledge together; documents stored
-- by it have no templates recorded, so each is extracted again in full once
-- (extracted_with is cleared to say so).
--
-- The statement is written exactly as in schemas/store.sql, so that a
-- migrated store and a new one have the same schema.
-- Since version 4: the templates each document's claims were extracted
-- with (documents.extracted_with then covers only the extractor's code and
-- the knowledge base), so that editing, adding or removing one template
-- re-extracts documents with that template only.
CREATE TABLE document_templates (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  template_id TEXT    NOT NULL,
  fingerprint TEXT    NOT NULL,                        -- the template's, see src/extract/template_set.h
  sentences   TEXT    NOT NULL DEFAULT '',             -- ordinals, comma-separated, of the sentences where it
                                                       -- built a claim before overlapping claims were resolved
  PRIMARY KEY (document_id, template_id)
);
UPDATE documents SET extracted_with = NULL;
