-- Read models of indicators, budgets and funding, fed by catalog.changes. Every table here can be rebuilt from
-- the topic (POST /api/admin/rebuild), so none holds anything the topic does not.

-- The indicators as the catalog last described them; 'version' decides whether a change is newer.
CREATE TABLE report_indicator (
    id                     TEXT        PRIMARY KEY,
    code                   TEXT,
    statement              TEXT,
    outcome_id             TEXT,
    output_code            TEXT,
    office                 TEXT,
    version                BIGINT      NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

-- Milestone attainment per indicator and year (DESIGN §6), with what it was computed from.
CREATE TABLE report_attainment (
    indicator_id           TEXT        NOT NULL,
    year                   INTEGER     NOT NULL,
    indicator_code         TEXT,
    statement              TEXT,
    outcome_id             TEXT,
    output_code            TEXT,
    office                 TEXT,
    result_raw             TEXT,
    result_type            TEXT,
    result_value           NUMERIC,
    expected_kind          TEXT,
    expected_raw           TEXT,
    expected_type          TEXT,
    expected_value         NUMERIC,
    ratio                  NUMERIC,
    status                 TEXT        NOT NULL,
    reason                 TEXT,
    PRIMARY KEY (indicator_id, year)
);

CREATE INDEX report_attainment_by_office ON report_attainment (office, year);
CREATE INDEX report_attainment_by_outcome ON report_attainment (outcome_id, year);

-- Budget utilisation per outcome or output and reporting year.
CREATE TABLE report_budget (
    id                     TEXT        PRIMARY KEY,
    entity_id              TEXT,
    entity_type            TEXT,
    outcome_id             TEXT,
    office                 TEXT,
    reporting_year         INTEGER,
    planned_usd            NUMERIC,
    planned_shown          TEXT,
    actual_usd             NUMERIC,
    actual_shown           TEXT,
    expenses_usd           NUMERIC,
    expenses_shown         TEXT,
    funding_rate           NUMERIC,
    delivery_rate          NUMERIC,
    computed_shortfall     NUMERIC,
    stated_shortfall_usd   NUMERIC,
    stated_shortfall_shown TEXT,
    shortfall_tolerance    NUMERIC,
    shortfall_mismatch     BOOLEAN,
    over_spend             BOOLEAN     NOT NULL,
    document_id            TEXT,
    document_name          TEXT,
    version                BIGINT      NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

CREATE INDEX report_budget_by_office ON report_budget (office, reporting_year);
CREATE INDEX report_budget_by_outcome ON report_budget (outcome_id, reporting_year);

-- The funding of each outcome as the catalog last described it.
CREATE TABLE report_funding (
    outcome_id             TEXT        PRIMARY KEY,
    office                 TEXT,
    version                BIGINT      NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

-- Each partner's contribution to an outcome per year.
CREATE TABLE report_funding_contribution (
    outcome_id             TEXT        NOT NULL,
    partner                TEXT        NOT NULL,
    year                   INTEGER     NOT NULL,
    office                 TEXT,
    total_usd              NUMERIC,
    total_shown            TEXT,
    development_usd        NUMERIC,
    humanitarian_usd       NUMERIC,
    PRIMARY KEY (outcome_id, partner, year)
);

CREATE INDEX report_funding_contribution_by_office ON report_funding_contribution (office, year);

-- The outcome's 'updated_at' is from now on the catalog's time of the change, not the time it was applied:
-- replaying the topic then yields the very same rows.
COMMENT ON COLUMN report_outcome.updated_at IS 'changedAt of the catalog change this row reflects';
