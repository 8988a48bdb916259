package com.aftercare.stock;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a transfer took from one source batch: its received date and unit cost travel with it and become the target
 * batch's on receipt, so a two-month-old part does not turn new by moving (FIFO order and the stale age carry over).
 */
@Entity
@Table(name = "stock_transfer_line")
class TransferLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "transfer_id", nullable = false, updatable = false)
    private Long transferId;
    @Column(name = "source_batch_id", nullable = false, updatable = false)
    private Long sourceBatchId;
    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;
    @Column(nullable = false, updatable = false)
    private int quantity;
    @Column(name = "unit_cost", updatable = false)
    private BigDecimal unitCost;
    @Column(name = "target_batch_id")
    private Long targetBatchId;

    protected TransferLine() {
    }

    TransferLine(long transferId, Batch source, int quantity) {
        this.transferId = transferId;
        this.sourceBatchId = source.getId();
        this.receivedOn = source.getReceivedOn();
        this.quantity = quantity;
        this.unitCost = source.getUnitCost();
    }

    void arrivedAs(long batchId) {
        this.targetBatchId = batchId;
    }

    Long getId() { return id; }
    Long getTransferId() { return transferId; }
    Long getSourceBatchId() { return sourceBatchId; }
    LocalDate getReceivedOn() { return receivedOn; }
    int getQuantity() { return quantity; }
    BigDecimal getUnitCost() { return unitCost; }
    Long getTargetBatchId() { return targetBatchId; }
}
