package com.aftercare.calendar;

import static com.aftercare.calendar.Times.bj;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deadlines of the contracts' schemes (requirements §2), due times worked out by hand. Most start on
 * Friday 13 Feb 2026 16:30, the last workday before Spring Festival 2026 (Sat 14th is a make-up workday,
 * 15th–23rd are off). Amounts are ISO durations, or "nWD" for n working days.
 */
class SlaDeadlinesTest {

    private static final BusinessCalendar OFFICE = BusinessCalendar.of(WeeklySchedule.officeHours(), HolidayCalendar.defaults());
    private static final BusinessCalendar NATURAL = BusinessCalendar.natural();

    @ParameterizedTest(name = "{0}: {2} + {3} ({1}) = {4}")
    @CsvSource(delimiter = '|', textBlock = """
            SLA-1 L1 respond at once          | natural | 2026-02-13T16:30 | PT0S   | 2026-02-13T16:30
            SLA-1 L2/L3 respond 30 min        | natural | 2026-02-13T16:30 | PT30M  | 2026-02-13T17:00
            SLA-1 L1 resolve 24 h             | natural | 2026-02-13T16:30 | PT24H  | 2026-02-14T16:30
            SLA-1 L2 resolve 36 h             | natural | 2026-02-13T16:30 | PT36H  | 2026-02-15T04:30
            SLA-1 L3 resolve 48 h             | natural | 2026-02-13T16:30 | PT48H  | 2026-02-15T16:30

            # Fri 16:30–18:00 1.5 h, make-up Sat 09:00–16:30 6.5 h
            SLA-2 L0 restore 1 working day    | office  | 2026-02-13T16:30 | 1WD    | 2026-02-14T16:30
            # Fri 1.5 h, make-up Sat 09:00–09:30
            SLA-2 L0 remote 2 working hours   | office  | 2026-02-13T16:30 | PT2H   | 2026-02-14T09:30
            # Fri 1.5 h, Sat 8 h, Tue 24th 09–12 and 13–16:30
            SLA-2 L0 on-site 2 working days   | office  | 2026-02-13T16:30 | 2WD    | 2026-02-24T16:30
            SLA-2 L0 restore, ordinary Tue    | office  | 2026-03-10T10:00 | 1WD    | 2026-03-11T10:00
            SLA-2 L0 remote, ordinary Tue     | office  | 2026-03-10T10:00 | PT2H   | 2026-03-10T12:00
            SLA-2 L0 on-site, ordinary Tue    | office  | 2026-03-10T10:00 | 2WD    | 2026-03-12T10:00
            SLA-2 L1 restore/on-site 24 h     | natural | 2026-02-13T16:30 | PT24H  | 2026-02-14T16:30
            SLA-2 L1 remote 2 h               | natural | 2026-02-13T16:30 | PT2H   | 2026-02-13T18:30
            SLA-2 L2 restore 4 h              | natural | 2026-02-13T16:30 | PT4H   | 2026-02-13T20:30
            SLA-2 L2 remote 30 min            | natural | 2026-02-13T16:30 | PT30M  | 2026-02-13T17:00
            SLA-2 L2/L3 on-site 2 h           | natural | 2026-02-13T16:30 | PT2H   | 2026-02-13T18:30
            SLA-2 L3 restore 2 h              | natural | 2026-02-13T16:30 | PT2H   | 2026-02-13T18:30
            SLA-2 L3 remote 15 min            | natural | 2026-02-13T16:30 | PT15M  | 2026-02-13T16:45

            SLA-3 A on site, city 2 h         | natural | 2026-02-13T16:30 | PT2H   | 2026-02-13T18:30
            SLA-3 A on site, county 24 h      | natural | 2026-02-13T16:30 | PT24H  | 2026-02-14T16:30
            SLA-3 A solution / B on site 48 h | natural | 2026-02-13T16:30 | PT48H  | 2026-02-15T16:30
            SLA-3 B solution / C respond 72 h | natural | 2026-02-13T16:30 | PT72H  | 2026-02-16T16:30
            # 4 days 12 h
            SLA-3 C agreed plan 108 h         | natural | 2026-02-13T16:30 | PT108H | 2026-02-18T04:30

            SLA-4 respond 1 working hour      | office  | 2026-02-13T16:30 | PT1H   | 2026-02-13T17:30
            SLA-4 at 17:30 to make-up Sat     | office  | 2026-02-13T17:30 | PT1H   | 2026-02-14T09:30
            # Sat 17:00–18:00 then the holiday 15th–23rd
            SLA-4 make-up Sat, over holiday   | office  | 2026-02-14T17:30 | PT1H   | 2026-02-24T09:30
            SLA-4 received in the lunch break | office  | 2026-03-10T12:10 | PT1H   | 2026-03-10T14:00
            SLA-4 received Friday night       | office  | 2026-03-13T22:00 | PT1H   | 2026-03-16T10:00
            SLA-4 received on National Day    | office  | 2026-10-03T10:00 | PT1H   | 2026-10-08T10:00

            SLA-6 solve 12 h                  | natural | 2026-02-13T16:30 | PT12H  | 2026-02-14T04:30
            SLA-6 contingency plan 16 h       | natural | 2026-02-13T16:30 | PT16H  | 2026-02-14T08:30

            SLA-7 fault report 24 h           | natural | 2026-09-30T15:00 | PT24H  | 2026-10-01T15:00
            # Wed 15–18 3 h, 1–7 Oct off, Thu 8th 8 h, Fri 9th 09–12 and 13–15
            SLA-7 fault report 2 working days | office  | 2026-09-30T15:00 | 2WD    | 2026-10-09T15:00
            # Sat 17–18 1 h, 15th–23rd off, Tue 24th 8 h, Wed 25th 09–12 and 13–17
            SLA-7 report 2 WD from make-up Sat| office  | 2026-02-14T17:00 | 2WD    | 2026-02-25T17:00
            SLA-7 cloud vendor 12 h           | natural | 2026-09-30T15:00 | PT12H  | 2026-10-01T03:00
            """)
    void dueTime(String scheme, String clock, String received, String amount, String due) {
        BusinessCalendar calendar = clock.equals("office") ? OFFICE : NATURAL;

        assertThat(dueAfter(calendar, bj(received), amount)).as(scheme).isEqualTo(bj(due));
    }

    private static Instant dueAfter(BusinessCalendar calendar, Instant received, String amount) {
        return amount.endsWith("WD")
                ? calendar.addWorkingDays(received, Integer.parseInt(amount.substring(0, amount.length() - 2)))
                : calendar.addWorkingTime(received, Duration.parse(amount));
    }
}
