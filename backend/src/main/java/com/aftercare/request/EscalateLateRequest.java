package com.aftercare.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.notify.Recipient;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.MarkEscalated;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A request model's timer on its step fired: the step is late (ADR 0037). A complaint goes to the contract's project
 * manager (seed 002: abnormal events are reported to the project manager; the supervisors stand in when the contract
 * names none); a late consultation or service request goes to the desk lead (or the supervisors). Whoever holds the
 * case is told too. The case is marked escalated and the timeline says who was told.
 */
@Service
public class EscalateLateRequest {

    private final FindTicket tickets;
    private final RequestNotices notices;
    private final MarkEscalated markEscalated;
    private final CaseTimeline timeline;

    EscalateLateRequest(FindTicket tickets, RequestNotices notices, MarkEscalated markEscalated, CaseTimeline timeline) {
        this.tickets = tickets;
        this.notices = notices;
        this.markEscalated = markEscalated;
        this.timeline = timeline;
    }

    /** Returns the user names told, in order. */
    @Transactional
    public List<String> escalate(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Map<String, Recipient> told = new LinkedHashMap<>();
        List<Recipient> above = ticket.getRequestType() == RequestType.COMPLAINT ? notices.projectManager(ticket)
                : notices.deskLead(ticket);
        above.forEach(r -> told.putIfAbsent(r.username(), r));
        notices.staff(ticket.getAssignee()).ifPresent(r -> told.putIfAbsent(r.username(), r));
        List<String> names = new ArrayList<>(told.keySet());
        CaseEvent event = new CaseEvent.RequestOverdue(ticket.getRequestType().name(),
                ticket.getServiceItem() == null ? null : ticket.getServiceItem().name(), ticket.getRequestDue(),
                String.join(", ", names));
        markEscalated.mark(ticketId);
        timeline.record(ticketId, event);
        notices.send(ticket, event, new ArrayList<>(told.values()));
        return names;
    }
}
