package com.aftercare.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    @Test
    void officeHoursAreFiveDaysOfEightHoursWithALunchBreak() {
        WeeklySchedule office = WeeklySchedule.officeHours();

        assertThat(office.windows(DayOfWeek.WEDNESDAY))
                .containsExactly(WorkingWindow.of("09:00", "12:00"), WorkingWindow.of("13:00", "18:00"));
        assertThat(office.windows(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(office.windows(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(office.standardDayLength()).isEqualTo(Duration.ofHours(8));
        assertThat(office.isAllDay()).isFalse();
    }

    @Test
    void allDayIsSevenTimesTwentyFour() {
        WeeklySchedule allDay = WeeklySchedule.allDay();

        assertThat(allDay.windows(DayOfWeek.SUNDAY)).containsExactly(WorkingWindow.of("00:00", "24:00"));
        assertThat(allDay.standardDayLength()).isEqualTo(Duration.ofHours(24));
        assertThat(allDay.isAllDay()).isTrue();
    }

    @Test
    void windowsAreSortedAndTheStandardDayIsTheFirstWorkingDayFromMonday() {
        WeeklySchedule tuesdayToSaturday = new WeeklySchedule(Map.of(
                DayOfWeek.TUESDAY, List.of(WorkingWindow.of("14:00", "20:00"), WorkingWindow.of("08:00", "12:00")),
                DayOfWeek.SATURDAY, List.of(WorkingWindow.of("10:00", "12:00"))));

        assertThat(tuesdayToSaturday.windows(DayOfWeek.TUESDAY))
                .containsExactly(WorkingWindow.of("08:00", "12:00"), WorkingWindow.of("14:00", "20:00"));
        assertThat(tuesdayToSaturday.windows(DayOfWeek.MONDAY)).isEmpty();
        assertThat(tuesdayToSaturday.standardDayLength()).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void aScheduleWithoutAnyWindowIsRejectedBecauseNoDeadlineCouldBeReached() {
        assertThatThrownBy(() -> new WeeklySchedule(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one working window");
        assertThatThrownBy(WeeklySchedule::weekdays)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one working window");
    }

    @Test
    void overlappingWindowsAreRejected() {
        assertThatThrownBy(() -> WeeklySchedule.weekdays(WorkingWindow.of("09:00", "12:30"), WorkingWindow.of("12:00", "18:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap on MONDAY");
    }

    @Test
    void touchingWindowsAreAllowed() {
        WeeklySchedule schedule = WeeklySchedule.weekdays(WorkingWindow.of("09:00", "12:00"), WorkingWindow.of("12:00", "13:00"));

        assertThat(schedule.standardDayLength()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> WorkingWindow.of("18:00", "09:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("18:00–09:00");
        assertThatThrownBy(() -> WorkingWindow.of("09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void midnightAsEndMeansTheEndOfTheDay() {
        WorkingWindow evening = new WorkingWindow(LocalTime.of(18, 0), LocalTime.MIDNIGHT);

        assertThat(evening).isEqualTo(WorkingWindow.of("18:00", "24:00"));
        assertThat(evening.duration()).isEqualTo(Duration.ofHours(6));
        assertThat(evening).hasToString("18:00–24:00");
    }
}
