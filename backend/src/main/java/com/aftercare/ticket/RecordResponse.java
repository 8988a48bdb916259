package com.aftercare.ticket;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The SLA "response": the engineer accepted, or the desk answered. Only the first response counts. */
@Service
public class RecordResponse {

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordResponse(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Returns the ticket, whose assignee the dispatch model hands the next steps to. */
    @Transactional
    public Ticket record(Long ticketId) {
        Ticket t = load.byId(ticketId);
        Instant now = clock.instant();
        if (t.getRespondedAt() == null) {
            t.markResponded(now);
            recordMilestone.record(ticketId, MilestoneKind.RESPONDED, CurrentUser.username());
            boolean late = t.getResponseDue() != null && now.isAfter(t.getResponseDue());
            timeline.record(ticketId, new CaseEvent.Responded(late ? t.getResponseDue() : null));
        }
        return t;
    }
}
