package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;

/**
 * The desk's first-line step began (IN-4): the remote-guidance clock starts now. A milestone of its own rather than
 * the receipt, so cases opened before this step recorded it never run the clock, and a case that reaches first line
 * late (a process moved to a new model version) counts from when the desk actually had it.
 */
@Service
public class StartFirstLine {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;

    StartFirstLine(LoadTicket load, RecordMilestone recordMilestone) {
        this.load = load;
        this.recordMilestone = recordMilestone;
    }

    @Transactional
    public void start(Long ticketId) {
        load.byId(ticketId);
        recordMilestone.record(ticketId, MilestoneKind.FIRST_LINE_STARTED, null);
    }
}
