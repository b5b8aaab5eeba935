package org.resultsflow.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

@Entity
@Table(name = "report_progress_note")
public class ReportProgressNote extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String status;

    @Column(name = "first_sentence")
    public String firstSentence;

    public String text;

    @Column(name = "document_id")
    public String documentId;

    @Column(name = "document_name")
    public String documentName;

    @Embeddable
    public record Key(@Column(name = "outcome_id") String outcomeId, @Column(name = "year") int year)
            implements Serializable {
    }
}
