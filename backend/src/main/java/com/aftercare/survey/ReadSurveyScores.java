package com.aftercare.survey;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answered surveys' scores for other features (the KPI of CB-4, "用户满意率": satisfied / surveyed): every
 * answered SAMPLE and QUARTERLY survey answered in [from, to), of one customer or all (customerId null). A callback
 * carries scores only when the desk asked for them. No staff names or texts leave here.
 */
@Service
public class ReadSurveyScores {

    public record Score(long surveyId, SurveyKind kind, long customerId, Long ticketId, Instant answeredAt,
            AnswerChannel answeredVia, Integer intake, Integer handling, Integer support) {
    }

    private final SurveyRepository surveys;

    ReadSurveyScores(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Transactional(readOnly = true)
    public List<Score> answeredBetween(Long customerId, Instant from, Instant to) {
        return surveys.findAnsweredBetween(customerId, from, to).stream()
                .filter(s -> s.getIntakeScore() != null)
                .map(s -> new Score(s.getId(), s.getKind(), s.getCustomerId(), s.getTicketId(), s.getAnsweredAt(),
                        s.getAnsweredVia(), s.getIntakeScore(), s.getHandlingScore(), s.getSupportScore()))
                .toList();
    }

    /** The answered surveys about these cases (the sampled satisfaction surveys of CB-1), with their three scores. */
    @Transactional(readOnly = true)
    public List<Score> aboutCases(java.util.Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return surveys.findAnsweredAbout(ticketIds).stream()
                .filter(s -> s.getIntakeScore() != null)
                .map(s -> new Score(s.getId(), s.getKind(), s.getCustomerId(), s.getTicketId(), s.getAnsweredAt(),
                        s.getAnsweredVia(), s.getIntakeScore(), s.getHandlingScore(), s.getSupportScore()))
                .toList();
    }
}
