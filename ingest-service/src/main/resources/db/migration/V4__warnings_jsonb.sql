-- A document's parse warnings are stored as jsonb rather than text: PostgreSQL checks that they are JSON.
ALTER TABLE ingested_document ALTER COLUMN warnings TYPE jsonb USING warnings::jsonb;
