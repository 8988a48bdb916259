package com.aftercare.stock;

import java.util.Map;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.aftercare.common.ConflictException;

/** An engineer's request for parts (领料单), optionally for a case; approved or rejected by a supervisor, then issued. */
@Entity
@Table(name = "stock_requisition")
class Requisition {

    enum Status { REQUESTED, APPROVED, REJECTED, ISSUED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "part_id", updatable = false)
    private Long partId;
    @Column(name = "warehouse_id", updatable = false)
    private Long warehouseId;
    @Column(updatable = false)
    private int quantity;
    @Column(name = "ticket_id", updatable = false)
    private Long ticketId;
    @Column(updatable = false)
    private String purpose;
    @Column(name = "requested_by", updatable = false)
    private String requestedBy;
    @Column(name = "requested_at", updatable = false)
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "reject_reason")
    private String rejectReason;
    @Column(name = "issued_by")
    private String issuedBy;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Version
    private long version;

    protected Requisition() {
    }

    Requisition(Long partId, Long warehouseId, int quantity, Long ticketId, String purpose, String requestedBy,
            Instant requestedAt) {
        this.partId = partId;
        this.warehouseId = warehouseId;
        this.quantity = quantity;
        this.ticketId = ticketId;
        this.purpose = purpose;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.REQUESTED;
    }

    void decide(boolean approved, String reason, String user, Instant at) {
        if (status != Status.REQUESTED) {
            throw ConflictException.of("requisitionDecided", Map.of("id", id));
        }
        status = approved ? Status.APPROVED : Status.REJECTED;
        rejectReason = approved ? null : reason;
        decidedBy = user;
        decidedAt = at;
    }

    void issued(String user, Instant at) {
        if (status != Status.APPROVED) {
            throw ConflictException.of("requisitionNotApproved", Map.of("id", id));
        }
        status = Status.ISSUED;
        issuedBy = user;
        issuedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getPartId() {
        return partId;
    }

    Long getWarehouseId() {
        return warehouseId;
    }

    int getQuantity() {
        return quantity;
    }

    Long getTicketId() {
        return ticketId;
    }

    String getPurpose() {
        return purpose;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    Status getStatus() {
        return status;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getRejectReason() {
        return rejectReason;
    }

    String getIssuedBy() {
        return issuedBy;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }
}
