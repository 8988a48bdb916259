package com.aftercare.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HolidayCalendarTest {

    private static final HolidayCalendar DEFAULTS = HolidayCalendar.defaults();

    /** A 2027 notice in holiday-cn form (invented dates: the real one is published around November 2026). */
    private static final String YEAR_2027 = json("""
            {'year': 2027, 'papers': [], 'days': [
              {'name': '国庆节', 'date': '2027-09-26', 'isOffDay': false},
              {'name': '国庆节', 'date': '2027-10-01', 'isOffDay': true},
              {'name': '国庆节', 'date': '2027-10-04', 'isOffDay': true}]}""");

    @Test
    void defaultsCoverTheShippedYears() {
        assertThat(DEFAULTS.yearsCovered()).containsExactly(2024, 2025, 2026);
        assertThat(DEFAULTS.isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "{0}: off day {1}, make-up workday {2}")
    @CsvSource({
            "2024-02-04, false, true", // Sunday worked before Spring Festival 2024
            "2024-10-07, true, false",
            "2025-01-26, false, true",
            "2025-10-08, true, false",
            "2026-01-04, false, true",
            "2026-02-15, true, false", // a Sunday inside Spring Festival 2026
            "2026-02-23, true, false", // a Monday, last day of Spring Festival 2026
            "2026-02-24, false, false", // first normal workday after it
            "2026-02-28, false, true",
            "2026-03-14, false, false", // an ordinary Saturday is not listed
            "2027-10-01, false, false" }) // no data for 2027
    void defaultsKnowOffDaysAndMakeUpWorkdays(LocalDate date, boolean offDay, boolean makeUp) {
        assertThat(DEFAULTS.isOffDay(date)).isEqualTo(offDay);
        assertThat(DEFAULTS.isMakeUpWorkday(date)).isEqualTo(makeUp);
    }

    @ParameterizedTest(name = "today {0}: missing {1}")
    @CsvSource({
            "2023-06-01, '2023'", // 2024 is covered
            "2024-05-01, ''",
            "2025-12-31, ''",
            "2026-01-15, ''", // 2027's schedule is not out before October
            "2026-09-30, ''",
            "2026-10-01, '2027'",
            "2026-12-31, '2027'",
            "2027-03-01, '2027'",
            "2027-10-01, '2027 2028'" })
    void missingYearsAreThisAndNextYearWithoutData(LocalDate today, String missing) {
        List<Integer> expected = missing.isEmpty() ? List.of()
                : Stream.of(missing.split(" ")).map(Integer::valueOf).toList();

        assertThat(DEFAULTS.missingYears(today)).isEqualTo(expected);
    }

    @Test
    void importingAYearAddsItAndLeavesTheOriginalUntouched() {
        HolidayCalendar withNextYear = DEFAULTS.withYear(YEAR_2027);

        assertThat(withNextYear.yearsCovered()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(withNextYear.missingYears(LocalDate.of(2026, 11, 20))).isEmpty();
        assertThat(withNextYear.isOffDay(LocalDate.of(2027, 10, 4))).isTrue();
        assertThat(withNextYear.isMakeUpWorkday(LocalDate.of(2027, 9, 26))).isTrue();
        assertThat(withNextYear.isOffDay(LocalDate.of(2026, 2, 17))).isTrue();
        assertThat(DEFAULTS.yearsCovered()).containsExactly(2024, 2025, 2026);
    }

    @Test
    void importingFromAStreamWorksToo() {
        HolidayCalendar imported = HolidayCalendar.empty()
                .withYear(new ByteArrayInputStream(YEAR_2027.getBytes(StandardCharsets.UTF_8)));

        assertThat(imported.yearsCovered()).containsExactly(2027);
        assertThat(imported.isOffDay(LocalDate.of(2027, 10, 1))).isTrue();
    }

    @Test
    void reimportingAYearReplacesIt() {
        HolidayCalendar corrected = DEFAULTS.withYear(json("""
                {'year': 2026, 'days': [{'name': '春节', 'date': '2026-02-16', 'isOffDay': true}]}"""));

        assertThat(corrected.isOffDay(LocalDate.of(2026, 2, 16))).isTrue();
        assertThat(corrected.isOffDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(corrected.isOffDay(LocalDate.of(2025, 10, 1))).isTrue();
    }

    @Test
    void aDateListedTwiceWithTheSameFlagIsAccepted() {
        HolidayCalendar calendar = HolidayCalendar.empty().withYear(json("""
                {'year': 2027, 'days': [{'date': '2027-10-01', 'isOffDay': true}, {'date': '2027-10-01', 'isOffDay': true}]}"""));

        assertThat(calendar.isOffDay(LocalDate.of(2027, 10, 1))).isTrue();
    }

    static Stream<Arguments> invalidImports() {
        return Stream.of(
                Arguments.of("not json at all", "not valid JSON"),
                Arguments.of("[]", "must be a JSON object"),
                Arguments.of("{'days': [{'date': '2027-10-01', 'isOffDay': true}]}", "no integer \"year\""),
                Arguments.of("{'year': '2027', 'days': [{'date': '2027-10-01', 'isOffDay': true}]}", "no integer \"year\""),
                Arguments.of("{'year': 2027}", "Holiday data for 2027: \"days\" must be a non-empty array"),
                Arguments.of("{'year': 2027, 'days': []}", "\"days\" must be a non-empty array"),
                Arguments.of("{'year': 2027, 'days': [{'date': '2026-10-01', 'isOffDay': true}]}",
                        "Holiday data for 2027: date 2026-10-01 is not in year 2027"),
                Arguments.of("{'year': 2027, 'days': [{'date': '2027-02-30', 'isOffDay': true}]}",
                        "date \"2027-02-30\" is not a valid yyyy-MM-dd date"),
                Arguments.of("{'year': 2027, 'days': [{'date': '2027/10/01', 'isOffDay': true}]}",
                        "date \"2027/10/01\" is not a valid"),
                Arguments.of("{'year': 2027, 'days': [{'name': '国庆节', 'isOffDay': true}]}", "date \"\" is not a valid"),
                Arguments.of("{'year': 2027, 'days': [{'date': '2027-10-01'}]}",
                        "date 2027-10-01 has no boolean \"isOffDay\""),
                Arguments.of("{'year': 2027, 'days': [{'date': '2027-10-01', 'isOffDay': 'true'}]}",
                        "has no boolean \"isOffDay\""),
                Arguments.of("{'year': 2027, 'days': [{'date': '2027-10-01', 'isOffDay': true},"
                        + " {'date': '2027-10-01', 'isOffDay': false}]}",
                        "date 2027-10-01 is listed both as an off day and as a make-up workday"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidImports")
    void invalidImportsAreRejectedNamingTheProblem(String document, String message) {
        assertThatThrownBy(() -> DEFAULTS.withYear(json(document)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    /** Lets the test documents use single quotes. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
