package com.aftercare.survey;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.common.NotFoundException;
import com.aftercare.ticket.event.CaseEvent;

/**
 * CB-3: quarterly-survey.bpmn's due timer fired before the results were in. The survey is marked overdue (the results
 * page and the desk's list count it) and the supervisors and the desk are told, as a clock's breach tells them. An
 * answer that came in at the same moment wins: an answered survey is not escalated.
 */
@Service
public class EscalateLateSurvey {

    private final SurveyRepository surveys;
    private final AssetService assets;
    private final SurveyNotices notices;
    private final Clock clock;

    EscalateLateSurvey(SurveyRepository surveys, AssetService assets, SurveyNotices notices, Clock clock) {
        this.surveys = surveys;
        this.assets = assets;
        this.notices = notices;
        this.clock = clock;
    }

    /** True when the survey was late and the supervisors were told. */
    @Transactional
    public boolean escalate(long surveyId) {
        Survey survey = surveys.findById(surveyId).orElseThrow(() -> new NotFoundException("No survey " + surveyId));
        if (survey.getStatus() == SurveyStatus.ANSWERED) {
            return false;
        }
        survey.markOverdue(clock.instant());
        String customer = assets.customers().stream().filter(c -> c.getId().equals(survey.getCustomerId()))
                .map(Customer::getName).findFirst().orElse("-");
        notices.overdue(new CaseEvent.SurveyOverdue(customer, survey.getPeriodStart().getYear(),
                (survey.getPeriodStart().getMonthValue() - 1) / 3 + 1, survey.getDueAt()));
        return true;
    }
}
