package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/** The current canonical state of one record, as last published on catalog.changes. */
@Entity
@Table(name = "canonical_record")
public class CanonicalRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String office;

    @Column(name = "plan_period")
    public String planPeriod;

    @Column(name = "parent_id")
    public String parentId;

    @Column(name = "outcome_id")
    public String outcomeId;

    /** For the key of a codeless indicator matched to its coded twin: the twin's id. */
    @Column(name = "merged_into")
    public String mergedInto;

    /** Observations whose documents gave different known values. */
    public int conflicts;

    public long version;

    /** The record as published, always a JSON object. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(state as text)", write = "cast(cast(? as text) as jsonb)")
    @Convert(converter = JsonText.class)
    @Mutability(Immutability.class)
    public JsonNode state;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "record_type") String recordType, @Column(name = "record_id") String recordId)
            implements Serializable {
    }
}
