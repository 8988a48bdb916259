package com.aftercare.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.aftercare.escalation.TellLateWork;

/**
 * A survey as the API shows it. ticketNumber: the sampled case (SAMPLE); raisedTicketNumber: the case a callback
 * opened for a problem the customer raised. overdue: past its due time and not answered (or answered late). ladder: the
 * rungs its lateness reached (ADR 0050), lowest first; empty for a customer's user.
 */
public record SurveyView(long id, SurveyKind kind, long customerId, String customerName, Long ticketId, String ticketNumber,
        LocalDate periodStart, LocalDate periodEnd, Instant dueAt, SurveyStatus status, boolean overdue, Integer intakeScore,
        Integer handlingScore, Integer supportScore, String comment, String outcome, Long raisedTicketId,
        String answeredBy, AnswerChannel answeredVia, Instant answeredAt, Instant createdAt, List<TellLateWork.RungView> ladder) {

    static SurveyView of(Survey s, String customerName, String ticketNumber, Instant now, boolean customerReads) {
        return of(s, customerName, ticketNumber, now, customerReads, List.of());
    }

    static SurveyView of(Survey s, String customerName, String ticketNumber, Instant now, boolean customerReads,
            List<SurveyRung> rungs) {
        boolean overdue = s.getOverdueAt() != null
                || (s.getStatus() == SurveyStatus.OPEN && !now.isBefore(s.getDueAt()))
                || (s.getAnsweredAt() != null && s.getAnsweredAt().isAfter(s.getDueAt()));
        return new SurveyView(s.getId(), s.getKind(), s.getCustomerId(), customerName, s.getTicketId(), ticketNumber,
                s.getPeriodStart(), s.getPeriodEnd(), s.getDueAt(), s.getStatus(), overdue, s.getIntakeScore(),
                s.getHandlingScore(), s.getSupportScore(), s.getComment(), customerReads ? null : s.getOutcome(),
                customerReads ? null : s.getRaisedTicketId(), customerReads ? null : s.getAnsweredBy(), s.getAnsweredVia(),
                s.getAnsweredAt(), s.getCreatedAt(), customerReads ? List.of()
                        : rungs.stream().map(g -> TellLateWork.RungView.of(g.getRung(), g.getReachedAt(), g.getTold())).toList());
    }
}
