package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The project manager takes up a reported abnormal event; stops the PM_REPORT clock. */
@Service
public class TakeUpAbnormalEvent {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;

    TakeUpAbnormalEvent(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
    }

    @Transactional
    public void takeUp(Long ticketId) {
        load.forAction(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT, ticketId);
        timeline.record(ticketId, new CaseEvent.AbnormalEventTakenUp(CurrentUser.username()));
        recordMilestone.record(ticketId, MilestoneKind.ABNORMAL_ACKNOWLEDGED, CurrentUser.username());
    }
}
