package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.engine.spi.SelfDirtinessTracker;

/** What one document says about one field of one entity (see the migration for the model). */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    /** From the column's own sequence (BIGSERIAL): claims are written by ClaimRepository#insert, never persisted. */
    @Id
    public Long id;

    @Column(name = "record_type")
    public String recordType;

    @Column(name = "record_id")
    public String recordId;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public String entityId;

    /** The key the document used for what it describes (outcome id, indicator key, budget id or entity). */
    public String subject;

    public String field;

    @Column(name = "document_id")
    public String documentId;

    @Column(name = "document_name")
    public String documentName;

    /** The address the document was published at, when its reader gave it. */
    @Column(name = "document_source")
    public String documentSource;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "as_of_basis")
    public String asOfBasis;

    /** False for a value-less marker (TBD, N/A, -, empty): such a claim never outranks a known value. */
    public boolean known;

    /**
     * The value as JSON (an object, an array, a string or a number) in a jsonb column, passed as text and
     * cast in SQL: the reactive client binds JSON parameters as objects only, and would hand back a decoded
     * value rather than the text.
     */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(value as text)", write = "cast(cast(? as text) as jsonb)")
    public String value;

    @Column(name = "first_line")
    public Integer firstLine;

    @Column(name = "last_line")
    public Integer lastLine;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /**
     * A claim no session will manage (claims are read as tuples and written set-based): its dirty tracking, which the
     * enhancer puts on every field write, is suspended. Tracked, each claim grew an array of field names copy by copy
     * and searched it on each write, for nothing: 1,063 instead of 231 bytes and ~2.5 instead of ~0.25 µs for a
     * claim's 16 fields with C1 (the services' compiler).
     */
    public static Claim unmanaged() {
        Claim claim = new Claim();
        if (claim instanceof SelfDirtinessTracker tracker) {
            tracker.$$_hibernate_suspendDirtyTracking(true);
        }
        return claim;
    }
}
