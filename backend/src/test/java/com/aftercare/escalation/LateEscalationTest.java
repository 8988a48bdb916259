package com.aftercare.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** When an escalation run counts as late, and how its message says so (in the contract's zone). */
class LateEscalationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static Instant beijing(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(BEIJING).toInstant();
    }

    @Test
    void withinAMinuteIsTheExecutorsOrdinaryJitterNotLate() {
        Instant due = beijing(3, 10, 10, 22);
        assertThat(LateEscalation.note(due, due.plusSeconds(60), BEIJING)).isEmpty();
        assertThat(LateEscalation.note(due, due.plus(Duration.ofSeconds(61)), BEIJING)).contains("迟发：本应于 10:22 发出");
    }

    @Test
    void aRunOnAnotherDayNamesTheDateOfTheMissedRung() {
        assertThat(LateEscalation.note(beijing(12, 31, 23, 50), beijing(1, 1, 8, 0).plus(Duration.ofDays(365)), BEIJING))
                .contains("迟发：本应于 12月31日 23:50 发出");
    }

    @Test
    void theContractsZoneDecidesTheClockTime() {
        Instant due = beijing(3, 10, 10, 22);
        assertThat(LateEscalation.note(due, due.plus(Duration.ofMinutes(30)), ZoneId.of("Asia/Urumqi")))
                .contains("迟发：本应于 08:22 发出");
    }
}
