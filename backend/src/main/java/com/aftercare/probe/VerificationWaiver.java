package com.aftercare.probe;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The desk's decision that a case may close although its device cannot be checked (its probe settings are missing),
 * with the reason. Covers checks that are not configured only: a check that ran and failed still fails.
 */
@Entity
@Table(name = "verification_waiver")
public class VerificationWaiver {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    private String reason;
    @Column(name = "waived_by")
    private String waivedBy;
    @Column(name = "waived_at")
    private Instant waivedAt;

    protected VerificationWaiver() {
    }

    VerificationWaiver(Long ticketId, String reason, String waivedBy, Instant waivedAt) {
        this.ticketId = ticketId;
        this.reason = reason;
        this.waivedBy = waivedBy;
        this.waivedAt = waivedAt;
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public String getReason() { return reason; }
    public String getWaivedBy() { return waivedBy; }
    public Instant getWaivedAt() { return waivedAt; }
}
