package com.aftercare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** How far before a year's 1 January an import looks for due times whose rungs may reach into it (ADR 0078). */
class HolidayChangeTest {

    private static final String YEAR_2048 = "{\"year\": 2048, \"days\": [{\"name\": \"元旦\", \"date\": \"2048-01-01\", \"isOffDay\": true}]}";

    private static Instant utc14(String local) {
        return LocalDateTime.parse(local).toInstant(ZoneOffset.ofHours(14));
    }

    private static HolidayChange change(HolidayCalendar before) {
        return new HolidayChange(2048, before, before.withYear(YEAR_2048));
    }

    @Test
    void theLookBackIsTheLadderReachInWorkingDaysAndOneMoreCountedBackFromNewYear() {
        HolidayChange plain = change(HolidayCalendar.empty());
        // 1 Jan 2048 is a Wednesday: Tue 31, Mon 30, Fri 27, Thu 26, Wed 25 Dec 2047 ...
        assertThat(plain.dueFrom(0)).as("no rung past due: only due times on the last working day").isEqualTo(utc14("2047-12-31T00:00"));
        assertThat(plain.dueFrom(3)).as("the shipped 150 % of 5 working days").isEqualTo(utc14("2047-12-26T00:00"));
        assertThat(plain.dueFrom(15)).as("a 400 % rung on 5 working days").isEqualTo(utc14("2047-12-10T00:00"));
    }

    @Test
    void offDaysOfTheYearBeforeLengthenItAndMakeUpDaysShortenIt() {
        HolidayCalendar withOffDay = HolidayCalendar.empty().withYear(
                "{\"year\": 2047, \"days\": [{\"name\": \"x\", \"date\": \"2047-12-30\", \"isOffDay\": true}]}");
        assertThat(change(withOffDay).dueFrom(3)).isEqualTo(utc14("2047-12-25T00:00"));
        HolidayCalendar withMakeUp = HolidayCalendar.empty().withYear(
                "{\"year\": 2047, \"days\": [{\"name\": \"x\", \"date\": \"2047-12-28\", \"isOffDay\": false}]}");
        assertThat(change(withMakeUp).dueFrom(3)).isEqualTo(utc14("2047-12-27T00:00"));
    }

    @Test
    void aYearsDaysReadBackFromItsKeptJsonAreTheSame() {
        HolidayCalendar calendar = HolidayCalendar.defaults();
        int year = calendar.yearsCovered().last();
        assertThat(HolidayCalendar.empty().withYear(calendar.yearJson(year)).days(year)).isEqualTo(calendar.days(year));
        assertThat(calendar.yearJson(2099)).isNull();
        assertThat(calendar.withoutYear(year).days(year)).isEmpty();
    }
}
