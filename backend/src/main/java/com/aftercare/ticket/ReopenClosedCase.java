package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Takes a closed fault case up again because its requester wrote back soon after closing (issue 15, ADR 0043): the case
 * goes back to the desk's first line, its resolution clock resumes from where the fix stopped it (the closed span is
 * not counted), and the timeline says who reopened it and how. Only a fault case reopens: the other request types'
 * models have no way back (ADR 0037), so the caller opens a new linked case for them.
 */
@Service
public class ReopenClosedCase {

    /** Who wrote back and what, as the timeline shows it. */
    public record Command(Long ticketId, String requester, String subject) {
    }

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final CaseProcess process;
    private final Clock clock;

    ReopenClosedCase(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline, CaseProcess process, Clock clock) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.process = process;
        this.clock = clock;
    }

    /** Whether a case of this kind can be reopened once closed. */
    public static boolean reopens(Ticket t) {
        return t.getStatus() == TicketStatus.CLOSED && (t.getRequestType() == null || t.getRequestType() == RequestType.FAULT);
    }

    @Transactional
    public void reopen(Command command) {
        Ticket t = load.byId(command.ticketId());
        if (!reopens(t)) {
            throw new IllegalStateException("case " + t.getNumber() + " is not a closed fault case");
        }
        t.reopenClosed();
        t.touch(clock.instant());
        timeline.record(t.getId(), new CaseEvent.ReopenedByMail(command.requester(), command.subject()));
        recordMilestone.record(t.getId(), MilestoneKind.REOPENED, "requester wrote back after closing");
        process.reopenFaultCase(t.getId(), t.getNumber(), t.getCategory() == null ? Category.DEFECT : t.getCategory());
    }
}
