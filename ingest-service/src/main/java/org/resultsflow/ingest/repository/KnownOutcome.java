package org.resultsflow.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An outcome some ingested document showed with its id, and its normalised statement. */
@Entity
@Table(name = "known_outcome")
public class KnownOutcome extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "normalised_statement")
    public String normalisedStatement;

    @Column(name = "document_id")
    public String documentId;

    @Column(name = "seen_at")
    public Instant seenAt;
}
