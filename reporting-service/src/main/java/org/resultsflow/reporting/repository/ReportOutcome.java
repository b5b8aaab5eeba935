package org.resultsflow.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "report_outcome")
public class ReportOutcome extends PanacheEntityBase {

    @Id
    public String id;

    public String code;

    public String office;

    @Column(name = "plan_period")
    public String planPeriod;

    public String statement;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
