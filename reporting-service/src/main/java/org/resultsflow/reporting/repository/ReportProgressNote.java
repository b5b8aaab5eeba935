package org.resultsflow.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One entry of an outcome's progress timeline: a note of the outcome or of one of its outputs. */
@Entity
@Table(name = "report_progress_note")
public class ReportProgressNote extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** Null when no document states the year. */
    public Integer year;

    @Column(name = "year_basis")
    public String yearBasis;

    public int sequence;

    public String status;

    @Column(name = "first_sentence")
    public String firstSentence;

    public String text;

    public boolean partial;

    @Column(name = "output_code")
    public String outputCode;

    @Column(name = "output_statement")
    public String outputStatement;

    @Column(name = "document_id")
    public String documentId;

    @Column(name = "document_name")
    public String documentName;

    /** The outcome and the entry's place on its timeline (1 for the first): the year no longer identifies a note. */
    @Embeddable
    public record Key(@Column(name = "outcome_id") String outcomeId, @Column(name = "entry") int entry)
            implements Serializable {
    }
}
