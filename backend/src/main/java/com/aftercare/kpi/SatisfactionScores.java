package com.aftercare.kpi;

import java.util.Collection;
import java.util.Map;

/**
 * Where the satisfaction rate reads its scores (1 to 5, 4 and 5 count as satisfied). Today the closing callback's
 * score ({@link CallbackSatisfaction}); the sampled surveys of CB-1 are to supply theirs through this seam (the
 * rate's denominator is then the surveyed cases plus those with the customer's own feedback, as seed 003 says).
 */
public interface SatisfactionScores {

    int SATISFIED_FROM = 4;

    /** The last score given for each of these cases; cases without one are absent. */
    Map<Long, Integer> scores(Collection<Long> ticketIds);
}
