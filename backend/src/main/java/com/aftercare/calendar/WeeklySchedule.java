package com.aftercare.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The working windows of each day of a normal week, before holidays are applied. */
public record WeeklySchedule(Map<DayOfWeek, List<WorkingWindow>> windows) {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /**
     * Days missing from the map have no working time. Windows are sorted and must not overlap; at least one
     * window in the week is required, otherwise a due time could never be reached.
     */
    public WeeklySchedule {
        EnumMap<DayOfWeek, List<WorkingWindow>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingWindow> sorted = windows.getOrDefault(day, List.of()).stream()
                    .sorted(Comparator.comparing(WorkingWindow::from)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new IllegalArgumentException(
                            "Working windows overlap on " + day + ": " + sorted.get(i - 1) + " and " + sorted.get(i));
                }
            }
            copy.put(day, sorted);
        }
        if (copy.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("A weekly schedule needs at least one working window");
        }
        windows = Collections.unmodifiableMap(copy);
    }

    /** The same windows Monday to Friday, weekends off. */
    public static WeeklySchedule weekdays(WorkingWindow... windows) {
        Map<DayOfWeek, List<WorkingWindow>> map = new EnumMap<>(DayOfWeek.class);
        WEEKDAYS.forEach(day -> map.put(day, Arrays.asList(windows)));
        return new WeeklySchedule(map);
    }

    /** 7×24: one schedule for all, as it cannot change (built anew, it was 1 % of a report's CPU). */
    public static WeeklySchedule allDay() {
        return ALL_DAY;
    }

    private static final WeeklySchedule ALL_DAY = buildAllDay();

    private static WeeklySchedule buildAllDay() {
        Map<DayOfWeek, List<WorkingWindow>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            map.put(day, List.of(new WorkingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new WeeklySchedule(map);
    }

    /** 5×8: Monday to Friday 09:00–12:00 and 13:00–18:00. */
    public static WeeklySchedule officeHours() {
        return weekdays(WorkingWindow.of("09:00", "12:00"), WorkingWindow.of("13:00", "18:00"));
    }

    public List<WorkingWindow> windows(DayOfWeek day) {
        return windows.get(day);
    }

    /**
     * The windows of a standard working day: Monday's, or the first day after Monday that has any. Make-up
     * workdays (调休) follow it, and "n working days" is n times its length.
     */
    public List<WorkingWindow> standardDay() {
        for (int i = 0; i < 7; i++) {
            List<WorkingWindow> day = windows.get(DayOfWeek.MONDAY.plus(i));
            if (!day.isEmpty()) {
                return day;
            }
        }
        throw new IllegalStateException("unreachable: the constructor requires a window");
    }

    public Duration standardDayLength() {
        return standardDay().stream().map(WorkingWindow::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** Every day is one 00:00–24:00 window: working time equals elapsed time. */
    public boolean isAllDay() {
        WorkingWindow fullDay = new WorkingWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        return windows.values().stream().allMatch(List.of(fullDay)::equals);
    }
}
