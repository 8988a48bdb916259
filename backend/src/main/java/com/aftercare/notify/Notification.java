package com.aftercare.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An in-app message to a role or a user, e.g. an escalation for the supervisors. */
@Entity
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "recipient_role")
    private String recipientRole;
    @Column(name = "recipient_user")
    private String recipientUser;
    @Column(name = "ticket_id")
    private Long ticketId;
    private String message;
    @Column(name = "read_at")
    private Instant readAt;
    /** The case event this notification tells of (kept by ticket.event.CaseEventCodec); null for a plain message. */
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "event_params")
    private String eventParams;

    protected Notification() {
    }

    Notification(Instant createdAt, String recipientRole, String recipientUser, Long ticketId, String message) {
        this.createdAt = createdAt;
        this.recipientRole = recipientRole;
        this.recipientUser = recipientUser;
        this.ticketId = ticketId;
        this.message = message;
    }

    /** About a case event: message is its text in the contract's language, the event lets the UI use the reader's. */
    Notification(Instant createdAt, String recipientRole, String recipientUser, Long ticketId, String message,
            String eventType, String eventParams) {
        this(createdAt, recipientRole, recipientUser, ticketId, message);
        this.eventType = eventType;
        this.eventParams = eventParams;
    }

    public Long getId() { return id; }
    public Instant getCreatedAt() { return createdAt; }
    public String getRecipientRole() { return recipientRole; }
    public String getRecipientUser() { return recipientUser; }
    public Long getTicketId() { return ticketId; }
    public String getMessage() { return message; }
    public Instant getReadAt() { return readAt; }
    String getEventType() { return eventType; }
    String getEventParams() { return eventParams; }
}
