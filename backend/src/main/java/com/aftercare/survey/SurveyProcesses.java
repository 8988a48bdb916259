package com.aftercare.survey;

import java.time.Instant;

/**
 * The port to the engine this feature owns (implemented by workflow): a quarterly survey runs quarterly-survey.bpmn,
 * whose timer waits for its due time, and an answer ends that wait.
 */
public interface SurveyProcesses {

    void startQuarterly(long surveyId, Instant due);

    void answered(long surveyId);
}
