package com.aftercare.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A year of holidays imported (or about to be): the calendar before and after. Only dates of that year differ
 * between the two, which bounds the open cases whose deadlines can move (ADR 0075, 0078).
 */
public record HolidayChange(int year, HolidayCalendar before, HolidayCalendar after) {

    /** The zone whose 1 January begins first (UTC+14): a contract may name any zone. */
    private static final ZoneOffset EARLIEST_NEW_YEAR = ZoneOffset.ofHours(14);

    /** Whether the import changes any date at all (a re-import of the same notice does not). */
    public boolean changesDays() {
        return !before.days(year).equals(after.days(year));
    }

    /**
     * The earliest instant a running working-time clock's stored due time may have and still move, when the last rung
     * of a ladder may lie up to {@code workingDaysAfterDue} working days after its due time ({@code
     * sla.MeasureLadderReach}). A due time (counted from the clock's start) and every rung after it that end before the
     * year's first day in every zone never looked at the year's dates, so they are the same on both calendars. Going
     * back from 31 December over the calendar before, Monday to Friday less its off days plus its make-up workdays,
     * that many working days and one more (the due time may fall inside a working day) gives the first day whose due
     * times can reach into the year; taken at its start in the earliest zone.
     */
    public Instant dueFrom(int workingDaysAfterDue) {
        LocalDate day = LocalDate.of(year, 1, 1);
        for (int counted = 0; counted <= workingDaysAfterDue; ) {
            day = day.minusDays(1);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (before.isMakeUpWorkday(day) || !weekend && !before.isOffDay(day)) {
                counted++;
            }
        }
        return day.atStartOfDay(EARLIEST_NEW_YEAR).toInstant();
    }
}
