package com.aftercare.serviceform;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/**
 * Stand-in for {@link VisitRecords} until the field steps record visits: deleted at merge: field implements it.
 * Until then a ticket whose engineer filled the existing diagnose-and-fix form (symptom, cause, solution,
 * prevention) has one visit made of those fields; any other ticket has none.
 */
@Component
class TemporaryVisitRecords implements VisitRecords {

    private final FindTicket tickets;

    TemporaryVisitRecords(FindTicket tickets) {
        this.tickets = tickets;
    }

    @Override
    public List<VisitRecord> forTicket(long ticketId) {
        Ticket t = tickets.get(ticketId);
        if (Stream.of(t.getSymptom(), t.getCause(), t.getSolution(), t.getPrevention()).allMatch(s -> s == null || s.isBlank())) {
            return List.of();
        }
        return List.of(new VisitRecord(1, t.getAssignee(), null, null, null, null, null, false, null, t.getSymptom(),
                null, t.getCause(), null, null, t.getSolution(), null, t.getPrevention(), null, null, null, false, null,
                null, null, null));
    }
}
