package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The customer says it is not fixed: back to dispatch, and the resolution clock resumes. */
@Service
public class ReopenCase {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    ReopenCase(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void reopen(Long ticketId) {
        Ticket t = load.byId(ticketId);
        t.reopen();
        t.touch(clock.instant());
        recordMilestone.record(ticketId, MilestoneKind.REOPENED, "customer reports not fixed");
        timeline.record(ticketId, new CaseEvent.Reopened());
    }
}
