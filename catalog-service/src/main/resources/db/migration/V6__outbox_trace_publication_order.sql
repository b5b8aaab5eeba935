-- Observability and the HTTP change feed. What changes on outbox_event:
--  * traceparent: the W3C trace context of the batch that wrote the change, so that the relay's publish
--    continues the trace of the document that caused it;
--  * ingested_at: when the earliest document of that batch was ingested (its events' ce_time), passed on
--    to catalog.changes so that reporting can measure its read models' freshness;
--  * published_seq: the order of publication, the feed's cursor. Ids are taken before commit, so a row with
--    a smaller id can commit (and be published) after one with a larger id; a reader paging by id would skip
--    it. Publication is serialised by the relay's row locks, so published_seq only ever grows at the end.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN ingested_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN published_seq BIGINT;
CREATE SEQUENCE outbox_publication_seq;
UPDATE outbox_event o SET published_seq = p.seq
  FROM (SELECT id, row_number() OVER (ORDER BY published_at, id) AS seq FROM outbox_event WHERE published_at IS NOT NULL) p
 WHERE o.id = p.id;
SELECT setval('outbox_publication_seq', COALESCE((SELECT max(published_seq) FROM outbox_event), 0) + 1, false);
CREATE UNIQUE INDEX outbox_event_publication ON outbox_event (published_seq);
