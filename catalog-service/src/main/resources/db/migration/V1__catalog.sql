-- Events already applied, written in the same transaction as their effect: a redelivered event
-- finds its id here and changes nothing.
CREATE TABLE processed_event (
    event_id     VARCHAR(128) PRIMARY KEY,
    event_type   VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);

-- Every document whose events reached the catalog. JSON values below are kept as text: they are
-- read and written whole by the service, never queried inside.
CREATE TABLE source_document (
    id            VARCHAR(64)     PRIMARY KEY,
    name          VARCHAR(512),
    media_type    VARCHAR(128),
    layout        VARCHAR(64),
    as_of         DATE,
    as_of_basis   VARCHAR(32)  NOT NULL,
    first_seen_at TIMESTAMPTZ  NOT NULL
);

-- What one document says about one field of one entity. Canonical records are computed from the
-- claims alone (best known value by as-of, then document id), so any arrival order of the same
-- documents gives the same state, and every value keeps its provenance and history.
CREATE TABLE claim (
    id            BIGSERIAL    PRIMARY KEY,
    record_type   VARCHAR(32)  NOT NULL,
    record_id     VARCHAR(512) NOT NULL,
    entity_type   VARCHAR(32)  NOT NULL,
    entity_id     VARCHAR(512) NOT NULL,
    field         VARCHAR(64)  NOT NULL,
    document_id   VARCHAR(64)     NOT NULL REFERENCES source_document (id),
    document_name VARCHAR(512),
    as_of         DATE,
    as_of_basis   VARCHAR(32)  NOT NULL,
    known         BOOLEAN      NOT NULL,
    value         TEXT,
    first_line    INTEGER,
    last_line     INTEGER,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT claim_per_document UNIQUE (entity_type, entity_id, field, document_id)
);

CREATE INDEX claim_by_record ON claim (record_type, record_id);
CREATE INDEX claim_by_document ON claim (document_id);

-- The current canonical state of each record (an outcome with its outputs and notes, an indicator
-- with its observations, a budget), exactly as last published on catalog.changes.
CREATE TABLE canonical_record (
    record_type VARCHAR(32)  NOT NULL,
    record_id   VARCHAR(512) NOT NULL,
    office      VARCHAR(32),
    plan_period VARCHAR(16),
    parent_id   VARCHAR(512),
    version     BIGINT       NOT NULL,
    state       TEXT         NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (record_type, record_id)
);

CREATE INDEX canonical_record_by_office ON canonical_record (record_type, office);
CREATE INDEX canonical_record_by_parent ON canonical_record (record_type, parent_id);

-- Transactional outbox: a canonical change and its event are committed together; the relay
-- publishes rows in id order and marks them.
CREATE TABLE outbox_event (
    id           BIGSERIAL    PRIMARY KEY,
    event_id     VARCHAR(64)  NOT NULL UNIQUE,
    event_type   VARCHAR(64)  NOT NULL,
    record_key   VARCHAR(512) NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;

-- Hibernate takes claim ids in blocks of 50 so that batched inserts need no round trip per row.
ALTER SEQUENCE claim_id_seq INCREMENT BY 50;
