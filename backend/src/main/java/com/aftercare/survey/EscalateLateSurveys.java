package com.aftercare.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.escalation.TellLateWork;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;

/**
 * CB-1..CB-3 (issue 16, ADR 0050): a survey or callback not answered by its due time climbs a ladder like a case
 * clock. At the due time (rung 1) the desk and the supervisors are told; still open when the next working day after
 * the due day has ended (rung 2), the contract's project manager and department head and the supervisors again. Each
 * rung is recorded once (unique key per survey and rung, written with its messages in one transaction), so a retried
 * job or a second node tells nobody twice; an answered survey climbs no further.
 *
 * <p>The sampled surveys and the periodic callbacks climb on survey-schedule.bpmn's daily timer ({@link #sweep()}); a
 * quarterly survey climbs on its own process's timers (quarterly-survey.bpmn, {@link EscalateLateSurvey}).
 */
@Service
public class EscalateLateSurveys {

    private final SurveyRepository surveys;
    private final SurveyRungRepository rungs;
    private final AssetService assets;
    private final FindTicket tickets;
    private final TellLateWork tell;
    private final Clock clock;

    EscalateLateSurveys(SurveyRepository surveys, SurveyRungRepository rungs, AssetService assets, FindTicket tickets,
            TellLateWork tell, Clock clock) {
        this.surveys = surveys;
        this.rungs = rungs;
        this.assets = assets;
        this.tickets = tickets;
        this.tell = tell;
        this.clock = clock;
    }

    /** The daily timer's step: every open sample survey and callback climbs to the rung it has reached. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        int reached = 0;
        for (Survey survey : surveys.findByStatusOrderByDueAtAscIdAsc(SurveyStatus.OPEN)) {
            if (survey.getKind() == SurveyKind.QUARTERLY || now.isBefore(survey.getDueAt())) {
                continue;
            }
            int top = now.isBefore(secondRungAt(survey)) ? 1 : 2;
            for (int rung = 1; rung <= top; rung++) {
                if (reach(survey, rung, null)) {
                    reached++;
                }
            }
        }
        return reached;
    }

    /** When an open survey reaches its second rung: the end of the first working day after its due day. */
    Instant secondRungAt(Survey survey) {
        LocalDate dueDay = survey.getDueAt().minusNanos(1).atZone(clock.getZone()).toLocalDate();
        return tell.secondRungAt(dueDay, clock.getZone());
    }

    /**
     * Records the rung and tells its people, unless it was reached before or the survey is answered. event: what to
     * say, null for the {@link CaseEvent.SurveyLate} of the rung. Returns whether the rung was reached now.
     */
    boolean reach(Survey survey, int rung, CaseEvent event) {
        if (survey.getStatus() == SurveyStatus.ANSWERED || rungs.existsBySurveyIdAndRung(survey.getId(), rung)) {
            return false;
        }
        Instant now = clock.instant();
        survey.markOverdue(now);
        CaseEvent said = event != null ? event
                : new CaseEvent.SurveyLate(survey.getKind().name(), customerName(survey.getCustomerId()),
                        survey.getTicketId() == null ? null : tickets.get(survey.getTicketId()).getNumber(),
                        survey.getPeriodStart(), survey.getPeriodEnd(), survey.getDueAt(), rung);
        TellLateWork.Told told = tell.tell(survey.getCustomerId(), rung, said);
        rungs.saveAndFlush(new SurveyRung(survey.getId(), rung, now, told.stored()));
        return true;
    }

    String customerName(long customerId) {
        return assets.customers().stream().filter(c -> c.getId().equals(customerId)).map(Customer::getName).findFirst()
                .orElse("-");
    }

    List<SurveyRung> ladderOf(List<Long> surveyIds) {
        return surveyIds.isEmpty() ? List.of() : rungs.findBySurveyIdInOrderByRungAsc(surveyIds);
    }
}
