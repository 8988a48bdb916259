package com.aftercare.report;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What is known about one generated repair report; the bytes are in {@link RepairReportContent}. */
@Entity
@Table(name = "repair_report")
class RepairReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id")
    private Long customerId;
    @Enumerated(EnumType.STRING)
    private ReportKind kind;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    private String language;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    private int repairs;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected RepairReport() {
    }

    RepairReport(Long customerId, ReportPeriod period, String language, String fileName, long sizeBytes, String sha256,
            int repairs, String createdBy, Instant createdAt) {
        this.customerId = customerId;
        this.kind = period.kind();
        this.periodStart = period.start();
        this.periodEnd = period.endExclusive();
        this.language = language;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.repairs = repairs;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long getId() { return id; }
    Long getCustomerId() { return customerId; }
    ReportKind getKind() { return kind; }
    LocalDate getPeriodStart() { return periodStart; }
    LocalDate getPeriodEnd() { return periodEnd; }
    String getLanguage() { return language; }
    String getFileName() { return fileName; }
    long getSizeBytes() { return sizeBytes; }
    String getSha256() { return sha256; }
    int getRepairs() { return repairs; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }

    ReportPeriod period() {
        return new ReportPeriod(kind, periodStart, periodEnd);
    }
}
