package com.aftercare.servicereport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.escalation.TellLateWork;
import com.aftercare.ticket.event.CaseEvent;

/**
 * RP-1 (issue 16, ADR 0050): a report not made by its due day climbs a ladder like a case clock. The day after its due
 * day (rung 1) the desk and the supervisors are told; still not made when the next working day has ended (rung 2), the
 * contract's project manager and department head and the supervisors again. Each rung is recorded once (unique key per
 * report and rung, in the same transaction as the message), so the daily timer fired twice, retried or run on two
 * nodes tells nobody twice; a report made is no longer DUE and so climbs no further.
 */
@Service
class EscalateLateReports {

    private final ServiceReportRungRepository rungs;
    private final TellLateWork tell;
    private final Clock clock;

    EscalateLateReports(ServiceReportRungRepository rungs, TellLateWork tell, Clock clock) {
        this.rungs = rungs;
        this.tell = tell;
        this.clock = clock;
    }

    /** The rung a report due on {@code dueOn} and not made has reached on {@code today}: 0 before it is late. */
    int rungOn(LocalDate dueOn, LocalDate today) {
        if (!today.isAfter(dueOn)) {
            return 0;
        }
        return today.isAfter(tell.secondRungDay(dueOn)) ? 2 : 1;
    }

    /** Climbs every DUE report to the rung it has reached; returns how many rungs were reached now. */
    @Transactional
    int escalate(List<ServiceReport> due, Map<Long, String> customerNames) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        int reached = 0;
        for (ServiceReport report : due) {
            if (report.getStatus() != ServiceReport.Status.DUE) {
                continue;
            }
            int top = rungOn(report.getDueOn(), today);
            for (int rung = 1; rung <= top; rung++) {
                if (rungs.existsByReportIdAndRung(report.getId(), rung)) {
                    continue;
                }
                if (rung == 1 && report.getOverdueNotifiedAt() != null) {
                    // told before the ladder existed (supervisors only): kept as its first rung, not told again
                    rungs.saveAndFlush(new ServiceReportRung(report.getId(), 1, report.getOverdueNotifiedAt(), "@SUPERVISOR"));
                    continue;
                }
                CaseEvent event = new CaseEvent.ServiceReportOverdue(report.getKind().name(), report.period().code(),
                        customerNames.getOrDefault(report.getCustomerId(), ""), report.getDueOn(), rung);
                TellLateWork.Told told = tell.tell(report.getCustomerId(), rung, event);
                rungs.saveAndFlush(new ServiceReportRung(report.getId(), rung, now, told.stored()));
                if (rung == 1) {
                    report.overdueNotified(now);
                }
                reached++;
            }
        }
        return reached;
    }
}
