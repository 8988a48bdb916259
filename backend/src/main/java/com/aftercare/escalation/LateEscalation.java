package com.aftercare.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an escalation run comes late. The job executor normally fires within a second or two of a
 * rung's due time (README "Timer accuracy"); a run more than a minute after the first rung it owes
 * follows downtime, a crashed node or a backlog, and its readers must know that the message is old news
 * so they do not think the case was only just escalated (the texts say "迟发" / "sent late").
 */
final class LateEscalation {

    /** Far above the executor's normal lateness (p99 about 1.3 s), far below a repeat interval. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);

    private LateEscalation() {
    }

    static boolean isLate(Instant dueAt, Instant now) {
        return dueAt != null && Duration.between(dueAt, now).compareTo(LATE_AFTER) > 0;
    }

    /** How late a run at {@code now} is for something due at {@code dueAt}; empty when it is on time. */
    static Optional<Duration> lateBy(Instant dueAt, Instant now) {
        return isLate(dueAt, now) ? Optional.of(Duration.between(dueAt, now)) : Optional.empty();
    }
}
