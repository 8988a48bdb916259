package com.aftercare.caselink;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Removes the link between two cases, noted on both timelines. Unlinking twice is no error. A case closed as a
 * duplicate stays closed (reopen it through its own steps if it was not one; ADR 0040).
 */
@Service
public class UnlinkCases {

    private final TicketLinkRepository links;
    private final FindTicket findTicket;
    private final CaseTimeline timeline;

    UnlinkCases(TicketLinkRepository links, FindTicket findTicket, CaseTimeline timeline) {
        this.links = links;
        this.findTicket = findTicket;
        this.timeline = timeline;
    }

    /** true if a link was removed. */
    @Transactional
    public boolean unlink(Long ticketId, Long otherTicketId) {
        Ticket ticket = findTicket.getVisible(ticketId);
        var existing = links.findPair(Math.min(ticketId, otherTicketId), Math.max(ticketId, otherTicketId));
        if (existing.isEmpty()) {
            return false;
        }
        TicketLink l = existing.get();
        Ticket other = findTicket.get(otherTicketId);
        links.delete(l);
        links.flush();
        timeline.record(ticketId, new CaseEvent.CasesUnlinked(other.getNumber(), l.seenFrom(ticketId)));
        timeline.record(otherTicketId, new CaseEvent.CasesUnlinked(ticket.getNumber(), l.seenFrom(otherTicketId)));
        return true;
    }
}
