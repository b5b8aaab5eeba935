package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "source_document")
public class SourceDocumentEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "media_type")
    public String mediaType;

    public String layout;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "as_of_basis")
    public String asOfBasis;

    /** The address the document was published at, when its reader gave it. */
    public String source;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
}
