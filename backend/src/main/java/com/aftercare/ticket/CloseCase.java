package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.SlaService;
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
    private final SlaService sla;
    private final CaseTimeline timeline;
    private final Clock clock;

    CloseCase(LoadTicket load, ClockPause clockPause, SlaService sla, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.clockPause = clockPause;
        this.sla = sla;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void close(Long ticketId) {
        Ticket t = load.byId(ticketId);
        boolean pausedBefore = clockPause.paused(t);
        t.hold(null);
        t.close(clock.instant());
        sla.milestone(ticketId, MilestoneKind.CLOSED, "customer confirmed");
        if (pausedBefore) {
            sla.milestone(ticketId, MilestoneKind.RESUMED, "closed");
        }
        timeline.record(ticketId, new CaseEvent.Closed());
    }
}
