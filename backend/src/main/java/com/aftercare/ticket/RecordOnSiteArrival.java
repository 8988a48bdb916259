package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.SlaService;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The engineer checks in on site (SLA-2/3/5 on-site clocks). Only the first arrival counts for the clocks. */
@Service
public class RecordOnSiteArrival {

    private final LoadTicket load;
    private final SlaService sla;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordOnSiteArrival(LoadTicket load, SlaService sla, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.sla = sla;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void record(Long ticketId, String engineer) {
        Ticket t = load.forAction(TicketAction.ARRIVE_ON_SITE, ticketId);
        t.touch(clock.instant());
        timeline.record(ticketId, new CaseEvent.ArrivedOnSite(engineer, t.getSite().getName()));
        sla.milestone(ticketId, MilestoneKind.ON_SITE, engineer);
    }
}
