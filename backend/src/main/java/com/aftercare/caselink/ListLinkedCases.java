package com.aftercare.caselink;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.FindTicket;

/** The cases linked to one case, oldest link first. */
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
        return links.findOf(ticketId).stream()
                .map(l -> LinkCases.view(l, ticketId, findTicket.get(l.other(ticketId))))
                .toList();
    }
}
