-- Direction-aware attainment and progress toward target. Existing attainment rows carry no direction until the
-- next rebuild (POST /api/admin/rebuild) or the next change of their indicator.
ALTER TABLE report_attainment ADD COLUMN direction TEXT;
ALTER TABLE report_attainment ADD COLUMN direction_rule TEXT;

-- Progress toward the end-of-plan target per indicator and result (year, sequence), with what it was computed from.
CREATE TABLE report_progress (
    indicator_id           TEXT        NOT NULL,
    year                   INTEGER     NOT NULL,
    sequence               INTEGER     NOT NULL,
    indicator_code         TEXT,
    statement              TEXT,
    outcome_id             TEXT,
    output_code            TEXT,
    office                 TEXT,
    direction              TEXT        NOT NULL,
    direction_rule         TEXT        NOT NULL,
    baseline_raw           TEXT,
    baseline_value         NUMERIC,
    baseline_year          INTEGER,
    target_raw             TEXT,
    target_value           NUMERIC,
    target_year            INTEGER,
    result_raw             TEXT,
    result_value           NUMERIC,
    progress               NUMERIC,
    expected_progress      NUMERIC,
    pace                   NUMERIC,
    status                 TEXT        NOT NULL,
    reason                 TEXT,
    PRIMARY KEY (indicator_id, year, sequence)
);

CREATE INDEX report_progress_by_office ON report_progress (office, year);
CREATE INDEX report_progress_by_outcome ON report_progress (outcome_id, year);
