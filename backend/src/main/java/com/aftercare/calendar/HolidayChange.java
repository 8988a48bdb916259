package com.aftercare.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A year of holidays imported (or about to be): the calendar before and after. Only dates of that year differ
 * between the two, which bounds the open cases whose deadlines can move (ADR 0075).
 */
public record HolidayChange(int year, HolidayCalendar before, HolidayCalendar after) {

    /**
     * How long after its clock's due time an escalation rung may still lie and be moved up front: the shipped ladders
     * end at 150 % of the target, half a 5-working-day target is 2.5 working days, which with a weekend and the New
     * Year holiday spans well under two weeks. A rung further out (a custom ladder far beyond 100 % of a long target)
     * is not moved by the import; its escalation replays the clocks on the new calendar when its old timer fires.
     */
    static final Duration RUNGS_AFTER_DUE = Duration.ofDays(14);

    /** The zone whose 1 January begins first (UTC+14): a contract may name any zone. */
    private static final ZoneOffset EARLIEST_NEW_YEAR = ZoneOffset.ofHours(14);

    /** Whether the import changes any date at all (a re-import of the same notice does not). */
    public boolean changesDays() {
        return !before.days(year).equals(after.days(year));
    }

    /**
     * The earliest instant a running clock's stored due time may have and still move: a due time (counted day by day
     * from the clock's start) before the year's first day in every zone never looked at the year's dates, so it is the
     * same on both calendars; the rungs after it get {@link #RUNGS_AFTER_DUE}.
     */
    public Instant dueFrom() {
        return LocalDate.of(year, 1, 1).atStartOfDay(EARLIEST_NEW_YEAR).toInstant().minus(RUNGS_AFTER_DUE);
    }
}
