package com.aftercare.servicereport;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A rung of a late report's ladder (ADR 0050), reached once: the unique (report, rung) key makes a retried timer job or
 * a second node find it instead of telling anyone twice. told: who was told, as {@code TellLateWork.Told#stored()}.
 */
@Entity
@Table(name = "service_report_rung")
class ServiceReportRung {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id")
    private Long reportId;
    private int rung;
    @Column(name = "reached_at")
    private Instant reachedAt;
    private String told;

    protected ServiceReportRung() {
    }

    ServiceReportRung(long reportId, int rung, Instant reachedAt, String told) {
        this.reportId = reportId;
        this.rung = rung;
        this.reachedAt = reachedAt;
        this.told = told;
    }

    Long getReportId() { return reportId; }
    int getRung() { return rung; }
    Instant getReachedAt() { return reachedAt; }
    String getTold() { return told; }
}
