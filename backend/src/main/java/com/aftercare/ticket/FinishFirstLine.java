package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;

/**
 * The desk completed its first-line step (IN-4): solved at the desk or handed on to dispatch. The remote-guidance
 * clock stops here, met or missed; what comes next (resolution, dispatch) is recorded by the steps that follow.
 */
@Service
public class FinishFirstLine {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;

    FinishFirstLine(LoadTicket load, RecordMilestone recordMilestone) {
        this.load = load;
        this.recordMilestone = recordMilestone;
    }

    @Transactional
    public void finish(Long ticketId, boolean solvedAtDesk) {
        load.byId(ticketId);
        recordMilestone.record(ticketId, MilestoneKind.FIRST_LINE_FINISHED,
                solvedAtDesk ? "solved at the desk" : "handed on to dispatch");
    }
}
