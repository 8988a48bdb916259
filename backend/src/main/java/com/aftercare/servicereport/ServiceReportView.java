package com.aftercare.servicereport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.aftercare.escalation.TellLateWork;

/**
 * A service report as the API lists it. period: "2026-10-05", "2026-10", "2026-Q3" or "2026"; state: READY, LATE
 * (made after its due day), DUE (not made yet, not late) or OVERDUE (not made and its due day has passed).
 * ticketNumber only for a major fault report; file names and sizes only once it is made. ladder: the rungs its
 * lateness reached (ADR 0050), lowest first; empty for a customer's user.
 */
public record ServiceReportView(long id, long customerId, String customerName, ServiceReportKind kind, String period,
        LocalDate periodStart, LocalDate periodEnd, String ticketNumber, LocalDate dueOn, String state, String language,
        String xlsxName, String pdfName, long xlsxBytes, long pdfBytes, int cases, String createdBy, Instant madeAt,
        List<String> mailedTo, Instant mailedAt, List<TellLateWork.RungView> ladder) {

    ServiceReportView withoutCreator() {
        return new ServiceReportView(id, customerId, customerName, kind, period, periodStart, periodEnd, ticketNumber, dueOn, state,
                language, xlsxName, pdfName, xlsxBytes, pdfBytes, cases, null, madeAt, mailedTo, mailedAt, List.of());
    }

    static ServiceReportView of(ServiceReport r, String customerName, LocalDate today, ZoneId zone) {
        return of(r, customerName, today, zone, List.of());
    }

    static ServiceReportView of(ServiceReport r, String customerName, LocalDate today, ZoneId zone, List<ServiceReportRung> rungs) {
        boolean ready = r.getStatus() == ServiceReport.Status.READY;
        String state = ready ? (r.getMadeAt().atZone(zone).toLocalDate().isAfter(r.getDueOn()) ? "LATE" : "READY")
                : (today.isAfter(r.getDueOn()) ? "OVERDUE" : "DUE");
        return new ServiceReportView(r.getId(), r.getCustomerId(), customerName, r.getKind(), r.period().code(), r.getPeriodStart(),
                r.getPeriodEnd(), r.getTicketNumber(), r.getDueOn(), state, r.getLanguage(),
                ready ? r.getFileBase() + ".xlsx" : null, ready ? r.getFileBase() + ".pdf" : null, r.getXlsxBytes(), r.getPdfBytes(),
                r.getCases(), r.getCreatedBy(), r.getMadeAt(),
                r.getMailedTo() == null ? List.of() : List.of(r.getMailedTo().split(",")), r.getMailedAt(),
                rungs.stream().map(g -> TellLateWork.RungView.of(g.getRung(), g.getReachedAt(), g.getTold())).toList());
    }
}
