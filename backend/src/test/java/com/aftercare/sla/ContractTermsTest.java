package com.aftercare.sla;

import static com.aftercare.calendar.Times.bj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayCalendar;
import com.aftercare.calendar.WorkingWindow;
import com.aftercare.common.BadRequestException;

/**
 * Each shipped calendar on a statutory holiday, a make-up workday and an ordinary day, with the shipped
 * holiday data (2026: National Day 1–7 Oct, make-up Sat 10 Oct). One working hour from the given time.
 */
class ContractTermsTest {

    private static final HolidayCalendar SHIPPED = HolidayCalendar.defaults();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<WorkingWindow> CUSTOM = List.of(WorkingWindow.of("08:30", "12:00"), WorkingWindow.of("13:30", "17:00"));

    private static BusinessCalendar calendar(String kind) {
        return switch (kind) {
            case "7x24" -> new ContractTerms(CalendarKind.SEVEN_BY_24, BEIJING, null).workingCalendar(SHIPPED);
            case "5x8" -> new ContractTerms(CalendarKind.FIVE_BY_8, BEIJING, null).workingCalendar(SHIPPED);
            case "5x8 custom" -> new ContractTerms(CalendarKind.FIVE_BY_8, BEIJING, CUSTOM).workingCalendar(SHIPPED);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}, {1}: {2} + 1 working hour = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            7x24       | holiday Wed        | 2026-10-07T10:00 | 2026-10-07T11:00
            7x24       | make-up Sat        | 2026-10-10T17:30 | 2026-10-10T18:30
            7x24       | ordinary Sat night | 2026-10-17T23:30 | 2026-10-18T00:30
            5x8        | holiday Wed        | 2026-10-07T10:00 | 2026-10-08T10:00
            5x8        | make-up Sat        | 2026-10-10T11:30 | 2026-10-10T13:30
            5x8        | ordinary Tue       | 2026-10-13T16:30 | 2026-10-13T17:30
            5x8        | ordinary Sat       | 2026-10-17T10:00 | 2026-10-19T10:00
            5x8 custom | holiday Wed        | 2026-10-07T10:00 | 2026-10-08T09:30
            5x8 custom | make-up Sat        | 2026-10-10T11:30 | 2026-10-10T14:00
            5x8 custom | ordinary Tue       | 2026-10-13T16:30 | 2026-10-14T09:00
            5x8 custom | ordinary Sat       | 2026-10-17T10:00 | 2026-10-19T09:30
            """)
    void oneWorkingHour(String kind, String day, String from, String due) {
        assertThat(calendar(kind).addWorkingTime(bj(from), Duration.ofHours(1))).as(day).isEqualTo(bj(due));
    }

    @Test
    void roundTheClockIgnoresHolidaysAltogether() {
        BusinessCalendar allDay = calendar("7x24");
        assertThat(allDay.workingTimeBetween(bj("2026-09-30T12:00"), bj("2026-10-08T12:00"))).isEqualTo(Duration.ofDays(8));
        assertThat(allDay.addWorkingDays(bj("2026-09-30T12:00"), 2)).isEqualTo(bj("2026-10-02T12:00"));
    }

    @Test
    void officeHoursTravelThroughTheStoredForm() {
        assertThat(ContractTerms.format(CUSTOM)).isEqualTo("08:30-12:00,13:30-17:00");
        assertThat(ContractTerms.parse("08:30-12:00,13:30-17:00")).isEqualTo(CUSTOM);
        assertThat(ContractTerms.parse(null)).isEqualTo(ContractTerms.DEFAULT_HOURS);
        assertThat(ContractTerms.parse(ContractTerms.format(List.of(WorkingWindow.of("20:00", "24:00")))))
                .containsExactly(WorkingWindow.of("20:00", "24:00"));
    }

    @Test
    void hoursOfA7x24ContractDoNotMakeItDifferent() {
        ContractTerms plain = new ContractTerms(CalendarKind.SEVEN_BY_24, BEIJING, null);
        assertThat(plain.sameClocksAs(new ContractTerms(CalendarKind.SEVEN_BY_24, BEIJING, CUSTOM))).isTrue();
        assertThat(new ContractTerms(CalendarKind.FIVE_BY_8, BEIJING, null)
                .sameClocksAs(new ContractTerms(CalendarKind.FIVE_BY_8, BEIJING, CUSTOM))).isFalse();
        assertThat(plain.sameClocksAs(new ContractTerms(CalendarKind.SEVEN_BY_24, ZoneId.of("Asia/Urumqi"), null))).isFalse();
    }

    @Test
    void badHoursNameTheWindowAndEnd() {
        assertThatThrownBy(() -> WorkingHours.read(List.of(new ContractSettings.Window("08:30", "12:00"),
                new ContractSettings.Window("12:00", "11:00"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errors())
                        .extracting(BadRequestException.FieldError::field).containsExactly("workingHours[1].to"));
        assertThat(WorkingHours.read(List.of(new ContractSettings.Window("13:30", "17:00"),
                new ContractSettings.Window("08:30", "12:00")))).isEqualTo(CUSTOM);
        assertThat(WorkingHours.read(null)).isEqualTo(ContractTerms.DEFAULT_HOURS);
    }
}
