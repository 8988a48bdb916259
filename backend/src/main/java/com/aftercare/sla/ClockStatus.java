package com.aftercare.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A clock as derived at one instant. Durations in the clock's basis (working time for working-time
 * clocks) except {@code paused} and a running clock's {@code remaining}, which are real time to the due instant.
 */
public record ClockStatus(
        ClockName clock,
        /** false: the ticket's level has no such clock. */
        boolean applicable,
        TimeBasis basis,
        Duration target,
        ClockState state,
        Instant startedAt,
        /** null while paused (the due time is not known until the clock resumes) or not started. */
        Instant dueAt,
        Instant stoppedAt,
        /** Stopped clocks: target minus counted time; negative = missed by. */
        Duration margin,
        Duration paused,
        /** Running: time to dueAt (negative = overdue); paused: counted time still left. */
        Duration remaining,
        Risk risk,
        int escalationLevel,
        String escalationName,
        /** When escalation must next look at this clock (next rung or repeat); null if nothing is scheduled. */
        Instant nextEscalationAt,
        List<PauseSpan> pauses,
        List<HistoryEntry> history,
        /**
         * A running or paused clock: when it turns at risk (the first rung's share of the target), null if it never
         * does; the board's aggregate counts read it against the time of the query (ADR 0056).
         */
        Instant atRiskAt,
        /**
         * The due instant while only the business calendar stops the clock (nights, weekends): {@code dueAt} is null
         * then, yet the deadline is known. Null while a hold pauses the clock.
         */
        Instant calendarDueAt) {

    public enum Risk { OK, AT_RISK, OVERDUE }

    public record PauseSpan(Instant from, Instant to, String reason) {
    }

    public record HistoryEntry(Instant at, String kind, String detail) {
    }
}
