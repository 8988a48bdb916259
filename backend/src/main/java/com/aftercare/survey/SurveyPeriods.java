package com.aftercare.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.aftercare.calendar.BusinessCalendar;

/**
 * The periods of CB-2 and CB-3 as plain date arithmetic (no clock, no database), so the process tests and the README
 * can work them out by hand.
 */
final class SurveyPeriods {

    /** CB-2: callbacks are monthly in the first year after acceptance (seed 004: "壹年内每月至少一次"). */
    static final int MONTHLY_MONTHS = 12;
    /** CB-2: then every 3 months ("壹年后每3个月至少一次"). */
    static final int LATER_EVERY_MONTHS = 3;
    /** CB-3: the quarterly survey's results are due within 10 working days after the quarter ends (seed 000). */
    static final int QUARTERLY_WORKING_DAYS = 10;

    record Period(LocalDate start, LocalDate end) {
    }

    private SurveyPeriods() {
    }

    /**
     * The callback period that contains {@code day} for a project accepted on {@code accepted}, or null before the
     * acceptance. Periods count from the acceptance day itself (accepted 15 Jan: 15 Jan-14 Feb, 15 Feb-14 Mar, ...,
     * then 15 Jan next year-14 Apr, ...); month ends are Java's (31 Jan + 1 month = 28/29 Feb).
     */
    static Period callbackPeriod(LocalDate accepted, LocalDate day) {
        if (day.isBefore(accepted)) {
            return null;
        }
        long n = ChronoUnit.MONTHS.between(accepted, day);
        while (!accepted.plusMonths(n + 1).isAfter(day)) {
            n++;
        }
        while (accepted.plusMonths(n).isAfter(day)) {
            n--;
        }
        if (n < MONTHLY_MONTHS) {
            return new Period(accepted.plusMonths(n), accepted.plusMonths(n + 1).minusDays(1));
        }
        long q = (n - MONTHLY_MONTHS) / LATER_EVERY_MONTHS;
        long start = MONTHLY_MONTHS + q * LATER_EVERY_MONTHS;
        return new Period(accepted.plusMonths(start), accepted.plusMonths(start + LATER_EVERY_MONTHS).minusDays(1));
    }

    /** The calendar quarter that ended last before {@code day}. */
    static Period lastQuarter(LocalDate day) {
        LocalDate thisQuarter = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
        return new Period(thisQuarter.minusMonths(3), thisQuarter.minusDays(1));
    }

    /** The end of a day (the next day's midnight) in the zone: "due on the 20th" means until 24:00 on the 20th. */
    static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * CB-3: the day the quarterly results are due, the {@value #QUARTERLY_WORKING_DAYS}th working day after the
     * quarter's last day, on the office calendar (weekends, Chinese holidays and make-up workdays).
     */
    static LocalDate quarterlyDueDay(LocalDate quarterEnd, BusinessCalendar calendar) {
        LocalDate day = quarterEnd;
        int counted = 0;
        while (counted < QUARTERLY_WORKING_DAYS) {
            day = day.plusDays(1);
            if (!calendar.windowsOn(day).isEmpty()) {
                counted++;
            }
        }
        return day;
    }
}
