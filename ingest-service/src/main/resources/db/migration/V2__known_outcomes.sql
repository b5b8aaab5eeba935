-- The outcomes ingest has seen, by normalised statement: a page that does not show its outcome's id
-- (the outcome summary) is identified by its statement when exactly one known outcome has it.
CREATE TABLE known_outcome (
    id                   VARCHAR(128) PRIMARY KEY,
    normalised_statement TEXT         NOT NULL,
    document_id          VARCHAR(64)  NOT NULL REFERENCES ingested_document (id),
    seen_at              TIMESTAMPTZ  NOT NULL
);

CREATE INDEX known_outcome_by_statement ON known_outcome (normalised_statement);
