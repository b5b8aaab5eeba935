-- Indicators, budgets and funding join outcomes. Claims keep their model; what changes:
--  * claim.record_type / record_id now name the merge group a claim is recomputed with: the outcome,
--    the parent of an indicator (output code, else outcome id: identity resolution needs all indicators
--    of one parent together), the budget (<entityId>/<year>), or the outcome of a funding table;
--  * claim.subject is the key the document used for the thing it describes (outcome id, indicator key,
--    budget id, budget entity): a newer reading of a document replaces its claims per subject.
ALTER TABLE claim ADD COLUMN subject TEXT;
UPDATE claim SET subject = record_id WHERE subject IS NULL;
ALTER TABLE claim ALTER COLUMN subject SET NOT NULL;
CREATE INDEX claim_by_document_subject ON claim (document_id, record_type, subject);

-- Indicator keys carry a normalised statement when no code is shown: longer than the first limits.
ALTER TABLE claim ALTER COLUMN record_id TYPE TEXT;
ALTER TABLE claim ALTER COLUMN entity_id TYPE TEXT;
ALTER TABLE canonical_record ALTER COLUMN record_id TYPE TEXT;
ALTER TABLE canonical_record ALTER COLUMN parent_id TYPE TEXT;
ALTER TABLE outbox_event ALTER COLUMN record_key TYPE TEXT;

-- What the outcome view and the conflict list query: the outcome a record belongs to, the indicator a
-- codeless alias was merged into, and how many observations have conflicting known values.
ALTER TABLE canonical_record ADD COLUMN outcome_id VARCHAR(512);
ALTER TABLE canonical_record ADD COLUMN merged_into TEXT;
ALTER TABLE canonical_record ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0;
UPDATE canonical_record SET outcome_id = record_id WHERE record_type = 'outcome';
CREATE INDEX canonical_record_by_outcome ON canonical_record (record_type, outcome_id);
CREATE INDEX canonical_record_with_conflicts ON canonical_record (record_type, record_id) WHERE conflicts > 0;
