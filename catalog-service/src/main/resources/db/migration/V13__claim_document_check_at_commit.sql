-- A claim's document is checked at commit, not as the claim is inserted: the catalog then records a batch's
-- documents as the last statement of its transaction, so the row lock a new document takes is held for the
-- commit alone. The three ingest topics bring the same new document at once, and while one batch held that
-- lock from its first statement on, the batches of the other two waited for its whole transaction.
ALTER TABLE claim ALTER CONSTRAINT claim_document_id_fkey DEFERRABLE INITIALLY DEFERRED;
