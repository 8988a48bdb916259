package com.aftercare.calendar;

import static com.aftercare.calendar.Times.bj;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every working-time deadline of the contracts (SLA-2 level 0: remote 2 working hours, restore 1 working day,
 * on-site 2 working days; SLA-4: respond in 1 working hour; SLA-7: fault report in 2 working days) for each kind
 * of start, on the 5x8 calendar (09-12, 13-18) with China's 2026 holidays; and the natural-time deadlines of
 * SLA-1, SLA-3, SLA-6 and SLA-7, which ignore the calendar. Due times worked out by hand (Beijing time).
 */
class SlaDeadlineMatrixTest {

    private static final BusinessCalendar OFFICE = BusinessCalendar.of(WeeklySchedule.officeHours(), HolidayCalendar.defaults());

    @ParameterizedTest(name = "{0} + {2} working = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # Tuesday 10 March, mid-morning
            weekday          | 2026-03-10T10:00 | PT1H  | 2026-03-10T11:00
            weekday          | 2026-03-10T10:00 | PT2H  | 2026-03-10T12:00
            weekday          | 2026-03-10T10:00 | PT8H  | 2026-03-11T10:00
            weekday          | 2026-03-10T10:00 | PT16H | 2026-03-12T10:00
            # Friday 13 March after hours: the count starts Monday 09:00
            Friday evening   | 2026-03-13T19:00 | PT1H  | 2026-03-16T10:00
            Friday evening   | 2026-03-13T19:00 | PT2H  | 2026-03-16T11:00
            Friday evening   | 2026-03-13T19:00 | PT8H  | 2026-03-16T18:00
            Friday evening   | 2026-03-13T19:00 | PT16H | 2026-03-17T18:00
            # lunch break: the count starts at 13:00
            lunch break      | 2026-03-10T12:30 | PT1H  | 2026-03-10T14:00
            lunch break      | 2026-03-10T12:30 | PT2H  | 2026-03-10T15:00
            lunch break      | 2026-03-10T12:30 | PT8H  | 2026-03-11T12:00
            lunch break      | 2026-03-10T12:30 | PT16H | 2026-03-12T12:00
            # National Day, Saturday 3 October: off until Wednesday the 7th
            holiday          | 2026-10-03T10:00 | PT1H  | 2026-10-08T10:00
            holiday          | 2026-10-03T10:00 | PT2H  | 2026-10-08T11:00
            holiday          | 2026-10-03T10:00 | PT8H  | 2026-10-08T18:00
            holiday          | 2026-10-03T10:00 | PT16H | 2026-10-09T18:00
            # Saturday 28 February is a make-up workday; Sunday 1 March is not
            make-up Saturday | 2026-02-28T10:00 | PT1H  | 2026-02-28T11:00
            make-up Saturday | 2026-02-28T10:00 | PT2H  | 2026-02-28T12:00
            make-up Saturday | 2026-02-28T10:00 | PT8H  | 2026-03-02T10:00
            make-up Saturday | 2026-02-28T10:00 | PT16H | 2026-03-03T10:00
            # Friday 13 February 16:30: make-up Saturday 14th, then Spring Festival 15th-23rd
            Spring Festival  | 2026-02-13T16:30 | PT1H  | 2026-02-13T17:30
            Spring Festival  | 2026-02-13T16:30 | PT2H  | 2026-02-14T09:30
            Spring Festival  | 2026-02-13T16:30 | PT8H  | 2026-02-14T16:30
            Spring Festival  | 2026-02-13T16:30 | PT16H | 2026-02-24T16:30
            """)
    void workingTimeDeadline(String start, String received, String amount, String due) {
        assertThat(OFFICE.addWorkingTime(bj(received), Duration.parse(amount))).as(start).isEqualTo(bj(due));
        if (amount.equals("PT8H") || amount.equals("PT16H")) {
            int days = amount.equals("PT8H") ? 1 : 2; // "n working days" is n standard days of 8 h
            assertThat(OFFICE.addWorkingDays(bj(received), days)).as(start + " in working days").isEqualTo(bj(due));
        }
    }

    @ParameterizedTest(name = "{0} + {2} natural = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # SLA-1 L2 resolve 36 h, SLA-3 A on site 2 h, SLA-6 contingency 16 h, SLA-7 report 24 h
            Friday evening   | 2026-03-13T19:00 | PT36H | 2026-03-15T07:00
            lunch break      | 2026-03-10T12:30 | PT2H  | 2026-03-10T14:30
            holiday          | 2026-10-03T10:00 | PT16H | 2026-10-04T02:00
            make-up Saturday | 2026-02-28T10:00 | PT24H | 2026-03-01T10:00
            Spring Festival  | 2026-02-13T16:30 | PT36H | 2026-02-15T04:30
            """)
    void naturalTimeDeadlineIgnoresTheCalendar(String start, String received, String amount, String due) {
        assertThat(BusinessCalendar.natural().addWorkingTime(bj(received), Duration.parse(amount))).as(start).isEqualTo(bj(due));
    }
}
