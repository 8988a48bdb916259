package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The engineer checks in on site (SLA-2/3/5 on-site clocks). Only the first arrival counts for the clocks. */
@Service
public class RecordOnSiteArrival {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordOnSiteArrival(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void record(Long ticketId, String engineer) {
        Ticket t = load.forAction(TicketAction.ARRIVE_ON_SITE, ticketId);
        t.touch(clock.instant());
        timeline.record(ticketId, new CaseEvent.ArrivedOnSite(engineer, t.getSite().getName()));
        recordMilestone.record(ticketId, MilestoneKind.ON_SITE, engineer);
    }
}
