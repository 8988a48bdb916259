package com.aftercare.change;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A supervisor's judgement that a fault case was caused by a change (RP-5). Made once; deleted when withdrawn. */
@Entity
@Immutable
@Table(name = "change_caused_case")
class ChangeCausedCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "change_id")
    private long changeId;
    @Column(name = "ticket_id")
    private long ticketId;
    @Column(name = "customer_id")
    private long customerId;
    private String note;
    @Column(name = "marked_by")
    private String markedBy;
    @Column(name = "marked_at")
    private Instant markedAt;

    protected ChangeCausedCase() {
    }

    ChangeCausedCase(long changeId, long ticketId, long customerId, String note, String markedBy, Instant markedAt) {
        this.changeId = changeId;
        this.ticketId = ticketId;
        this.customerId = customerId;
        this.note = note;
        this.markedBy = markedBy;
        this.markedAt = markedAt;
    }

    long getChangeId() { return changeId; }
    long getTicketId() { return ticketId; }
    String getNote() { return note; }
    String getMarkedBy() { return markedBy; }
    Instant getMarkedAt() { return markedAt; }
}
