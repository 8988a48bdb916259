package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The engineer who took (or was given) an engineer's task becomes the ticket's engineer. */
@Service
public class AssignEngineer {

    private final LoadTicket load;
    private final CaseTimeline timeline;

    AssignEngineer(LoadTicket load, CaseTimeline timeline) {
        this.load = load;
        this.timeline = timeline;
    }

    @Transactional
    public void assign(Long ticketId, String engineer) {
        Ticket t = load.byId(ticketId);
        if (engineer != null && !engineer.equals(t.getAssignee())) {
            t.assignTo(engineer);
            timeline.record(ticketId, new CaseEvent.Assigned(engineer));
        }
    }
}
