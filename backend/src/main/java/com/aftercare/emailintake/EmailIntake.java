package com.aftercare.emailintake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One mail taken from the intake mailbox (V36): its Message-ID (unique), what was done with it and why. */
@Entity
@Table(name = "email_intake")
class EmailIntake {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "message_id")
    private String messageId;
    private String sender;
    private String subject;
    @Enumerated(EnumType.STRING)
    private MailOutcome outcome;
    @Enumerated(EnumType.STRING)
    private DropReason reason;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected EmailIntake() {
    }

    EmailIntake(String messageId, String sender, String subject, MailOutcome outcome, DropReason reason, Instant receivedAt) {
        this.messageId = messageId;
        this.sender = cut(sender, 320);
        this.subject = cut(subject, 300);
        this.outcome = outcome;
        this.reason = reason;
        this.receivedAt = receivedAt;
    }

    void tookIn(MailOutcome outcome, Long ticketId) {
        this.outcome = outcome;
        this.ticketId = ticketId;
    }

    void dropped(DropReason reason) {
        this.outcome = MailOutcome.DROPPED;
        this.reason = reason;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    Long getId() { return id; }
    String getMessageId() { return messageId; }
    String getSender() { return sender; }
    String getSubject() { return subject; }
    MailOutcome getOutcome() { return outcome; }
    DropReason getReason() { return reason; }
    Long getTicketId() { return ticketId; }
    Instant getReceivedAt() { return receivedAt; }
}
