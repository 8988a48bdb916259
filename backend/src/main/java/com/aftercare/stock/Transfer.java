package com.aftercare.stock;

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

/**
 * A transfer of one part between two warehouses (调拨单): shipped by a keeper (the stock leaves the source at once),
 * in transit, received by a keeper at the target. The optimistic version makes two receipts at once one 200 and
 * one 409.
 */
@Entity
@Table(name = "stock_transfer")
class Transfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "part_id", nullable = false, updatable = false)
    private Long partId;
    @Column(name = "from_warehouse_id", nullable = false, updatable = false)
    private Long fromWarehouseId;
    @Column(name = "to_warehouse_id", nullable = false, updatable = false)
    private Long toWarehouseId;
    @Column(nullable = false, updatable = false)
    private int quantity;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferStatus status;
    @Column(updatable = false)
    private String note;
    @Column(name = "shipped_by", nullable = false, updatable = false)
    private String shippedBy;
    @Column(name = "shipped_at", nullable = false, updatable = false)
    private Instant shippedAt;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "receive_note")
    private String receiveNote;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Version
    private long version;

    protected Transfer() {
    }

    Transfer(long partId, long fromWarehouseId, long toWarehouseId, int quantity, String note, String shippedBy,
            Instant shippedAt) {
        this.partId = partId;
        this.fromWarehouseId = fromWarehouseId;
        this.toWarehouseId = toWarehouseId;
        this.quantity = quantity;
        this.note = note;
        this.shippedBy = shippedBy;
        this.shippedAt = shippedAt;
        this.status = TransferStatus.IN_TRANSIT;
    }

    void received(String by, Instant at, String note) {
        requireInTransit();
        this.status = TransferStatus.RECEIVED;
        this.receivedBy = by;
        this.receivedAt = at;
        this.receiveNote = note;
    }

    /** Withdrawn while on the road: its parts go back to the source (CancelTransfer). */
    void cancelled(String by, Instant at, String reason) {
        requireInTransit();
        this.status = TransferStatus.CANCELLED;
        this.cancelledBy = by;
        this.cancelledAt = at;
        this.cancelReason = reason;
    }

    /** Received or withdrawn already: the 409 that says which, before anything else is asked of the caller. */
    void requireInTransit() {
        if (status == TransferStatus.RECEIVED) {
            throw ConflictException.of("transferReceived", java.util.Map.of("number", number()));
        }
        if (status == TransferStatus.CANCELLED) {
            throw ConflictException.of("transferCancelled", java.util.Map.of("number", number()));
        }
    }

    /** The transfer slip's number as people say it: DB (调拨) and the id, six digits. */
    String number() {
        return number(id);
    }

    static String number(long id) {
        return String.format("DB-%06d", id);
    }

    Long getId() { return id; }
    Long getPartId() { return partId; }
    Long getFromWarehouseId() { return fromWarehouseId; }
    Long getToWarehouseId() { return toWarehouseId; }
    int getQuantity() { return quantity; }
    TransferStatus getStatus() { return status; }
    String getNote() { return note; }
    String getShippedBy() { return shippedBy; }
    Instant getShippedAt() { return shippedAt; }
    String getReceivedBy() { return receivedBy; }
    Instant getReceivedAt() { return receivedAt; }
    String getReceiveNote() { return receiveNote; }
    String getCancelledBy() { return cancelledBy; }
    Instant getCancelledAt() { return cancelledAt; }
    String getCancelReason() { return cancelReason; }
}
