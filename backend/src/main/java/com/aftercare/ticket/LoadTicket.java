package com.aftercare.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.aftercare.common.NotFoundException;

/** Loads the ticket a use case works on: 404 when it does not exist, 409 when it does not allow the action now. */
@Component
class LoadTicket {

    private final TicketRepository tickets;
    private final TicketActions actions;
    @PersistenceContext
    private EntityManager entityManager;

    LoadTicket(TicketRepository tickets, TicketActions actions) {
        this.tickets = tickets;
        this.actions = actions;
    }

    Ticket byId(Long ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> notFound(ticketId));
    }

    /** With its site and device fetched: for lines that name the site, and for reads that render them. */
    Ticket withSite(Long ticketId) {
        Ticket managed = managed(ticketId);
        if (managed != null) {
            // already in this transaction (a fault report's steps read the ticket they just wrote, ADR 0053): the
            // query would return this same instance anyway, after flushing its pending update and reading the row
            Hibernate.initialize(managed.getSite());
            if (managed.getDevice() != null) {
                Hibernate.initialize(managed.getDevice());
            }
            return managed;
        }
        return tickets.findWithSiteAndDevice(ticketId).orElseThrow(() -> notFound(ticketId));
    }

    /** The ticket as this transaction's persistence context holds it, without a statement; null when not loaded. */
    private Ticket managed(Long ticketId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null; // no context outlives the call: nothing to find
        }
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        Object entity = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(ticketId,
                session.getFactory().getMappingMetamodel().getEntityDescriptor(Ticket.class)));
        return entity instanceof Ticket t ? t : null;
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
