package com.aftercare.request;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.ClockName;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.SetRequestDue;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A request model's step "start the clock" (consultation, complaint, service request; ADR 0037): computes when the
 * type's step is due from now, keeps it on the case and the timeline, and answers it for the model's timer. A
 * complaint the complainant did not accept starts a fresh reply clock the same way.
 */
@Service
public class StartRequestClock {

    private final FindTicket tickets;
    private final RequestDeadlines deadlines;
    private final SetRequestDue setRequestDue;
    private final CaseTimeline timeline;
    private final RecordMilestone milestones;
    private final Clock clock;

    StartRequestClock(FindTicket tickets, RequestDeadlines deadlines, SetRequestDue setRequestDue, CaseTimeline timeline,
            RecordMilestone milestones, Clock clock) {
        this.tickets = tickets;
        this.deadlines = deadlines;
        this.setRequestDue = setRequestDue;
        this.timeline = timeline;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** The clock the board and the case's clock ladder show for this type (ADR 0041). */
    static ClockName clockOf(RequestType type) {
        return switch (type) {
            case CONSULTATION -> ClockName.CONSULTATION_ANSWER;
            case COMPLAINT -> ClockName.COMPLAINT_REPLY;
            case SERVICE_REQUEST -> ClockName.SERVICE_FULFILMENT;
            case FAULT -> throw new IllegalStateException("A fault runs the policy's clocks, not a request clock");
        };
    }

    @Transactional
    public Instant start(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Instant now = clock.instant();
        Instant due = deadlines.due(ticket, now);
        setRequestDue.set(ticketId, due);
        // the same deadline as a milestone, so the clock engine replays it like every other clock (board, ladder)
        milestones.recordWithDeadline(ticketId, MilestoneKind.REQUEST_CLOCK_STARTED, now, due,
                clockOf(ticket.getRequestType()).name());
        timeline.record(ticketId, new CaseEvent.RequestClockStarted(ticket.getRequestType().name(),
                ticket.getServiceItem() == null ? null : ticket.getServiceItem().name(), due));
        return due;
    }
}
