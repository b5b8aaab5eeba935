-- An indicator first seen without its code becomes an alias once matched to its coded twin: its key
-- then carries only a redirect. Its row stays (for the version) with nothing to report of its own.
ALTER TABLE report_indicator ADD COLUMN merged_into TEXT;
