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

/**
 * One line of the stock ledger: a receipt (+), an issue (-), a count adjustment (±) or one side of a transfer between
 * warehouses (out of the source batch -, into the target batch +) of one batch. Append-only.
 */
@Entity
@Table(name = "stock_movement")
class Movement {

    /** TRANSFER_BACK: a withdrawn transfer's parts back in the source warehouse. */
    enum Kind { RECEIPT, ISSUE, ADJUSTMENT, TRANSFER_OUT, TRANSFER_IN, TRANSFER_BACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_id", updatable = false)
    private Long batchId;
    @Column(name = "part_id", updatable = false)
    private Long partId;
    @Column(name = "warehouse_id", updatable = false)
    private Long warehouseId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Kind kind;
    @Column(updatable = false)
    private int quantity;
    @Column(name = "requisition_id", updatable = false)
    private Long requisitionId;
    @Column(name = "count_id", updatable = false)
    private Long countId;
    @Column(name = "ticket_id", updatable = false)
    private Long ticketId;
    @Column(name = "transfer_id", updatable = false)
    private Long transferId;
    @Column(name = "moved_by", updatable = false)
    private String movedBy;
    @Column(name = "moved_at", updatable = false)
    private Instant movedAt;
    @Column(updatable = false)
    private String note;

    protected Movement() {
    }

    Movement(Batch batch, Kind kind, int quantity, Long requisitionId, Long countId, Long ticketId, String movedBy,
            Instant movedAt, String note) {
        this.batchId = batch.getId();
        this.partId = batch.getPartId();
        this.warehouseId = batch.getWarehouseId();
        this.kind = kind;
        this.quantity = quantity;
        this.requisitionId = requisitionId;
        this.countId = countId;
        this.ticketId = ticketId;
        this.movedBy = movedBy;
        this.movedAt = movedAt;
        this.note = note;
    }

    /** One side of a transfer: TRANSFER_OUT (quantity negative) of the source batch or TRANSFER_IN of the target's. */
    static Movement ofTransfer(Batch batch, Kind kind, int quantity, long transferId, String movedBy, Instant movedAt) {
        Movement m = new Movement(batch, kind, quantity, null, null, null, movedBy, movedAt, null);
        m.transferId = transferId;
        return m;
    }

    Long getId() {
        return id;
    }

    Long getBatchId() {
        return batchId;
    }

    Long getPartId() {
        return partId;
    }

    Long getWarehouseId() {
        return warehouseId;
    }

    Kind getKind() {
        return kind;
    }

    int getQuantity() {
        return quantity;
    }

    Long getRequisitionId() {
        return requisitionId;
    }

    Long getCountId() {
        return countId;
    }

    Long getTicketId() {
        return ticketId;
    }

    Long getTransferId() {
        return transferId;
    }

    String getMovedBy() {
        return movedBy;
    }

    Instant getMovedAt() {
        return movedAt;
    }

    String getNote() {
        return note;
    }
}
