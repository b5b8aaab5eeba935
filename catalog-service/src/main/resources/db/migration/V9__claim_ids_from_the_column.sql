-- Claims are inserted by one set-based statement per batch, their ids taken from the column's default: the
-- blocks of 50 were for Hibernate's batched inserts, and would now leave 49 ids unused per claim.
ALTER SEQUENCE claim_id_seq INCREMENT BY 1;
