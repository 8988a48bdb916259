package com.aftercare.ticket;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The fault is resolved: fixed and verified on the device (after the probe passed), or answered at the desk. */
@Service
public class RecordResolution {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordResolution(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void record(Long ticketId, ResolutionWay how) {
        Ticket t = load.byId(ticketId);
        Instant now = clock.instant();
        t.markResolved(now);
        // the SLA log keeps the words it always had, so reports over old and new cases read alike
        recordMilestone.record(ticketId, MilestoneKind.RESOLVED, how == ResolutionWay.AT_DESK ? "Solved at the desk"
                : "Fixed and verified on the device");
        timeline.record(ticketId, new CaseEvent.Resolved(how.name(),
                t.getResolutionDue() != null && now.isAfter(t.getResolutionDue())));
    }
}
