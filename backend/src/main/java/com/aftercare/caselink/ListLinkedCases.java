package com.aftercare.caselink;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

/**
 * The cases linked to one case, oldest link first. A customer's user reads them on their own case's page (ADR 0042):
 * their unit's cases only; a link to another unit's case (none can be made, LinkCases refuses it, but data moved
 * between customers could hold one) is left out, as that case is "not found" for them.
 */
@Service
public class ListLinkedCases {

    private final TicketLinkRepository links;
    private final FindTicket findTicket;

    ListLinkedCases(TicketLinkRepository links, FindTicket findTicket) {
        this.links = links;
        this.findTicket = findTicket;
    }

    @Transactional(readOnly = true)
    public List<LinkedCase> of(Long ticketId) {
        findTicket.getVisible(ticketId);
        Long scope = CurrentUser.scopeCustomerId();
        return links.findOf(ticketId).stream()
                .map(l -> LinkCases.view(l, ticketId, findTicket.get(l.other(ticketId))))
                .filter(linked -> scope == null || scope.equals(customerOf(linked.ticketId())))
                .toList();
    }

    private Long customerOf(Long ticketId) {
        return findTicket.get(ticketId).getSite().getCustomer().getId();
    }
}
