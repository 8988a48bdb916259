package com.aftercare.supervision;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.RecordRedispatch;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;
import com.aftercare.workflow.HandCaseToEngineer;

/**
 * A supervisor gives a case to another engineer (issue 15): its open engineer steps move to them through the
 * workflow port (or, still waiting for dispatch, it is dispatched to them); the move is a re-dispatch for the
 * clocks (IN-7), a timeline entry, and a notification to the new engineer.
 */
@Service
class ReassignCase {

    record Command(Long ticketId, String engineer, String reason) {
    }

    private final FindTicket tickets;
    private final EngineerService engineers;
    private final HandCaseToEngineer handOver;
    private final RecordRedispatch recordRedispatch;
    private final CaseTimeline timeline;
    private final TellEngineer tell;

    ReassignCase(FindTicket tickets, EngineerService engineers, HandCaseToEngineer handOver, RecordRedispatch recordRedispatch,
            CaseTimeline timeline, TellEngineer tell) {
        this.tickets = tickets;
        this.engineers = engineers;
        this.handOver = handOver;
        this.recordRedispatch = recordRedispatch;
        this.timeline = timeline;
        this.tell = tell;
    }

    @Transactional
    public void reassign(Command command) {
        if (!engineers.exists(command.engineer())) {
            throw new BadRequestException("engineer", "not an engineer who may be given work: " + command.engineer());
        }
        Ticket t = tickets.getVisible(command.ticketId());
        if (t.getStatus() == TicketStatus.CLOSED) {
            throw new CannotAct(CannotAct.Code.CLOSED, "Case " + t.getNumber() + " is closed");
        }
        String from = t.getAssignee();
        if (command.engineer().equals(from)) {
            throw new CannotAct(CannotAct.Code.SAME_ENGINEER, "Case " + t.getNumber() + " is already with " + from);
        }
        HandCaseToEngineer.Outcome outcome = handOver.handOver(t.getNumber(), command.engineer(), CurrentUser.username(),
                CurrentUser.roles());
        if (outcome == HandCaseToEngineer.Outcome.NOTHING_OPEN) {
            throw new CannotAct(CannotAct.Code.NO_ENGINEER_STEP, "Case " + t.getNumber() + " has no step an engineer could take over");
        }
        if (outcome == HandCaseToEngineer.Outcome.MOVED) {
            recordRedispatch.record(t.getId(), command.engineer());
        }
        CaseEvent.Reassigned event = new CaseEvent.Reassigned(from, command.engineer(), command.reason());
        timeline.record(t.getId(), event);
        tell.tell(t, command.engineer(), event);
    }

}
