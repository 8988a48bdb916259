package com.aftercare.survey;

/**
 * What the desk owes a customer (ADR 0045): the phone survey of a sampled closed fault (CB-1), the periodic callback
 * (CB-2) and the quarterly satisfaction survey (CB-3). Labels: group "surveyKind".
 */
public enum SurveyKind {
    SAMPLE, CALLBACK, QUARTERLY
}
