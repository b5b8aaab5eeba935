package org.resultsflow.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.resultsflow.ingest.parsing.ParseWarning;

/** A document ingest accepted, with its parse report. */
@Entity
@Table(name = "ingested_document")
public class IngestedDocument extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** The address the document was published at, when the caller gave it. */
    public String source;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String layout;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "as_of_basis")
    public String asOfBasis;

    public String office;

    @Column(name = "plan_period")
    public String planPeriod;

    @Column(name = "outcome_count")
    public int outcomeCount;

    @Column(name = "output_count")
    public int outputCount;

    @Column(name = "indicator_count")
    public int indicatorCount;

    @Column(name = "observation_count")
    public int observationCount;

    @Column(name = "budget_count")
    public int budgetCount;

    @Column(name = "note_count")
    public int noteCount;

    @Column(name = "event_count")
    public int eventCount;

    /**
     * A JSON array in a jsonb column, passed as text and cast in SQL: the reactive client binds JSON
     * parameters as objects only, and would hand back a decoded value rather than the text.
     */
    @Convert(converter = WarningsConverter.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(warnings as text)", write = "cast(cast(? as text) as jsonb)")
    public List<ParseWarning> warnings;

    @Column(name = "received_at")
    public Instant receivedAt;
}
