package com.aftercare.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One batch on a count sheet: what the books said when the count started, what was counted, and why they differ. */
@Entity
@Table(name = "stock_count_line")
class CountLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "count_id", updatable = false)
    private Long countId;
    @Column(name = "batch_id", updatable = false)
    private Long batchId;
    @Column(name = "part_id", updatable = false)
    private Long partId;
    @Column(updatable = false)
    private int expected;
    private Integer counted;
    private String reason;
    @Version
    private long version;

    protected CountLine() {
    }

    CountLine(Long countId, Batch batch) {
        this.countId = countId;
        this.batchId = batch.getId();
        this.partId = batch.getPartId();
        this.expected = batch.getRemaining();
    }

    void enter(Integer counted, String reason) {
        this.counted = counted;
        this.reason = reason;
    }

    /** counted - expected, or null while not counted. */
    Integer difference() {
        return counted == null ? null : counted - expected;
    }

    Long getId() {
        return id;
    }

    Long getCountId() {
        return countId;
    }

    Long getBatchId() {
        return batchId;
    }

    Long getPartId() {
        return partId;
    }

    int getExpected() {
        return expected;
    }

    Integer getCounted() {
        return counted;
    }

    String getReason() {
        return reason;
    }
}
