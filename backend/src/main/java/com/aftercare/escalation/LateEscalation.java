package com.aftercare.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Whether an escalation run comes late, and the words that say so. The job executor normally fires within
 * a second or two of a rung's due time (README "Timer accuracy"); a run more than a minute after the first
 * rung it owes follows downtime, a crashed node or a backlog, and its readers must know that the message
 * is old news so they do not think the case was only just escalated.
 */
final class LateEscalation {

    /** Far above the executor's normal lateness (p99 about 1.3 s), far below a repeat interval. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);

    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private LateEscalation() {
    }

    static boolean isLate(Instant dueAt, Instant now) {
        return dueAt != null && Duration.between(dueAt, now).compareTo(LATE_AFTER) > 0;
    }

    /** "迟发：本应于 08:15 发出" in the contract's zone, with the date when it was another day; empty when on time. */
    static Optional<String> note(Instant dueAt, Instant now, ZoneId zone) {
        if (!isLate(dueAt, now)) {
            return Optional.empty();
        }
        ZonedDateTime due = dueAt.atZone(zone);
        DateTimeFormatter format = due.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? SAME_DAY : OTHER_DAY;
        return Optional.of("迟发：本应于 " + due.format(format) + " 发出");
    }
}
