package com.aftercare.ticket;

import java.time.Instant;

import com.aftercare.sla.ClockStatus;

/**
 * What the supervisor board reads from a case instead of its clock rows (board_clock), derived from exactly those
 * rows (V67, V69; ADR 0064, 0066). A row's risk at a time {@code now} is: held, the risk it froze at; running, OVERDUE
 * when {@code due_at < now}, AT_RISK when {@code at_risk_at <= now}, else OK. Hence, for any {@code now}:
 * <ul>
 * <li>some row is OVERDUE ⇔ {@code due < now} or {@code pausedRisk} is OVERDUE (due: the nearest running deadline);</li>
 * <li>no row is overdue and some row is AT_RISK ⇔ not the above and ({@code atRiskAt <= now} or {@code pausedRisk}
 * is AT_RISK): the case's worst risk, which the counts by level read;</li>
 * <li>some running row is AT_RISK only if {@code atRiskAt <= now <= riskUntil}: the rows that can turn at risk lie
 * within that span, so the risk filter reads the clock rows of those cases only.</li>
 * </ul>
 *
 * @param due        the nearest deadline of the running rows (the board's order); null: none
 * @param atRiskAt   the earliest instant a running row turns at risk; null: none does
 * @param riskUntil  the latest deadline of the running rows that can turn at risk; null with {@code atRiskAt} set:
 *                   one of them has no deadline, so the span has no end
 * @param pausedRisk the worst risk a held row froze at, OVERDUE or AT_RISK; null: none held, or all OK
 */
record BoardMarks(Instant due, Instant atRiskAt, Instant riskUntil, String pausedRisk) {

    static final BoardMarks NONE = new BoardMarks(null, null, null, null);

    /** These marks with one more row as CacheClocks stores it ({@code due} and {@code atRisk} of the row). */
    BoardMarks with(boolean held, Instant rowDue, Instant rowAtRisk, ClockStatus.Risk frozen) {
        if (held) {
            boolean worse = frozen == ClockStatus.Risk.OVERDUE
                    || frozen == ClockStatus.Risk.AT_RISK && !ClockStatus.Risk.OVERDUE.name().equals(pausedRisk);
            return worse ? new BoardMarks(due, atRiskAt, riskUntil, frozen.name()) : this;
        }
        Instant nearest = rowDue != null && (due == null || rowDue.isBefore(due)) ? rowDue : due;
        Instant earliestRisk = atRiskAt;
        Instant until = riskUntil;
        if (rowAtRisk != null) {
            boolean first = atRiskAt == null;
            earliestRisk = first || rowAtRisk.isBefore(atRiskAt) ? rowAtRisk : atRiskAt;
            // null means "no end" once a row with an at-risk instant was seen, so a row without a deadline keeps it null
            if (first) {
                until = rowDue;
            } else if (until != null) {
                until = rowDue == null ? null : rowDue.isAfter(until) ? rowDue : until;
            }
        }
        return new BoardMarks(nearest, earliestRisk, until, pausedRisk);
    }
}
