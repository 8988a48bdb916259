package com.aftercare.kpi;

import java.util.Collection;
import java.util.Map;

/**
 * Where the satisfaction rate reads its scores (1 to 5, 4 and 5 count as satisfied): the sampled survey's lowest
 * score when the case was surveyed (CB-1), else the closing callback's ({@link SurveyedSatisfaction}), so the
 * denominator is the surveyed cases plus those with the customer's own feedback at the callback, as seed 003 says.
 */
public interface SatisfactionScores {

    int SATISFIED_FROM = 4;

    /** The last score given for each of these cases; cases without one are absent. */
    Map<Long, Integer> scores(Collection<Long> ticketIds);
}
