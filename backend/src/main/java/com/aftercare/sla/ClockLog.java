package com.aftercare.sla;

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
 * What escalation did with a clock: a level reached (and who was told), a de-escalation, and the
 * clock's final word when it stopped (met or missed, with its margin). Append-only.
 */
@Entity
@Table(name = "sla_clock_log")
public class ClockLog {

    public enum Kind { ESCALATED, DEESCALATED, MET, MISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ClockName clock;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    /** For ESCALATED: when the level was due (lateness = occurredAt - dueAt); for MET/MISSED: the clock's due time. */
    @Column(name = "due_at", updatable = false)
    private Instant dueAt;
    @Column(nullable = false, updatable = false)
    private int level;
    @Column(name = "level_name", updatable = false)
    private String levelName;
    @Column(updatable = false)
    private String detail;
    /**
     * ESCALATED rows only: ticket, clock, level and due time of the rung, unique (V53). Two nodes that both run a
     * rung's timer (a job whose lock ran out on a stalled node) cannot both record it: the second insert fails,
     * its transaction (with its notification rows) rolls back, and the rung is told once (ADR 0054).
     */
    @Column(name = "rung_key", updatable = false)
    private String rungKey;

    protected ClockLog() {
    }

    ClockLog(Long ticketId, ClockName clock, Kind kind, Instant occurredAt, Instant dueAt, int level, String levelName,
            String detail) {
        this.ticketId = ticketId;
        this.clock = clock;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.dueAt = dueAt;
        this.level = level;
        this.levelName = levelName;
        this.detail = detail;
        this.rungKey = kind == Kind.ESCALATED ? ticketId + "/" + clock + "/" + level + "/"
                + (dueAt == null ? "-" : String.valueOf(dueAt.toEpochMilli())) : null;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public ClockName getClock() { return clock; }
    public Kind getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getDueAt() { return dueAt; }
    public int getLevel() { return level; }
    public String getLevelName() { return levelName; }
    public String getDetail() { return detail; }
}
