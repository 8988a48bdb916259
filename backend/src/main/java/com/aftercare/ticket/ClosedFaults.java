package com.aftercare.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fault cases (request type FAULT, not consultations, complaints or service requests) closed in a period, for
 * the satisfaction sample of CB-1. A case reopened after the period's end is left out: it is not closed any more.
 */
@Service
public class ClosedFaults {

    public record ClosedFault(Long ticketId, String number, Long customerId, Instant closedAt) {
    }

    private final TicketRepository tickets;

    ClosedFaults(TicketRepository tickets) {
        this.tickets = tickets;
    }

    @Transactional(readOnly = true)
    public List<ClosedFault> between(Instant from, Instant to) {
        return tickets.findFaultsClosedBetween(from, to);
    }
}
