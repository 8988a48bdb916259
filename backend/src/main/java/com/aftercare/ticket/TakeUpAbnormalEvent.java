package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.SlaService;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The project manager takes up a reported abnormal event; stops the PM_REPORT clock. */
@Service
public class TakeUpAbnormalEvent {

    private final LoadTicket load;
    private final SlaService sla;
    private final CaseTimeline timeline;

    TakeUpAbnormalEvent(LoadTicket load, SlaService sla, CaseTimeline timeline) {
        this.load = load;
        this.sla = sla;
        this.timeline = timeline;
    }

    @Transactional
    public void takeUp(Long ticketId) {
        load.forAction(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT, ticketId);
        timeline.record(ticketId, new CaseEvent.AbnormalEventTakenUp(CurrentUser.username()));
        sla.milestone(ticketId, MilestoneKind.ABNORMAL_ACKNOWLEDGED, CurrentUser.username());
    }
}
