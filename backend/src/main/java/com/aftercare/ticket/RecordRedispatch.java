package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;

/** A task handed to another engineer is a re-dispatch (IN-7): it answers a reported delay. */
@Service
public class RecordRedispatch {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;

    RecordRedispatch(LoadTicket load, RecordMilestone recordMilestone) {
        this.load = load;
        this.recordMilestone = recordMilestone;
    }

    @Transactional
    public void record(Long ticketId, String engineer) {
        load.byId(ticketId);
        recordMilestone.record(ticketId, MilestoneKind.DISPATCHED, "re-dispatched to " + engineer);
    }
}
