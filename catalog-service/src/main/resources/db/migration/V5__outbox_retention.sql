-- Published outbox rows are deleted once older than the retention: the pruning finds them by publication
-- time, oldest first.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
