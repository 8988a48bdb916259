package com.aftercare.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * The keeper's written warning at a month's end about stock held longer than aftercare.stock.stale-after (FW-6, seed
 * 003 "每月终对库存时间在2个月以上的物资进行书面预警"): the stale batches as they were that day, never changed afterwards.
 */
@Entity
@Table(name = "stale_stock_warning")
class StaleStockWarning {

    /** One stale batch as the warning lists it. */
    @Embeddable
    record Line(
            @Column(name = "warehouse_code") String warehouseCode,
            @Column(name = "part_number") String partNumber,
            @Column(name = "part_name") String partName,
            String unit,
            @Column(name = "received_on") LocalDate receivedOn,
            int remaining,
            @Column(name = "unit_cost") BigDecimal unitCost,
            @Column(name = "age_days") int ageDays) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "for_month")
    private String month;
    @Column(name = "written_at")
    private Instant writtenAt;
    @Column(name = "stale_before")
    private LocalDate staleBefore;
    @Column(name = "batch_count")
    private int batchCount;
    private long quantity;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "stale_stock_warning_line", joinColumns = @JoinColumn(name = "warning_id"))
    @OrderBy("receivedOn ASC, partNumber ASC")
    private List<Line> lines = new ArrayList<>();

    protected StaleStockWarning() {
    }

    StaleStockWarning(String month, Instant writtenAt, LocalDate staleBefore, List<Line> lines) {
        this.month = month;
        this.writtenAt = writtenAt;
        this.staleBefore = staleBefore;
        this.lines = new ArrayList<>(lines);
        this.batchCount = lines.size();
        this.quantity = lines.stream().mapToLong(Line::remaining).sum();
    }

    Long getId() { return id; }
    String getMonth() { return month; }
    Instant getWrittenAt() { return writtenAt; }
    LocalDate getStaleBefore() { return staleBefore; }
    int getBatchCount() { return batchCount; }
    long getQuantity() { return quantity; }
    List<Line> getLines() { return lines; }
}
