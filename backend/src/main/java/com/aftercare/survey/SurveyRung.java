package com.aftercare.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A rung of a late survey or callback (ADR 0050), reached once: the unique (survey, rung) key makes a retried timer job or
 * a second node find it instead of telling anyone twice. told: who was told, as {@code TellLateWork.Told#stored()}.
 */
@Entity
@Table(name = "survey_rung")
class SurveyRung {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "survey_id")
    private Long surveyId;
    private int rung;
    @Column(name = "reached_at")
    private Instant reachedAt;
    private String told;

    protected SurveyRung() {
    }

    SurveyRung(long surveyId, int rung, Instant reachedAt, String told) {
        this.surveyId = surveyId;
        this.rung = rung;
        this.reachedAt = reachedAt;
        this.told = told;
    }

    Long getSurveyId() { return surveyId; }
    int getRung() { return rung; }
    Instant getReachedAt() { return reachedAt; }
    String getTold() { return told; }
}
