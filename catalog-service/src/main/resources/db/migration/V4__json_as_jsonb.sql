-- JSON values are stored as jsonb rather than text: PostgreSQL checks that they are JSON, and states and
-- payloads can be read inside in SQL (the conflict list pages the observations of indicator states).
ALTER TABLE claim ALTER COLUMN value TYPE jsonb USING value::jsonb;
ALTER TABLE canonical_record ALTER COLUMN state TYPE jsonb USING state::jsonb;
ALTER TABLE outbox_event ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
