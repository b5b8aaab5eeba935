-- The address a document was published at, when the caller gives it: provenance, and what fills in the
-- outcome, year and plan period a page's text leaves out.
ALTER TABLE ingested_document ADD COLUMN source VARCHAR(2048);
