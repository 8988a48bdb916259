package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Closes the case after the customer confirmed the fix: only the fault-intake model's close step
 * calls this (ADR 0002). A hold still open ends with it, and paused clocks are resumed so they stop.
 */
@Service
public class CloseCase {

    private final LoadTicket load;
    private final ClockPause clockPause;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    CloseCase(LoadTicket load, ClockPause clockPause, RecordMilestone recordMilestone, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.clockPause = clockPause;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void close(Long ticketId) {
        Ticket t = load.byId(ticketId);
        boolean pausedBefore = clockPause.paused(t);
        t.hold(null);
        t.close(clock.instant());
        recordMilestone.record(ticketId, MilestoneKind.CLOSED, "customer confirmed");
        if (pausedBefore) {
            recordMilestone.record(ticketId, MilestoneKind.RESUMED, "closed");
        }
        timeline.record(ticketId, new CaseEvent.Closed());
    }
}
