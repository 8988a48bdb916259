package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The case no longer waits on the customer or on parts; paused clocks run again. */
@Service
public class ReleaseHold {

    private final LoadTicket load;
    private final ClockPause clockPause;
    private final CaseTimeline timeline;
    private final Clock clock;

    ReleaseHold(LoadTicket load, ClockPause clockPause, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.clockPause = clockPause;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Ticket release(Long ticketId) {
        Ticket t = load.forAction(TicketAction.RESUME, ticketId);
        ClockPause.Before before = clockPause.before(t);
        String was = t.getHoldReason();
        t.hold(null);
        t.touch(clock.instant());
        timeline.record(ticketId, new CaseEvent.HoldReleased(was));
        clockPause.settle(t, before, "hold released", null);
        return t;
    }
}
