package com.aftercare.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.aftercare.sla.ClockStatus;

/** A clock as the API shows it: durations in seconds, target as an ISO duration. */
record ClockView(String clock, String basis, String target, String state, Instant startedAt, Instant dueAt, Instant stoppedAt,
        Long marginSeconds, long pausedSeconds, Long remainingSeconds, String risk, int escalationLevel, String escalationName,
        List<ClockStatus.PauseSpan> pauses, List<ClockStatus.HistoryEntry> history) {

    static ClockView of(ClockStatus s) {
        return new ClockView(s.clock().name(), s.basis() == null ? null : s.basis().name(),
                s.target() == null ? null : s.target().toString(), s.state().name(), s.startedAt(), s.dueAt(), s.stoppedAt(),
                seconds(s.margin()), s.paused().getSeconds(), seconds(s.remaining()), s.risk().name(), s.escalationLevel(),
                s.escalationName(), s.pauses(), s.history());
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }
}
