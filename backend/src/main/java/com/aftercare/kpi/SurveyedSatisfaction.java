package com.aftercare.kpi;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.aftercare.survey.ReadSurveyScores;

/**
 * CB-4's 用户满意率 reads the customer's own answer about each case: the sampled satisfaction survey's (CB-1) when the
 * case was surveyed, else the closing callback's score. A survey scores intake, handling and support separately;
 * the customer is satisfied with the case only when all three are 4 or 5, so the case's score here is the lowest of
 * the three. The survey is asked after the callback and asks more, so its word replaces the callback's.
 */
@Component
class SurveyedSatisfaction implements SatisfactionScores {

    private final CallbackSatisfaction callbacks;
    private final ReadSurveyScores surveys;

    SurveyedSatisfaction(CallbackSatisfaction callbacks, ReadSurveyScores surveys) {
        this.callbacks = callbacks;
        this.surveys = surveys;
    }

    @Override
    public Map<Long, Integer> scores(Collection<Long> ticketIds) {
        Map<Long, Integer> scores = new HashMap<>(callbacks.scores(ticketIds));
        for (ReadSurveyScores.Score answer : surveys.aboutCases(ticketIds)) {
            Stream.of(answer.intake(), answer.handling(), answer.support()).filter(Objects::nonNull)
                    .min(Integer::compare)
                    .ifPresent(lowest -> scores.put(answer.ticketId(), lowest));
        }
        return scores;
    }
}
