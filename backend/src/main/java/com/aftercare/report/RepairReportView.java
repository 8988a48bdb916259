package com.aftercare.report;

import java.time.Instant;
import java.time.LocalDate;

/** A generated report as the API lists it. period: "2026-10" or "2026-Q3"; language: the contract's tag. */
public record RepairReportView(long id, long customerId, String customerName, ReportKind kind, String period,
        LocalDate periodStart, LocalDate periodEnd, String language, String fileName, long sizeBytes, int repairs,
        String createdBy, Instant createdAt) {

    RepairReportView withoutCreator() {
        return new RepairReportView(id, customerId, customerName, kind, period, periodStart, periodEnd, language, fileName,
                sizeBytes, repairs, null, createdAt);
    }

    static RepairReportView of(RepairReport r, String customerName) {
        return new RepairReportView(r.getId(), r.getCustomerId(), customerName, r.getKind(), r.period().code(),
                r.getPeriodStart(), r.getPeriodEnd(), r.getLanguage(), r.getFileName(), r.getSizeBytes(), r.getRepairs(),
                r.getCreatedBy(), r.getCreatedAt());
    }
}
