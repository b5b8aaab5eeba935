-- Events already applied, written in the same transaction as their effect.
CREATE TABLE processed_event (
    event_id     VARCHAR(128) PRIMARY KEY,
    event_type   VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);

-- Read model: outcomes as the catalog last described them. 'version' is the catalog's version of the
-- outcome; an older or repeated change is ignored.
CREATE TABLE report_outcome (
    id          VARCHAR(512) PRIMARY KEY,
    code        VARCHAR(128),
    office      VARCHAR(32),
    plan_period VARCHAR(16),
    statement   TEXT,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX report_outcome_by_office ON report_outcome (office);

-- Read model: the progress timeline of each outcome, one note a year.
CREATE TABLE report_progress_note (
    outcome_id     VARCHAR(512) NOT NULL REFERENCES report_outcome (id) ON DELETE CASCADE,
    year           INTEGER      NOT NULL,
    status         VARCHAR(64),
    first_sentence TEXT,
    text           TEXT,
    document_id    VARCHAR(64),
    document_name  VARCHAR(512),
    PRIMARY KEY (outcome_id, year)
);
