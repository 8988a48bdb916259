package com.aftercare.survey;

/** Labels: group "surveyStatus". */
public enum SurveyStatus {
    OPEN, ANSWERED
}
