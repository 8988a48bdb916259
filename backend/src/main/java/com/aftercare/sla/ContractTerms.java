package com.aftercare.sla;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayCalendar;
import com.aftercare.calendar.WeeklySchedule;
import com.aftercare.calendar.WorkingWindow;

/**
 * The parts of a service contract a ticket's working-time clocks depend on: calendar, time zone and office
 * hours. A ticket keeps a copy from the moment it is opened, so changing the contract does not move the
 * deadlines of tickets already open until the change is applied to them on purpose.
 *
 * @param workingHours the windows of a working day on {@link CalendarKind#FIVE_BY_8}; ignored on 7×24
 */
public record ContractTerms(CalendarKind calendar, ZoneId zone, List<WorkingWindow> workingHours) {

    /** Mon–Fri 09:00–12:00 and 13:00–18:00: what 5×8 means when a contract names no hours. */
    public static final List<WorkingWindow> DEFAULT_HOURS = List.of(WorkingWindow.of("09:00", "12:00"),
            WorkingWindow.of("13:00", "18:00"));

    public ContractTerms {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(zone, "zone");
        workingHours = workingHours == null || workingHours.isEmpty() ? DEFAULT_HOURS : List.copyOf(workingHours);
    }

    /**
     * 5×8: the office hours on Monday to Friday, minus statutory holidays, plus make-up workdays. 7×24: every
     * minute counts, holidays included, because round-the-clock service does not stop for them.
     */
    public BusinessCalendar workingCalendar(HolidayCalendar holidays) {
        if (calendar == CalendarKind.FIVE_BY_8) {
            return new BusinessCalendar(WeeklySchedule.weekdays(workingHours.toArray(WorkingWindow[]::new)), holidays, zone);
        }
        return new BusinessCalendar(WeeklySchedule.allDay(), HolidayCalendar.empty(), zone);
    }

    /** Whether clocks run the same on both: the office hours of a 7×24 contract make no difference. */
    public boolean sameClocksAs(ContractTerms other) {
        return other != null && calendar == other.calendar && zone.equals(other.zone)
                && (calendar == CalendarKind.SEVEN_BY_24 || workingHours.equals(other.workingHours));
    }

    /** The stored form, e.g. "08:30-12:00,13:30-17:00". */
    public static String format(List<WorkingWindow> windows) {
        return windows.stream().map(w -> w.from() + "-" + (w.endsAtMidnight() ? "24:00" : w.to().toString()))
                .collect(Collectors.joining(","));
    }

    /**
     * Reads {@link #format}; null or blank gives {@link #DEFAULT_HOURS}. Every clock of every case reads its terms
     * (a report several times, 1 % of its CPU), and contracts have few distinct hours: each stored form is parsed once
     * and its (immutable) list kept.
     */
    public static List<WorkingWindow> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return DEFAULT_HOURS;
        }
        return PARSED.get(stored, ContractTerms::parseWindows);
    }

    private static final com.github.benmanes.caffeine.cache.Cache<String, List<WorkingWindow>> PARSED =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(256).build();

    private static List<WorkingWindow> parseWindows(String stored) {
        return java.util.Arrays.stream(stored.split(",")).map(w -> {
            String[] fromTo = w.trim().split("-");
            return WorkingWindow.of(fromTo[0], fromTo[1]);
        }).toList();
    }

    /** How a timeline line names these terms, e.g. "5x8 08:30-12:00,13:30-17:00, Asia/Shanghai". */
    public String describe() {
        return (calendar == CalendarKind.FIVE_BY_8 ? "5x8 " + format(workingHours) : "7x24") + ", " + zone.getId();
    }
}
