package com.aftercare.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Stock received together: the date it came in (FIFO order), how many, how many are left. remaining is changed
 * only by the conditional updates of {@link BatchRepository} (never below zero; the CHECK constraint of V27 backs
 * it), so the entity never writes it after the insert.
 */
@Entity
@Table(name = "stock_batch")
class Batch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "part_id", nullable = false, updatable = false)
    private Long partId;
    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private Long warehouseId;
    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;
    @Column(nullable = false, updatable = false)
    private int quantity;
    @Column(nullable = false, updatable = false)
    private int remaining;
    @Column(name = "unit_cost", updatable = false)
    private BigDecimal unitCost;
    @Column(name = "received_by", nullable = false, updatable = false)
    private String receivedBy;
    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected Batch() {
    }

    Batch(Long partId, Long warehouseId, LocalDate receivedOn, int quantity, BigDecimal unitCost, String receivedBy,
            Instant receivedAt) {
        this.partId = partId;
        this.warehouseId = warehouseId;
        this.receivedOn = receivedOn;
        this.quantity = quantity;
        this.remaining = quantity;
        this.unitCost = unitCost;
        this.receivedBy = receivedBy;
        this.receivedAt = receivedAt;
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

    LocalDate getReceivedOn() {
        return receivedOn;
    }

    int getQuantity() {
        return quantity;
    }

    int getRemaining() {
        return remaining;
    }

    BigDecimal getUnitCost() {
        return unitCost;
    }
}
