package com.aftercare.calendar;

import static com.aftercare.calendar.Times.bj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Office hours (Mon–Fri 09–12, 13–18) with the Chinese statutory calendar, and natural time. Every expected
 * value is worked out by hand from the 2024–2026 holiday files; times are Beijing local.
 */
class BusinessCalendarTest {

    private static final BusinessCalendar OFFICE = BusinessCalendar.of(WeeklySchedule.officeHours(), HolidayCalendar.defaults());
    private static final BusinessCalendar NATURAL = BusinessCalendar.natural();

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            weekday morning                    | 2026-03-10T10:00    | PT1H   | 2026-03-10T11:00
            morning over lunch                 | 2026-03-10T10:00    | PT3H   | 2026-03-10T14:00
            due exactly at lunch stays there   | 2026-03-10T10:00    | PT2H   | 2026-03-10T12:00
            before opening                     | 2026-03-10T07:30    | PT30M  | 2026-03-10T09:30
            in the lunch break                 | 2026-03-10T12:30    | PT1H   | 2026-03-10T14:00
            minutes over lunch                 | 2026-03-10T11:59    | PT2M   | 2026-03-10T13:01
            seconds over lunch                 | 2026-03-10T11:59:30 | PT45S  | 2026-03-10T13:00:15
            Friday evening after 18:00         | 2026-03-13T19:00    | PT2H   | 2026-03-16T11:00
            Friday afternoon into Monday       | 2026-03-13T17:00    | PT2H   | 2026-03-16T10:00
            Saturday                           | 2026-03-14T10:00    | PT4H   | 2026-03-16T14:00
            Sunday just before midnight        | 2026-03-15T23:59    | PT1M   | 2026-03-16T09:01
            Qingming Monday holiday            | 2026-04-06T10:00    | PT1H   | 2026-04-07T10:00
            Friday before Qingming             | 2026-04-03T17:00    | PT2H   | 2026-04-07T10:00
            Labour Day 1–5 May 2026            | 2026-04-30T17:00    | PT2H   | 2026-05-06T10:00
            on make-up Saturday 28 Feb         | 2026-02-28T10:00    | PT1H   | 2026-02-28T11:00
            into make-up Saturday 28 Feb       | 2026-02-27T17:00    | PT2H   | 2026-02-28T10:00
            into make-up Saturday 9 May        | 2026-05-08T17:30    | PT1H   | 2026-05-09T09:30
            into make-up Sunday 20 Sep         | 2026-09-18T17:00    | PT2H   | 2026-09-20T10:00
            New Year 1–3 Jan to make-up Sunday | 2025-12-31T17:00    | PT3H   | 2026-01-04T11:00
            Spring Festival: Fri to make-up Sat| 2026-02-13T17:00    | PT2H   | 2026-02-14T10:00
            Spring Festival: make-up Sat 15–23 | 2026-02-14T17:00    | PT2H   | 2026-02-24T10:00
            Spring Festival: on the holiday    | 2026-02-15T10:00    | PT8H   | 2026-02-24T18:00
            # Fri 7 h, make-up Sat 8 h, Tue 24th 8 h, Wed 1 h
            Spring Festival: three days        | 2026-02-13T10:00    | PT24H  | 2026-02-25T10:00
            # Fri 1 h, make-up Sun 26th 8 h, Mon 27th 1 h
            Spring Festival 2025 make-up Sun   | 2025-01-24T17:00    | PT10H  | 2025-01-27T10:00
            Spring Festival 2025 28 Jan–4 Feb  | 2025-01-27T17:00    | PT2H   | 2025-02-05T10:00
            National Day 2025: make-up Sun 28  | 2025-09-26T17:00    | PT2H   | 2025-09-28T10:00
            National Day 2025: 1–8 Oct         | 2025-09-30T16:00    | PT4H   | 2025-10-09T11:00
            National Day 2025: make-up Sat 11  | 2025-10-10T17:00    | PT2H   | 2025-10-11T10:00
            Mid-Autumn 2026: 25–27 Sep         | 2026-09-24T17:00    | PT2H   | 2026-09-28T10:00
            # Wed 4 h, Thu 8th 8 h, Fri 9th 09–12 and 13–14
            National Day 2026: 1–7 Oct         | 2026-09-30T14:00    | PT16H  | 2026-10-09T14:00
            National Day 2026: make-up Sat 10  | 2026-10-09T10:00    | PT8H   | 2026-10-10T10:00
            2027 has no data: a normal Friday  | 2027-09-30T17:00    | PT2H   | 2027-10-01T10:00
            zero while closed: next opening    | 2026-03-14T10:00    | PT0S   | 2026-03-16T09:00
            """)
    void officeHoursDueTime(String situation, String start, Duration duration, String due) {
        assertThat(OFFICE.addWorkingTime(bj(start), duration)).isEqualTo(bj(due));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-02-13T16:30, PT48H, 2026-02-15T16:30", // holidays do not matter
            "2026-02-14T23:45, PT30M, 2026-02-15T00:15",
            "2025-09-30T20:00, PT108H, 2025-10-05T08:00", // 4 days 12 h
            "2026-03-14T10:00, PT0S, 2026-03-14T10:00" })
    void naturalTimeIsPlainAddition(String start, Duration duration, String due) {
        assertThat(NATURAL.addWorkingTime(bj(start), duration)).isEqualTo(bj(due));
    }

    @ParameterizedTest(name = "{0} .. {1} = {2}")
    @CsvSource({
            "2026-03-10T11:00, 2026-03-10T14:00, PT2H", // lunch excluded
            "2026-03-10T12:15, 2026-03-10T12:45, PT0S", // all lunch
            "2026-03-10T08:00, 2026-03-10T20:00, PT8H",
            "2026-03-13T17:00, 2026-03-16T10:00, PT2H", // weekend excluded
            "2026-03-13T09:00, 2026-03-20T09:00, PT40H", // one full week
            "2026-04-03T09:00, 2026-04-08T09:00, PT16H", // Fri 3rd + Tue 7th; Qingming 4–6 off
            "2026-02-13T09:00, 2026-02-24T09:00, PT16H", // Fri 13th + make-up Sat 14th; 15–23 off
            "2026-09-30T09:00, 2026-10-12T09:00, PT32H", // 30 Sep, 8, 9 Oct, make-up Sat 10 Oct
            "2026-03-10T10:00, 2026-03-10T10:00, PT0S",
            "2026-03-10T11:00, 2026-03-10T10:00, PT0S" }) // reversed
    void officeWorkingTimeBetween(String from, String to, Duration expected) {
        assertThat(OFFICE.workingTimeBetween(bj(from), bj(to))).isEqualTo(expected);
    }

    @Test
    void naturalWorkingTimeBetweenIsElapsedTime() {
        assertThat(NATURAL.workingTimeBetween(bj("2026-02-13T16:30"), bj("2026-02-24T09:15")))
                .isEqualTo(Duration.parse("PT256H45M")); // 10 days 16 h 45 min
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-03-10T09:00, true",
            "2026-03-10T11:59:59, true",
            "2026-03-10T12:00, false",
            "2026-03-10T12:30, false",
            "2026-03-10T13:00, true",
            "2026-03-10T17:59, true",
            "2026-03-10T18:00, false",
            "2026-03-14T10:00, false", // Saturday
            "2026-02-14T10:00, true", // make-up Saturday
            "2026-02-17T10:00, false" }) // Spring Festival Tuesday
    void officeIsWorkingTime(String instant, boolean working) {
        assertThat(OFFICE.isWorkingTime(bj(instant))).isEqualTo(working);
        assertThat(NATURAL.isWorkingTime(bj(instant))).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-03-10T10:00, 2026-03-10T10:00",
            "2026-03-10T12:00, 2026-03-10T13:00",
            "2026-03-10T18:00, 2026-03-11T09:00",
            "2026-03-13T18:00, 2026-03-16T09:00",
            "2026-02-14T18:00, 2026-02-24T09:00",
            "2026-10-01T00:00, 2026-10-08T09:00" })
    void officeNextWorkingInstant(String instant, String next) {
        assertThat(OFFICE.nextWorkingInstant(bj(instant))).isEqualTo(bj(next));
        assertThat(NATURAL.nextWorkingInstant(bj(instant))).isEqualTo(bj(instant));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-03-10T10:00, 1, 2026-03-11T10:00",
            "2026-03-13T10:00, 2, 2026-03-17T10:00", // Fri 7 h, Mon 8 h, Tue 1 h
            "2026-03-14T10:00, 0, 2026-03-16T09:00",
            // 30 full days from Mon 2 Mar: 22 in March (2–31), 1–3 Apr, Qingming 4–6 off, 7–10 Apr, 13 Apr
            "2026-03-02T09:00, 30, 2026-04-13T18:00" })
    void officeWorkingDaysAreEightHoursEach(String start, int days, String due) {
        assertThat(OFFICE.addWorkingDays(bj(start), days)).isEqualTo(bj(due));
    }

    @Test
    void naturalWorkingDaysAreTwentyFourHours() {
        assertThat(NATURAL.addWorkingDays(bj("2026-02-13T16:30"), 2)).isEqualTo(bj("2026-02-15T16:30"));
    }

    @Test
    void farDeadlinesAreReachedAndAgreeWithTheWorkingTimeBetween() {
        // 20 years of working days; speed is for benchmarks, this checks the far answer is consistent.
        Instant start = bj("2026-03-02T09:00");
        Instant due = OFFICE.addWorkingDays(start, 20 * 250);

        assertThat(due).isAfter(bj("2045-01-01T00:00"));
        assertThat(OFFICE.workingTimeBetween(start, due)).isEqualTo(Duration.ofHours(8L * 20 * 250));
    }

    @Test
    void negativeAmountsAreRejected() {
        assertThatThrownBy(() -> OFFICE.addWorkingTime(bj("2026-03-10T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.addWorkingDays(bj("2026-03-10T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void makeUpWorkdaysUseTheStandardDayAndHolidaysHaveNoWindows() {
        assertThat(OFFICE.windowsOn(LocalDate.of(2026, 2, 14))).isEqualTo(WeeklySchedule.officeHours().standardDay());
        assertThat(OFFICE.windowsOn(LocalDate.of(2026, 2, 16))).isEmpty();
    }

    @Test
    void windowsFollowLocalTimeAcrossADaylightSavingChange() {
        // Berlin moves from +01:00 to +02:00 on Sunday 29 March 2026.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar office = new BusinessCalendar(WeeklySchedule.officeHours(), HolidayCalendar.empty(), berlin);

        // Fri 17:00 CET + 2 h: Fri 17–18, Mon 09–10 CEST
        assertThat(office.addWorkingTime(Instant.parse("2026-03-27T16:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(office.workingTimeBetween(Instant.parse("2026-03-27T16:00:00Z"), Instant.parse("2026-03-30T08:00:00Z")))
                .isEqualTo(Duration.ofHours(2));

        // 7×24 with some holiday data takes the day walk, and 29 March has only 23 hours.
        HolidayCalendar christmas = HolidayCalendar.empty()
                .withYear("{\"year\":2026,\"days\":[{\"date\":\"2026-12-25\",\"isOffDay\":true}]}");
        BusinessCalendar allDay = new BusinessCalendar(WeeklySchedule.allDay(), christmas, berlin);
        assertThat(allDay.addWorkingTime(Instant.parse("2026-03-28T11:00:00Z"), Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
        assertThat(allDay.workingTimeBetween(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")))
                .isEqualTo(Duration.ofHours(23));
    }
}
