package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.SlaService;

/** A task handed to another engineer is a re-dispatch (IN-7): it answers a reported delay. */
@Service
public class RecordRedispatch {

    private final LoadTicket load;
    private final SlaService sla;

    RecordRedispatch(LoadTicket load, SlaService sla) {
        this.load = load;
        this.sla = sla;
    }

    @Transactional
    public void record(Long ticketId, String engineer) {
        load.byId(ticketId);
        sla.milestone(ticketId, MilestoneKind.DISPATCHED, "re-dispatched to " + engineer);
    }
}
