-- Every document accepted by ingest: its identity is the SHA-256 of its bytes, so the same bytes
-- posted again find their row and publish nothing new.
CREATE TABLE ingested_document (
    id              VARCHAR(64)     PRIMARY KEY,
    name            VARCHAR(512),
    media_type      VARCHAR(128) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    layout          VARCHAR(64)  NOT NULL,
    as_of           DATE,
    as_of_basis     VARCHAR(32)  NOT NULL,
    office          VARCHAR(32),
    plan_period     VARCHAR(16),
    outcome_count   INTEGER      NOT NULL,
    output_count    INTEGER      NOT NULL,
    indicator_count INTEGER      NOT NULL,
    observation_count INTEGER    NOT NULL,
    budget_count    INTEGER      NOT NULL,
    note_count      INTEGER      NOT NULL,
    event_count     INTEGER      NOT NULL,
    warnings        TEXT         NOT NULL, -- JSON array of {line, message}
    received_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX ingested_document_received_at ON ingested_document (received_at DESC);
