package com.aftercare.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of a ticket's timeline. Append-only: there is no setter and Hibernate never updates it. */
@Entity
@Immutable
@Table(name = "ticket_event")
public class TicketEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String type;
    private String message;

    protected TicketEvent() {
    }

    public TicketEvent(Long ticketId, Instant occurredAt, String actor, String type, String message) {
        this.ticketId = ticketId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.type = type;
        this.message = message.length() > 4000 ? message.substring(0, 3997) + "..." : message;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getType() { return type; }
    public String getMessage() { return message; }
}
