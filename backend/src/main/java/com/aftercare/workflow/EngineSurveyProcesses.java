package com.aftercare.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.aftercare.survey.SurveyProcesses;

/**
 * The survey feature's port onto the engine (ADR 0045): a quarterly survey runs quarterly-survey.bpmn under the
 * business key "survey-{id}", whose timer waits for the due time; the answer correlates its message. An answer to a
 * survey whose instance has ended (the escalation path ran and the model still waits, or a survey from before the
 * model) correlates nothing and is not an error.
 */
@Component
class EngineSurveyProcesses implements SurveyProcesses {

    static final String PROCESS = "quarterlySurvey";
    static final String ANSWERED = "surveyAnswered";

    private final RuntimeService runtime;

    EngineSurveyProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    static String businessKey(long surveyId) {
        return "survey-" + surveyId;
    }

    @Override
    public void startQuarterly(long surveyId, Instant due) {
        runtime.startProcessInstanceByKey(PROCESS, businessKey(surveyId),
                Map.of("surveyId", surveyId, "surveyDue", Date.from(due)));
    }

    @Override
    public void answered(long surveyId) {
        runtime.createMessageCorrelation(ANSWERED).processInstanceBusinessKey(businessKey(surveyId)).correlateAll();
    }
}
