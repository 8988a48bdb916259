package com.aftercare.survey;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.ticket.event.CaseEvent;

/**
 * CB-3: quarterly-survey.bpmn's timers fired before the results were in. At the due time (rung 1) the survey is marked
 * overdue (the results page and the desk's list count it) and the desk and the supervisors are told, as a clock's
 * breach tells them; the model then waits until the end of the next working day and, the results still not in,
 * climbs to rung 2 (the contract's project manager and department head, the supervisors again; ADR 0050). An answer
 * that came in at the same moment wins: an answered survey is not escalated, and each rung is told once.
 */
@Service
public class EscalateLateSurvey {

    private final SurveyRepository surveys;
    private final EscalateLateSurveys ladder;

    EscalateLateSurvey(SurveyRepository surveys, EscalateLateSurveys ladder) {
        this.surveys = surveys;
        this.ladder = ladder;
    }

    /** Rung 1. True when the survey was late and the rung was reached now. */
    @Transactional
    public boolean escalate(long surveyId) {
        Survey survey = survey(surveyId);
        CaseEvent event = new CaseEvent.SurveyOverdue(ladder.customerName(survey.getCustomerId()),
                survey.getPeriodStart().getYear(), (survey.getPeriodStart().getMonthValue() - 1) / 3 + 1, survey.getDueAt());
        return ladder.reach(survey, 1, event);
    }

    /** Rung 2. True when the survey was still open and the rung was reached now. */
    @Transactional
    public boolean escalateAgain(long surveyId) {
        return ladder.reach(survey(surveyId), 2, null);
    }

    /** When the survey's second rung is due (the model's timer), or empty when it is answered. */
    @Transactional(readOnly = true)
    public Optional<Instant> secondRungAt(long surveyId) {
        Survey survey = survey(surveyId);
        return survey.getStatus() == SurveyStatus.ANSWERED ? Optional.empty() : Optional.of(ladder.secondRungAt(survey));
    }

    private Survey survey(long surveyId) {
        return surveys.findById(surveyId).orElseThrow(() -> new NotFoundException("No survey " + surveyId));
    }
}
