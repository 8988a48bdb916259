package com.aftercare.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.labels.Labels;
import com.aftercare.sla.ClockName;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseEventTexts;

/** When an escalation run counts as late, and how its message says so in each language. */
class LateEscalationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final CaseEventTexts TEXTS = new CaseEventTexts(new Labels());

    private static Instant beijing(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(BEIJING).toInstant();
    }

    private static CaseEvent.Escalated escalated(Duration lateBy) {
        return new CaseEvent.Escalated("FT-2026-0001", "3", ClockName.RESPONSE, List.of(1, 2, 3), false,
                Duration.ofMinutes(-20), lateBy, "Xidan crossing", "t-eng", "Camera shows no picture");
    }

    @Test
    void withinAMinuteIsTheExecutorsOrdinaryJitterNotLate() {
        Instant due = beijing(3, 10, 10, 22);
        assertThat(LateEscalation.lateBy(due, due.plusSeconds(60))).isEmpty();
        assertThat(LateEscalation.lateBy(due, due.plus(Duration.ofSeconds(61)))).contains(Duration.ofSeconds(61));
        assertThat(LateEscalation.lateBy(null, due)).as("nothing was due").isEmpty();
    }

    @Test
    void aRunAfterADayOfDowntimeIsLateByTheWholeOutage() {
        assertThat(LateEscalation.lateBy(beijing(12, 31, 23, 50), beijing(12, 31, 23, 50).plus(Duration.ofHours(8).plusMinutes(10))))
                .contains(Duration.ofMinutes(490));
    }

    @Test
    void aLateMessageSaysHowLateInTheLanguageItIsWrittenIn() {
        CaseEvent.Escalated late = escalated(Duration.ofMinutes(27));
        assertThat(TEXTS.phoneText(late, Labels.ZH, BEIJING)).contains("迟发 27分钟");
        assertThat(TEXTS.subject(late, Labels.ZH)).contains("迟发");
        assertThat(TEXTS.phoneText(late, Labels.EN, BEIJING)).contains("sent late by 27m").doesNotContain("迟发");
        assertThat(TEXTS.subject(late, Labels.EN)).contains("sent late");

        CaseEvent.Escalated onTime = escalated(null);
        assertThat(TEXTS.phoneText(onTime, Labels.ZH, BEIJING)).doesNotContain("迟发");
        assertThat(TEXTS.phoneText(onTime, Labels.EN, BEIJING)).doesNotContain("late");
    }
}
