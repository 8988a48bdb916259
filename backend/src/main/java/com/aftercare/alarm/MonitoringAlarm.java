package com.aftercare.alarm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One alarm of a source (its dedup key) and the case it opened. While that case is open the row holds the key in
 * open_key, which the database keeps unique per source (V33): a second row for the same open alarm cannot exist,
 * whatever threads or servers race to insert it.
 */
@Entity
@Table(name = "monitoring_alarm")
public class MonitoringAlarm {

    public enum State { FIRING, ACKNOWLEDGED, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "source_id")
    private Long sourceId;
    @Column(name = "dedup_key")
    private String dedupKey;
    @Column(name = "open_key")
    private String openKey;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "device_id")
    private Long deviceId;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String summary;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "trigger_count")
    private int triggerCount;
    @Column(name = "first_at")
    private Instant firstAt;
    @Column(name = "last_triggered_at")
    private Instant lastTriggeredAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "flapping_noted_at")
    private Instant flappingNotedAt;

    protected MonitoringAlarm() {
    }

    MonitoringAlarm(Long sourceId, String dedupKey, Severity severity, String summary, Instant at) {
        this.sourceId = sourceId;
        this.dedupKey = dedupKey;
        this.openKey = dedupKey;
        this.severity = severity;
        this.summary = summary;
        this.state = State.FIRING;
        this.triggerCount = 1;
        this.firstAt = at;
        this.lastTriggeredAt = at;
    }

    void openedCase(Long ticketId, Long deviceId) {
        this.ticketId = ticketId;
        this.deviceId = deviceId;
    }

    /** Its case is closed: the key is free for a new case (null never collides in the unique constraint). */
    void caseClosed() {
        this.openKey = null;
    }

    /** @return how many times it has fired, this one included */
    int triggeredAgain(Severity severity, String summary, Instant at) {
        this.triggerCount++;
        this.severity = severity;
        this.summary = summary;
        this.state = State.FIRING;
        this.lastTriggeredAt = at;
        return triggerCount;
    }

    void acknowledged(Instant at) {
        this.acknowledgedAt = at;
        if (state == State.FIRING) {
            this.state = State.ACKNOWLEDGED;
        }
    }

    /** @return whether it was firing (a trigger/resolve pair completed) rather than already resolved */
    boolean resolved(Instant at) {
        boolean wasFiring = state != State.RESOLVED;
        this.state = State.RESOLVED;
        this.resolvedAt = at;
        return wasFiring;
    }

    void flappingNoted(Instant at) {
        this.flappingNotedAt = at;
    }

    public Long getId() { return id; }
    public Long getSourceId() { return sourceId; }
    public String getDedupKey() { return dedupKey; }
    public boolean isOpen() { return openKey != null; }
    public Long getTicketId() { return ticketId; }
    public Long getDeviceId() { return deviceId; }
    public Severity getSeverity() { return severity; }
    public String getSummary() { return summary; }
    public State getState() { return state; }
    public int getTriggerCount() { return triggerCount; }
    public Instant getFirstAt() { return firstAt; }
    public Instant getLastTriggeredAt() { return lastTriggeredAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getFlappingNotedAt() { return flappingNotedAt; }
}
