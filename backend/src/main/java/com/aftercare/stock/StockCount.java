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

/**
 * The monthly count (盘点) of one warehouse: counted quantities per batch, submitted, approved by a supervisor (the
 * differences become ADJUSTMENT movements) or sent back for a recount.
 */
@Entity
@Table(name = "stock_count")
class StockCount {

    enum Status { COUNTING, SUBMITTED, APPROVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "warehouse_id", updatable = false)
    private Long warehouseId;
    @Column(name = "count_month", updatable = false)
    private String month;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "started_by", updatable = false)
    private String startedBy;
    @Column(name = "started_at", updatable = false)
    private Instant startedAt;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "reject_reason")
    private String rejectReason;
    @Version
    private long version;

    protected StockCount() {
    }

    StockCount(Long warehouseId, String month, String startedBy, Instant startedAt) {
        this.warehouseId = warehouseId;
        this.month = month;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.status = Status.COUNTING;
    }

    void requireCounting() {
        if (status != Status.COUNTING) {
            throw ConflictException.of("countNotOpen", Map.of("id", id));
        }
    }

    void submit(String user, Instant at) {
        requireCounting();
        status = Status.SUBMITTED;
        submittedBy = user;
        submittedAt = at;
    }

    void decide(boolean approved, String reason, String user, Instant at) {
        if (status != Status.SUBMITTED) {
            throw ConflictException.of("countNotSubmitted", Map.of("id", id));
        }
        status = approved ? Status.APPROVED : Status.COUNTING;
        rejectReason = approved ? null : reason;
        decidedBy = user;
        decidedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getWarehouseId() {
        return warehouseId;
    }

    String getMonth() {
        return month;
    }

    Status getStatus() {
        return status;
    }

    String getStartedBy() {
        return startedBy;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    String getRejectReason() {
        return rejectReason;
    }
}
