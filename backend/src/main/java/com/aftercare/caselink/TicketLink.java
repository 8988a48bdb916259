package com.aftercare.caselink;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Two linked cases, one row per pair (lower id first); see V40 and ADR 0040. */
@Entity
@Table(name = "ticket_link")
class TicketLink {

    enum Kind { RELATED, DUPLICATE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "low_ticket_id")
    private Long lowTicketId;
    @Column(name = "high_ticket_id")
    private Long highTicketId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    /** Which of the two was closed as the duplicate of the other; null for RELATED. */
    @Column(name = "duplicate_ticket_id")
    private Long duplicateTicketId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected TicketLink() {
    }

    TicketLink(long a, long b, Kind kind, Long duplicateTicketId, String createdBy, Instant createdAt) {
        this.lowTicketId = Math.min(a, b);
        this.highTicketId = Math.max(a, b);
        this.kind = kind;
        this.duplicateTicketId = duplicateTicketId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The other case of the pair, seen from {@code ticketId}. */
    long other(long ticketId) {
        return ticketId == lowTicketId ? highTicketId : lowTicketId;
    }

    /** The link as seen from one side: RELATED, DUPLICATE_OF (this one is the duplicate) or DUPLICATED_BY. */
    String seenFrom(long ticketId) {
        if (kind == Kind.RELATED) {
            return "RELATED";
        }
        return duplicateTicketId == ticketId ? "DUPLICATE_OF" : "DUPLICATED_BY";
    }

    Long getId() { return id; }
    Kind getKind() { return kind; }
    Long getDuplicateTicketId() { return duplicateTicketId; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
}
