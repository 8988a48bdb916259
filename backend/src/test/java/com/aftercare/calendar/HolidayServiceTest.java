package com.aftercare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.support.IntegrationTest;

/** Two nodes on one database: what one imports, the other uses without a restart; and when next year is reported. */
class HolidayServiceTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    HolidayYearRepository repository;
    @Autowired
    HolidayService thisNode;
    @Autowired
    OwedRetimings owed;

    @Test
    void anotherNodeUsesAnImportedYearAfterItsRecheck() {
        HolidayService otherNode = new HolidayService(repository, owed, Clock.systemUTC(), Duration.ofMillis(200));
        LocalDate newYear2032 = LocalDate.of(2032, 1, 1);
        assertThat(otherNode.current().isOffDay(newYear2032)).isFalse(); // loaded before the import

        thisNode.importYear("""
                {"year": 2032, "days": [{"name": "元旦", "date": "2032-01-01", "isOffDay": true}]}""", "t-admin");

        assertThat(thisNode.current().isOffDay(newYear2032)).as("the importing node at once").isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!otherNode.current().isOffDay(newYear2032) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(otherNode.current().isOffDay(newYear2032)).as("the other node after its recheck").isTrue();

        // a corrected notice (same year replaced) reaches it too: the stamp is the count and the latest import
        clock.advance(Duration.ofMinutes(1)); // the test clock stands still; a real import is later than the last
        thisNode.importYear("""
                {"year": 2032, "days": [{"name": "元旦", "date": "2032-01-02", "isOffDay": true}]}""", "t-admin");
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (otherNode.current().isOffDay(newYear2032) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertThat(otherNode.current().isOffDay(newYear2032)).isFalse();
        assertThat(otherNode.current().isOffDay(LocalDate.of(2032, 1, 2))).isTrue();
    }

    @Test
    void aNodeThatChecksRarelyKeepsItsCalendarUntilThen() {
        HolidayService slowNode = new HolidayService(repository, owed, Clock.systemUTC(), Duration.ofHours(1));
        assertThat(slowNode.current().yearsCovered()).doesNotContain(2037);
        thisNode.importYear("""
                {"year": 2037, "days": [{"name": "元旦", "date": "2037-01-01", "isOffDay": true}]}""", "t-admin");
        assertThat(slowNode.current().yearsCovered()).doesNotContain(2037);
    }

    /**
     * The rule the reminder follows: next year is reported as missing from 1 October (Beijing time) until it is
     * imported (the notice usually comes in late October or November), and this year too while it has no data.
     */
    @ParameterizedTest(name = "{0}: missing {1}")
    @CsvSource({
            "2026-01-01T00:00:00+08:00, ''",
            "2026-09-30T23:59:59+08:00, ''",
            "2026-10-01T00:00:00+08:00, '2027'",
            "2026-12-05T20:00:00+08:00, '2027'",
            "2025-12-31T23:59:59+08:00, ''",
            "2027-01-01T00:00:00+08:00, '2027'",
            "2027-10-01T00:00:00+08:00, '2027 2028'" })
    void nextYearIsMissingFromTheFirstOfOctober(String now, String missing) {
        Clock fixed = Clock.fixed(Instant.from(java.time.OffsetDateTime.parse(now)), SHANGHAI);
        HolidayService service = new HolidayService(repository, owed, fixed, Duration.ofSeconds(30));
        List<Integer> expected = missing.isEmpty() ? List.of()
                : java.util.Arrays.stream(missing.split(" ")).map(Integer::valueOf).toList();

        assertThat(service.coverage().missingYears()).isEqualTo(expected);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
