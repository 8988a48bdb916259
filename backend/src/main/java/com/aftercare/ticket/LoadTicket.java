package com.aftercare.ticket;

import org.springframework.stereotype.Component;

import com.aftercare.common.NotFoundException;

/** Loads the ticket a use case works on: 404 when it does not exist, 409 when it does not allow the action now. */
@Component
class LoadTicket {

    private final TicketRepository tickets;
    private final TicketActions actions;

    LoadTicket(TicketRepository tickets, TicketActions actions) {
        this.tickets = tickets;
        this.actions = actions;
    }

    Ticket byId(Long ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> notFound(ticketId));
    }

    /** With its site and device fetched: for lines that name the site, and for reads that render them. */
    Ticket withSite(Long ticketId) {
        return tickets.findWithSiteAndDevice(ticketId).orElseThrow(() -> notFound(ticketId));
    }

    /** The ticket, if it allows this action now (409 otherwise): the same rule the case file lists actions by. */
    Ticket forAction(TicketAction action, Long ticketId) {
        Ticket t = withSite(ticketId);
        actions.requireState(action, t);
        return t;
    }

    static NotFoundException notFound(Long ticketId) {
        return new NotFoundException("No ticket " + ticketId);
    }
}
