-- Schema version 7 -> 8: a claim's roles in one B-tree, in the claim's order;
-- a document's templates in one row.
--
-- claim_roles was a table and its primary key (claim_id, role, entity_id): two
-- B-trees a role, and every read sorted each claim's roles by row id (the
-- order they were written) in a temporary B-tree. It is now WITHOUT ROWID,
-- keyed by (claim_id, ordinal), the ordinal giving the old row order: reads
-- come in key order without a sort. A claim names a role and entity once:
-- the store drops the same pair twice before writing (OR IGNORE did it).
--
-- document_templates was a row per template a document was extracted with
-- (most of them for templates that found nothing); it is now one row per
-- document, the templates as "template_id:fingerprint:sentences" separated by
-- ';' in template id order.
--
-- As in 0006-to-0007.sql: the rows keep their order, src/store/migrations.cpp
-- runs this with foreign keys off, and the statements are written exactly as in
-- schemas/store.sql.
CREATE TABLE claim_roles_0007 AS
  SELECT claim_id, row_number() OVER (PARTITION BY claim_id ORDER BY rowid) - 1 AS ordinal,
         role, entity_id, mention, via, sentence_ordinal
  FROM claim_roles;
DROP TABLE claim_roles;
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
INSERT INTO claim_roles (claim_id, ordinal, role, entity_id, mention, via, sentence_ordinal)
  SELECT claim_id, ordinal, role, entity_id, mention, via, sentence_ordinal FROM claim_roles_0007
  ORDER BY claim_id, ordinal;
DROP TABLE claim_roles_0007;
CREATE TABLE document_templates_0007 AS
  SELECT document_id, template_id, fingerprint, sentences FROM document_templates;
DROP TABLE document_templates;
CREATE TABLE document_templates (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  templates   TEXT    NOT NULL
);
INSERT INTO document_templates (document_id, templates)
  SELECT document_id, group_concat(template_id || ':' || fingerprint || ':' || sentences, ';')
  FROM (SELECT * FROM document_templates_0007 ORDER BY document_id, template_id)
  GROUP BY document_id;
DROP TABLE document_templates_0007;
