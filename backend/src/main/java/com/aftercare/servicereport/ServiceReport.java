package com.aftercare.servicereport;

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
import jakarta.persistence.Version;

/**
 * A service report owed for one customer, kind and period (and for a major fault, one case): DUE until its files
 * are made, then READY. The bytes are in {@link ServiceReportContent}; their SHA-256 here are audited.
 */
@Entity
@Table(name = "service_report")
class ServiceReport {

    enum Status { DUE, READY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id")
    private Long customerId;
    @Enumerated(EnumType.STRING)
    private ServiceReportKind kind;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @Column(name = "ticket_key")
    private long ticketKey;
    @Column(name = "ticket_number")
    private String ticketNumber;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
    private String language;
    @Column(name = "file_base")
    private String fileBase;
    private int cases;
    @Column(name = "xlsx_bytes")
    private long xlsxBytes;
    @Column(name = "pdf_bytes")
    private long pdfBytes;
    @Column(name = "xlsx_sha256")
    private String xlsxSha256;
    @Column(name = "pdf_sha256")
    private String pdfSha256;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "made_at")
    private Instant madeAt;
    @Column(name = "mailed_to")
    private String mailedTo;
    @Column(name = "mailed_at")
    private Instant mailedAt;
    @Version
    private long version;

    protected ServiceReport() {
    }

    ServiceReport(long customerId, ServicePeriod period, Long ticketId, String ticketNumber, String createdBy, Instant now) {
        this.customerId = customerId;
        this.kind = period.kind();
        this.periodStart = period.start();
        this.periodEnd = period.endExclusive();
        this.ticketKey = ticketId == null ? 0 : ticketId;
        this.ticketNumber = ticketNumber;
        this.dueOn = period.dueOn();
        this.status = Status.DUE;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void made(String language, String fileBase, int cases, byte[] xlsx, String xlsxSha, byte[] pdf, String pdfSha, Instant now) {
        this.language = language;
        this.fileBase = fileBase;
        this.cases = cases;
        this.xlsxBytes = xlsx.length;
        this.pdfBytes = pdf.length;
        this.xlsxSha256 = xlsxSha;
        this.pdfSha256 = pdfSha;
        this.status = Status.READY;
        this.madeAt = now;
    }

    void overdueNotified(Instant now) {
        this.overdueNotifiedAt = now;
    }

    void mailed(String to, Instant now) {
        this.mailedTo = to;
        this.mailedAt = now;
    }

    Long getId() { return id; }
    Long getCustomerId() { return customerId; }
    ServiceReportKind getKind() { return kind; }
    LocalDate getPeriodStart() { return periodStart; }
    LocalDate getPeriodEnd() { return periodEnd; }
    Long ticketId() { return ticketKey == 0 ? null : ticketKey; }
    String getTicketNumber() { return ticketNumber; }
    LocalDate getDueOn() { return dueOn; }
    Status getStatus() { return status; }
    Instant getOverdueNotifiedAt() { return overdueNotifiedAt; }
    String getLanguage() { return language; }
    String getFileBase() { return fileBase; }
    int getCases() { return cases; }
    long getXlsxBytes() { return xlsxBytes; }
    long getPdfBytes() { return pdfBytes; }
    String getXlsxSha256() { return xlsxSha256; }
    String getPdfSha256() { return pdfSha256; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getMadeAt() { return madeAt; }
    String getMailedTo() { return mailedTo; }
    Instant getMailedAt() { return mailedAt; }

    ServicePeriod period() {
        return new ServicePeriod(kind, periodStart, periodEnd);
    }
}
