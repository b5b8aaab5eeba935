-- Records the consumers set aside (they are on reporting.dlq too), kept where an operator can list them and send
-- them through the consumer again once the cause is fixed (GET/POST /api/admin/dead-letters). One row per topic,
-- partition and offset: a batch retried after setting a record aside does not keep it twice.
--  * headers: the record's headers as a JSON array of {name, value}, in text, not jsonb, which refuses a NUL
--    character (a header may hold one);
--  * payload: the value as received, in bytes, for the same reason;
--  * reason: why it was set aside, or why its last replay refused it again;
--  * replayed_at: when a replay applied it; null while it waits.
CREATE TABLE dead_letter (
    id            BIGSERIAL    PRIMARY KEY,
    topic         VARCHAR(249) NOT NULL,
    partition_no  INTEGER      NOT NULL,
    record_offset BIGINT       NOT NULL,
    record_key    TEXT,
    event_id      TEXT,
    event_type    TEXT,
    headers       TEXT         NOT NULL,
    payload       BYTEA,
    reason        TEXT         NOT NULL,
    set_aside_at  TIMESTAMPTZ  NOT NULL,
    replayed_at   TIMESTAMPTZ,
    CONSTRAINT dead_letter_once UNIQUE (topic, partition_no, record_offset)
);

CREATE INDEX dead_letter_pending ON dead_letter (topic, id) WHERE replayed_at IS NULL;
