package com.aftercare.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One working period within a day, local time in the calendar's zone, half-open {@code [from, to)}.
 * A {@code to} of 00:00 means midnight at the end of the day, since {@link LocalTime} has no 24:00.
 */
public record WorkingWindow(LocalTime from, LocalTime to) {

    private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    public WorkingWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.toNanoOfDay() >= endNanoOfDay(to)) {
            throw new IllegalArgumentException("Working window must end after it starts: " + from + "–" + to);
        }
    }

    /** Parses "HH:mm" times; {@code to} may be "24:00" for the end of the day. */
    public static WorkingWindow of(String from, String to) {
        return new WorkingWindow(LocalTime.parse(from), "24:00".equals(to) ? LocalTime.MIDNIGHT : LocalTime.parse(to));
    }

    public boolean endsAtMidnight() {
        return to.equals(LocalTime.MIDNIGHT);
    }

    public Duration duration() {
        return Duration.ofNanos(endNanoOfDay(to) - from.toNanoOfDay());
    }

    boolean overlaps(WorkingWindow other) {
        return from.toNanoOfDay() < endNanoOfDay(other.to) && other.from.toNanoOfDay() < endNanoOfDay(to);
    }

    private static long endNanoOfDay(LocalTime to) {
        return to.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : to.toNanoOfDay();
    }

    @Override
    public String toString() {
        return from + "–" + (endsAtMidnight() ? "24:00" : to.toString());
    }
}
