package com.aftercare.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One fact of a ticket's life that clocks react to (append-only). Clocks are replayed from these. */
@Entity
@Table(name = "sla_milestone")
public class Milestone {

    /**
     * From a pooled sequence (50 ids per call, V74), not an identity column: Hibernate then knows the id without
     * inserting, so a case's rows go out at flush as one JDBC batch instead of one round trip each (ADR 0076).
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "milestone_ids")
    @SequenceGenerator(name = "milestone_ids", sequenceName = "sla_milestone_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MilestoneKind kind;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(updatable = false)
    private String detail;
    /** Only for a clock whose deadline is not a policy figure (VENDOR_SENT): the instant the clock it starts is due. */
    @Column(name = "due_at", updatable = false)
    private Instant dueAt;

    protected Milestone() {
    }

    public Milestone(Long ticketId, MilestoneKind kind, Instant occurredAt, String actor, String detail) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.detail = detail;
    }

    public Milestone(Long ticketId, MilestoneKind kind, Instant occurredAt, String actor, String detail, Instant dueAt) {
        this(ticketId, kind, occurredAt, actor, detail);
        this.dueAt = dueAt;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public MilestoneKind getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getDetail() { return detail; }
    public Instant getDueAt() { return dueAt; }
}
