-- One row that every transaction changing the read models bumps (the live consumer's batches, the rebuild's
-- swap). An answer cached by any reporting instance carries the generation it was read at and is served only
-- while the database still holds that generation, so a commit by any instance invalidates every instance's cache.
CREATE TABLE read_model_generation (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id),
    generation bigint  NOT NULL
);
INSERT INTO read_model_generation (id, generation) VALUES (true, 0);
