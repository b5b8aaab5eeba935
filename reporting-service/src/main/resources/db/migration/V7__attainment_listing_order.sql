-- The attainment list pages in office, outcome, output order: an index in that order lets a page be read from
-- the index (the rest of the order sorted within the group), instead of sorting every row for each page.
CREATE INDEX report_attainment_listing ON report_attainment (office, outcome_id, output_code NULLS FIRST);
