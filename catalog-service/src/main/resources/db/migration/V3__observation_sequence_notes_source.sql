-- Pages list several blocks under one year label (four 2023 milestones, each its own value), show baselines
-- without a year, and file notes under outputs, some with no year stated. What changes:
--  * an observation's identity is indicator + year + kind + sequence (its rank among the blocks of that year
--    and kind): entity ids become <indicator>#<year|undated>#<kind>#<sequence>; the existing ones are the
--    first of their year and kind;
--  * a note's identity is entity + year + sequence: <entity>#<year|undated>#<sequence>, as observations
--    (outcome notes were <outcome>/<year>); notes of outputs are entity type output_note;
--  * the address a document was published at, when its reader gave it, is kept with the document and with
--    each claim (as the document's name is), so that every value's provenance can name it.
UPDATE claim SET entity_id = entity_id || '#1' WHERE entity_type = 'observation';
UPDATE claim SET entity_id = regexp_replace(entity_id, '/([0-9]+)$', '#\1#1') WHERE entity_type = 'progress_note';

ALTER TABLE source_document ADD COLUMN source TEXT;
ALTER TABLE claim ADD COLUMN document_source TEXT;
