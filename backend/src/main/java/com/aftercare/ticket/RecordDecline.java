package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;

/**
 * The dispatch model's "engineer declines": a delay the desk must answer with a re-dispatch (IN-7).
 * The decline itself is on the timeline as the completed task; this starts the REDISPATCH clock.
 */
@Service
public class RecordDecline {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;

    RecordDecline(LoadTicket load, RecordMilestone recordMilestone) {
        this.load = load;
        this.recordMilestone = recordMilestone;
    }

    @Transactional
    public void record(Long ticketId, String engineer, String reason) {
        load.byId(ticketId);
        recordMilestone.record(ticketId, MilestoneKind.DELAY_REPORTED, (engineer == null ? "declined" : engineer + " declined")
                + (reason == null || reason.isBlank() ? "" : ": " + MilestoneNotes.abbreviate(reason.trim(), 400)));
    }
}
