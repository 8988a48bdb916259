package com.aftercare.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The outcome of probing a ticket's device before closure (VC-3). Kept as evidence, never changed. */
@Entity
@Immutable
@Table(name = "probe_result")
public class ProbeResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "device_id")
    private Long deviceId;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    private boolean passed;
    private String summary;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "probe_check", joinColumns = @JoinColumn(name = "probe_result_id"))
    @OrderColumn(name = "position")
    private List<ProbeCheck> checks = new ArrayList<>();

    protected ProbeResult() {
    }

    ProbeResult(Long ticketId, Long deviceId, Instant startedAt, Instant finishedAt, boolean passed, String summary,
            List<ProbeCheck> checks) {
        this.ticketId = ticketId;
        this.deviceId = deviceId;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.passed = passed;
        this.summary = summary.length() > 1000 ? summary.substring(0, 997) + "..." : summary;
        this.checks = new ArrayList<>(checks);
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public Long getDeviceId() { return deviceId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public boolean isPassed() { return passed; }
    public String getSummary() { return summary; }
    public List<ProbeCheck> getChecks() { return checks; }
}
