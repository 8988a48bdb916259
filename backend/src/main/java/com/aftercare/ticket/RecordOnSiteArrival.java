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
    private final TicketActions actions;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordOnSiteArrival(LoadTicket load, TicketActions actions, RecordMilestone recordMilestone, CaseTimeline timeline,
            Clock clock) {
        this.load = load;
        this.actions = actions;
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

    /**
     * The engineer checked in on the field step (dispatch.bpmn "checkIn"): the arrival counts for the on-site
     * clocks unless one was already recorded since the case was (re)opened, e.g. by the on-site button.
     *
     * @return whether this check-in was recorded as the arrival
     */
    @Transactional
    public boolean recordUnlessRecorded(Long ticketId, String engineer) {
        Ticket t = load.withSite(ticketId);
        if (!actions.allowsState(TicketAction.ARRIVE_ON_SITE, t)) {
            return false;
        }
        record(ticketId, engineer);
        return true;
    }
}
