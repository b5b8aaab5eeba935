-- Pages list several milestones under one year label, notes without a year, notes of outputs, and the kind of
-- each funding partner with the development and humanitarian shares.
--  * Attainment is per indicator, year and sequence (the rank of the milestone among those of its year): the
--    rows kept so far are the first of their year.
--  * A progress timeline holds the outcome's notes and its outputs' notes, several per year and some with no
--    year: a row is one entry of the timeline, numbered in timeline order (dated ones by year, then those with
--    no year), since the year no longer identifies it.
ALTER TABLE report_attainment ADD COLUMN sequence INTEGER NOT NULL DEFAULT 1;
ALTER TABLE report_attainment DROP CONSTRAINT report_attainment_pkey;
ALTER TABLE report_attainment ADD PRIMARY KEY (indicator_id, year, sequence);

ALTER TABLE report_progress_note ADD COLUMN entry INTEGER;
UPDATE report_progress_note n SET entry = numbered.entry
FROM (SELECT outcome_id, year, row_number() OVER (PARTITION BY outcome_id ORDER BY year) AS entry
      FROM report_progress_note) numbered
WHERE n.outcome_id = numbered.outcome_id AND n.year = numbered.year;
ALTER TABLE report_progress_note DROP CONSTRAINT report_progress_note_pkey;
ALTER TABLE report_progress_note ALTER COLUMN entry SET NOT NULL;
ALTER TABLE report_progress_note ADD PRIMARY KEY (outcome_id, entry);
ALTER TABLE report_progress_note ALTER COLUMN year DROP NOT NULL;
ALTER TABLE report_progress_note ADD COLUMN year_basis TEXT;
ALTER TABLE report_progress_note ADD COLUMN sequence INTEGER NOT NULL DEFAULT 1;
ALTER TABLE report_progress_note ADD COLUMN partial BOOLEAN NOT NULL DEFAULT FALSE;
-- The output a note is filed under (its code, or its statement when no code is shown); null for the outcome's own.
ALTER TABLE report_progress_note ADD COLUMN output_code TEXT;
ALTER TABLE report_progress_note ADD COLUMN output_statement TEXT;

ALTER TABLE report_funding_contribution ADD COLUMN partner_type TEXT;
ALTER TABLE report_funding_contribution ADD COLUMN development_share NUMERIC;
ALTER TABLE report_funding_contribution ADD COLUMN humanitarian_share NUMERIC;
