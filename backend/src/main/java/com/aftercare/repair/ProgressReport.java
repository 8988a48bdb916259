package com.aftercare.repair;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A progress report written while the device is at the vendor (RR-3), as it was sent to the customer. */
@Entity
@Table(name = "repair_progress_report")
class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;
    @Column(name = "slip_id", nullable = false, updatable = false)
    private Long slipId;
    @Column(nullable = false, updatable = false)
    private String body;
    @Column(name = "written_by", updatable = false)
    private String writtenBy;
    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    protected ProgressReport() {
    }

    ProgressReport(Long ticketId, Long slipId, String body, String writtenBy, Instant writtenAt) {
        this.ticketId = ticketId;
        this.slipId = slipId;
        this.body = body;
        this.writtenBy = writtenBy;
        this.writtenAt = writtenAt;
    }

    Long getSlipId() { return slipId; }
    String getBody() { return body; }
    String getWrittenBy() { return writtenBy; }
    Instant getWrittenAt() { return writtenAt; }
}
