package com.aftercare.request;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.FindTicket;
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
    private final Clock clock;

    StartRequestClock(FindTicket tickets, RequestDeadlines deadlines, SetRequestDue setRequestDue, CaseTimeline timeline,
            Clock clock) {
        this.tickets = tickets;
        this.deadlines = deadlines;
        this.setRequestDue = setRequestDue;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Instant start(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Instant due = deadlines.due(ticket, clock.instant());
        setRequestDue.set(ticketId, due);
        timeline.record(ticketId, new CaseEvent.RequestClockStarted(ticket.getRequestType().name(),
                ticket.getServiceItem() == null ? null : ticket.getServiceItem().name(), due));
        return due;
    }
}
