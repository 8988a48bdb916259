package com.aftercare.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Working-time arithmetic for SLA clocks: a weekly schedule, minus statutory holidays, plus make-up workdays
 * (which follow the schedule's standard day, normally Monday's windows), in a time zone.
 * <p>
 * Windows are local times converted to instants per date through the zone rules, so no fixed offset is
 * assumed. The calculations walk day by day and window by window, never minute by minute; they always end
 * because the schedule has at least one window a week and holiday data covers finitely many days.
 */
public final class BusinessCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final WeeklySchedule schedule;
    private final HolidayCalendar holidays;
    private final ZoneId zone;
    /** Working time is elapsed time: arithmetic can skip the walk. */
    private final boolean natural;

    public BusinessCalendar(WeeklySchedule schedule, HolidayCalendar holidays, ZoneId zone) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.natural = schedule.isAllDay() && holidays.isEmpty();
    }

    /** In {@link #DEFAULT_ZONE}. */
    public static BusinessCalendar of(WeeklySchedule schedule, HolidayCalendar holidays) {
        return new BusinessCalendar(schedule, holidays, DEFAULT_ZONE);
    }

    /** Natural (clock) time: 7×24, no holidays. */
    public static BusinessCalendar natural() {
        return of(WeeklySchedule.allDay(), HolidayCalendar.empty());
    }

    public WeeklySchedule schedule() {
        return schedule;
    }

    public HolidayCalendar holidays() {
        return holidays;
    }

    public ZoneId zone() {
        return zone;
    }

    /** None on a statutory off day, the standard day's on a make-up workday, else the schedule's. */
    public List<WorkingWindow> windowsOn(LocalDate date) {
        if (holidays.isOffDay(date)) {
            return List.of();
        }
        if (holidays.isMakeUpWorkday(date)) {
            return schedule.standardDay();
        }
        return schedule.windows(date.getDayOfWeek());
    }

    /**
     * The instant at which {@code duration} of working time has elapsed since {@code start}. Outside working
     * time the count starts at the next window opening (so a zero duration gives {@link #nextWorkingInstant});
     * a due time that falls exactly on a window's end stays there rather than moving to the next opening.
     */
    public Instant addWorkingTime(Instant start, Duration duration) {
        requireNonNegative(duration);
        if (natural) {
            return start.plus(duration);
        }
        Duration remaining = duration;
        for (LocalDate date = localDate(start);; date = date.plusDays(1)) {
            for (Span window : spansOn(date)) {
                if (!window.end.isAfter(start)) {
                    continue;
                }
                Instant from = later(window.start, start);
                Duration available = Duration.between(from, window.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * {@code days} working days after {@code start}, where one working day is the length of the schedule's
     * standard day (8 h for office hours, 24 h for 7×24): "2 working days" from Friday 10:00 is Tuesday
     * 10:00, not the end of Monday. This keeps the clock exact to the minute like every other deadline.
     */
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days must not be negative: " + days);
        }
        return addWorkingTime(start, schedule.standardDayLength().multipliedBy(days));
    }

    /** The working time in {@code [from, to)}; zero if {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (natural) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        for (LocalDate date = localDate(from), last = localDate(to); !date.isAfter(last); date = date.plusDays(1)) {
            for (Span window : spansOn(date)) {
                Instant start = later(window.start, from);
                Instant end = window.end.isBefore(to) ? window.end : to;
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether {@code instant} lies in a window; window starts count, window ends do not. */
    public boolean isWorkingTime(Instant instant) {
        return spansOn(localDate(instant)).stream()
                .anyMatch(w -> !instant.isBefore(w.start) && instant.isBefore(w.end));
    }

    /** {@code instant} itself in working time, else the next window opening. */
    public Instant nextWorkingInstant(Instant instant) {
        return addWorkingTime(instant, Duration.ZERO);
    }

    private List<Span> spansOn(LocalDate date) {
        return windowsOn(date).stream().map(w -> new Span(
                ZonedDateTime.of(date, w.from(), zone).toInstant(),
                w.endsAtMidnight() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(date, w.to(), zone).toInstant()))
                // a DST jump can swallow a short window
                .filter(s -> s.start.isBefore(s.end)).toList();
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void requireNonNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Working time must not be negative: " + duration);
        }
    }

    /** A window on a concrete date, as instants. */
    private record Span(Instant start, Instant end) {
    }
}
