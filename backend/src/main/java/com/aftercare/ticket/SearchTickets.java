package com.aftercare.ticket;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;

/** Lists of tickets: the filtered list, the open ones for the supervisor board, the open ones on a policy. */
@Service
public class SearchTickets {

    private final TicketRepository tickets;
    private final Clock clock;

    SearchTickets(TicketRepository tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Tickets by filter; a customer's user finds only their own unit's. */
    @Transactional(readOnly = true)
    public Page<Ticket> search(TicketStatus status, Long siteId, String assignee, boolean overdue, Pageable page) {
        return search(status, siteId, assignee, null, overdue, page);
    }

    /** Tickets by filter, also by request type (null: every type); a customer's user finds only their own unit's. */
    @Transactional(readOnly = true)
    public Page<Ticket> search(TicketStatus status, Long siteId, String assignee, RequestType requestType, boolean overdue,
            Pageable page) {
        return tickets.search(CurrentUser.scopeCustomerId(), status, siteId, assignee, requestType, overdue, clock.instant(),
                page);
    }

    /** These tickets with their site and device, in no particular order (a board page: one query). */
    @Transactional(readOnly = true)
    public List<Ticket> withSite(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : tickets.findWithSiteAndDeviceByIdIn(ids);
    }

    /** Every open ticket with its site, for the supervisor board. */
    @Transactional(readOnly = true)
    public List<Ticket> openTickets() {
        return tickets.findOpenWithSite();
    }

    @Transactional(readOnly = true)
    public List<Long> openTicketsOnPolicy(Collection<Long> policyIds) {
        return tickets.findOpenIdsByPolicyIdIn(policyIds);
    }
}
