package com.aftercare.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of a ticket's timeline. Append-only: there is no setter and Hibernate never updates it. */
@Entity
@Immutable
@Table(name = "ticket_event")
public class TicketEvent {

    /**
     * From a pooled sequence (50 ids per call, V74), not an identity column: Hibernate then knows the id without
     * inserting, so a case's rows go out at flush as one JDBC batch instead of one round trip each (ADR 0076).
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_ids")
    @SequenceGenerator(name = "ticket_event_ids", sequenceName = "ticket_event_seq", allocationSize = 50)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String type;
    /** What was written at the time: the zh-CN text of a typed event, or the whole story of an older line. */
    private String message;
    /** The CaseEvent record behind the line ("Escalated"); null on lines from before typed events. */
    private String kind;
    /** That event's fields as JSON, rendered in the reader's language when read; null with kind. */
    private String params;

    protected TicketEvent() {
    }

    public TicketEvent(Long ticketId, Instant occurredAt, String actor, String type, String message) {
        this.ticketId = ticketId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.type = type;
        this.message = message.length() > 4000 ? message.substring(0, 3997) + "..." : message;
    }

    /** A line from a typed case event (ticket.event.CaseTimeline). */
    public TicketEvent(Long ticketId, Instant occurredAt, String actor, String type, String message, String kind,
            String params) {
        this(ticketId, occurredAt, actor, type, message);
        this.kind = kind;
        this.params = params;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getType() { return type; }
    public String getMessage() { return message; }
    public String getKind() { return kind; }
    public String getParams() { return params; }
}
