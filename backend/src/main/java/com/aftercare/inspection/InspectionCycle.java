package com.aftercare.inspection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a plan's inspection is owed (PM-1, PM-2): weekly video patrol, monthly maintenance, quarterly network
 * equipment, half-yearly server room and UPS. A cycle's window is the calendar week (Monday to Sunday), month, quarter
 * or half-year; the inspection is due by the end of its window.
 */
public enum InspectionCycle {
    WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY;

    /** The first day of the window that contains {@code day}. */
    public LocalDate windowStart(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case HALF_YEARLY -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
        };
    }

    /** The first day after the window that starts on {@code start}. */
    public LocalDate windowEnd(LocalDate start) {
        return switch (this) {
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            case HALF_YEARLY -> start.plusMonths(6);
        };
    }

    /**
     * PM-5: asset records are verified twice a year, in the first inspection of each half-year of every plan except
     * the weekly patrol (a window starting in January or July).
     */
    public boolean verifiesAssets(LocalDate windowStart) {
        return this != WEEKLY && (windowStart.getMonthValue() == 1 || windowStart.getMonthValue() == 7);
    }
}
