package com.aftercare.workflow.steps;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.survey.EscalateLateSurvey;
import com.aftercare.survey.EscalateLateSurveys;
import com.aftercare.survey.OpenPeriodicCallbacks;
import com.aftercare.survey.OpenQuarterlySurveys;
import com.aftercare.survey.PickSampleSurveys;

/**
 * The service tasks of survey-schedule.bpmn and quarterly-survey.bpmn (CB-1..CB-3, ADR 0045): one use case each.
 * How many tasks a run opened is left on the instance for the history.
 */
@Configuration
class SurveySteps {

    /** pickSampleSurveys: last month's sample of closed faults (CB-1). */
    @Bean
    JavaDelegate pickSampleSurveysDelegate(PickSampleSurveys pick) {
        return execution -> execution.setVariable("sampledCases", pick.pickLastMonth().newlyPicked());
    }

    /** openPeriodicCallbacks: this period's callback of each accepted project (CB-2). */
    @Bean
    JavaDelegate openPeriodicCallbacksDelegate(OpenPeriodicCallbacks open) {
        return execution -> execution.setVariable("openedCallbacks", open.openDue().size());
    }

    /** openQuarterlySurveys: last quarter's survey of each customer, each started on quarterly-survey.bpmn (CB-3). */
    @Bean
    JavaDelegate openQuarterlySurveysDelegate(OpenQuarterlySurveys open) {
        return execution -> execution.setVariable("openedQuarterlySurveys", open.openForLastQuarter().size());
    }

    /**
     * escalateLateSurvey: the quarterly results are late; rung 1, the desk and the supervisors are told (CB-3), and the
     * model's next timer is set to the end of the next working day (ADR 0050).
     */
    @Bean
    JavaDelegate escalateLateSurveyDelegate(EscalateLateSurvey escalate) {
        return execution -> {
            long surveyId = ((Number) execution.getVariable("surveyId")).longValue();
            escalate.escalate(surveyId);
            // answered meanwhile: the timer fires at once and rung 2 finds the answer
            execution.setVariable("surveySecondRungAt",
                    java.util.Date.from(escalate.secondRungAt(surveyId).orElse(java.time.Instant.EPOCH)));
        };
    }

    /** escalateLateSurveyAgain: still no results a working day later; rung 2 (ADR 0050). */
    @Bean
    JavaDelegate escalateLateSurveyAgainDelegate(EscalateLateSurvey escalate) {
        return execution -> escalate.escalateAgain(((Number) execution.getVariable("surveyId")).longValue());
    }

    /** escalateLateSurveys: the sample surveys and callbacks past their due time climb their ladder (ADR 0050). */
    @Bean
    JavaDelegate escalateLateSurveysDelegate(EscalateLateSurveys escalate) {
        return execution -> execution.setVariable("lateSurveyRungs", escalate.sweep());
    }
}
