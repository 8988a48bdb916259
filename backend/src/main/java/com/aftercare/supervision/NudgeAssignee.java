package com.aftercare.supervision;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** 催办 (issue 15): a supervisor nudges the case's engineer: a notification to them and a line on the timeline. */
@Service
class NudgeAssignee {

    record Command(Long ticketId, String note) {
    }

    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final TellEngineer tell;

    NudgeAssignee(FindTicket tickets, CaseTimeline timeline, TellEngineer tell) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.tell = tell;
    }

    @Transactional
    public void nudge(Command command) {
        Ticket t = tickets.getVisible(command.ticketId());
        if (t.getStatus() == TicketStatus.CLOSED) {
            throw new CannotAct(CannotAct.Code.CLOSED, "Case " + t.getNumber() + " is closed");
        }
        if (t.getAssignee() == null) {
            throw new CannotAct(CannotAct.Code.NO_ASSIGNEE, "Case " + t.getNumber() + " has no engineer to nudge; reassign it instead");
        }
        CaseEvent.Nudged event = new CaseEvent.Nudged(t.getAssignee(), command.note());
        timeline.record(t.getId(), event);
        tell.tell(t, t.getAssignee(), event);
    }
}
