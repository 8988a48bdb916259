package com.aftercare.servicereport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A service report as the API lists it. period: "2026-10-05", "2026-10", "2026-Q3" or "2026"; state: READY, LATE
 * (made after its due day), DUE (not made yet, not late) or OVERDUE (not made and its due day has passed).
 * ticketNumber only for a major fault report; file names and sizes only once it is made.
 */
public record ServiceReportView(long id, long customerId, String customerName, ServiceReportKind kind, String period,
        LocalDate periodStart, LocalDate periodEnd, String ticketNumber, LocalDate dueOn, String state, String language,
        String xlsxName, String pdfName, long xlsxBytes, long pdfBytes, int cases, String createdBy, Instant madeAt,
        List<String> mailedTo, Instant mailedAt) {

    ServiceReportView withoutCreator() {
        return new ServiceReportView(id, customerId, customerName, kind, period, periodStart, periodEnd, ticketNumber, dueOn, state,
                language, xlsxName, pdfName, xlsxBytes, pdfBytes, cases, null, madeAt, mailedTo, mailedAt);
    }

    static ServiceReportView of(ServiceReport r, String customerName, LocalDate today, ZoneId zone) {
        boolean ready = r.getStatus() == ServiceReport.Status.READY;
        String state = ready ? (r.getMadeAt().atZone(zone).toLocalDate().isAfter(r.getDueOn()) ? "LATE" : "READY")
                : (today.isAfter(r.getDueOn()) ? "OVERDUE" : "DUE");
        return new ServiceReportView(r.getId(), r.getCustomerId(), customerName, r.getKind(), r.period().code(), r.getPeriodStart(),
                r.getPeriodEnd(), r.getTicketNumber(), r.getDueOn(), state, r.getLanguage(),
                ready ? r.getFileBase() + ".xlsx" : null, ready ? r.getFileBase() + ".pdf" : null, r.getXlsxBytes(), r.getPdfBytes(),
                r.getCases(), r.getCreatedBy(), r.getMadeAt(),
                r.getMailedTo() == null ? List.of() : List.of(r.getMailedTo().split(",")), r.getMailedAt());
    }
}
