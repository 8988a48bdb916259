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

/** One event as received and what intake made of it; counts, last event times and the flapping window read these. */
@Entity
@Table(name = "monitoring_event")
public class MonitoringEvent {

    /** What an event did: opened a case, appended to one, was recorded on one, or found no open alarm. */
    public enum Outcome { OPENED, APPENDED, ACKNOWLEDGED, RESOLVED, REPEATED, IGNORED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "source_id")
    private Long sourceId;
    @Column(name = "alarm_id")
    private Long alarmId;
    @Enumerated(EnumType.STRING)
    private EventAction action;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected MonitoringEvent() {
    }

    MonitoringEvent(Long sourceId, Long alarmId, EventAction action, Outcome outcome, Instant receivedAt) {
        this.sourceId = sourceId;
        this.alarmId = alarmId;
        this.action = action;
        this.outcome = outcome;
        this.receivedAt = receivedAt;
    }

    public Long getId() { return id; }
    public Long getAlarmId() { return alarmId; }
    public EventAction getAction() { return action; }
    public Outcome getOutcome() { return outcome; }
    public Instant getReceivedAt() { return receivedAt; }
}
