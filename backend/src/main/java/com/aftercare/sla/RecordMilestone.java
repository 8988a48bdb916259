package com.aftercare.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;

/**
 * Records a fact a ticket's clocks react to (received, dispatched, on site, paused, ...) and tells the
 * ticket's escalation to look again. Every change to a ticket's clocks goes through here, so the running
 * escalation always hears of it.
 */
@Service
public class RecordMilestone {

    private final MilestoneRepository milestones;
    private final ClockSignal signal;
    private final Clock clock;

    // the signal is implemented by the workflow feature, which needs the ticket feature, which needs this: lazy breaks the loop
    RecordMilestone(MilestoneRepository milestones, @Lazy ClockSignal signal, Clock clock) {
        this.milestones = milestones;
        this.signal = signal;
        this.clock = clock;
    }

    @Transactional
    public void record(Long ticketId, MilestoneKind kind, Instant at, String detail) {
        // millisecond precision: what every database stores the same way, so a replay sees the same order
        CaseOpening.recorded(milestones.save(new Milestone(ticketId, kind, at.truncatedTo(ChronoUnit.MILLIS),
                CurrentUser.username(), truncate(detail, 2000))));
        signal.clocksChanged(ticketId);
    }

    /**
     * A fact that starts a clock with its own deadline (VENDOR_SENT: the vendor's return date on the repair slip),
     * so the clock is replayed from the milestones alone like every other.
     */
    @Transactional
    public void recordWithDeadline(Long ticketId, MilestoneKind kind, Instant at, Instant dueAt, String detail) {
        CaseOpening.recorded(milestones.save(new Milestone(ticketId, kind, at.truncatedTo(ChronoUnit.MILLIS),
                CurrentUser.username(), truncate(detail, 2000), dueAt.truncatedTo(ChronoUnit.MILLIS))));
        signal.clocksChanged(ticketId);
    }

    /** A fact that happened now. */
    @Transactional
    public void record(Long ticketId, MilestoneKind kind, String detail) {
        record(ticketId, kind, clock.instant(), detail);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
