package com.aftercare.caseitem;

import java.util.Map;

import com.aftercare.common.ConflictException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/** What naming an item on a case and taking it back both check. */
final class CaseItemRules {

    private CaseItemRules() {
    }

    /** The case, if the caller works cases, may see it, and it is still open (a closed case's record is final). */
    static Ticket workableCase(FindTicket tickets, long ticketId) {
        if (CurrentUser.isCustomer() || CurrentUser.roles().stream().noneMatch(LinkItemToCase.CASE_WORKERS::contains)) {
            throw new ForbiddenException("Only the service desk, engineers and supervisors name a case's configuration items");
        }
        Ticket ticket = tickets.getVisible(ticketId);
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw ConflictException.of("caseClosed", Map.of("number", ticket.getNumber()));
        }
        return ticket;
    }

    static ConflictException alreadyNamed(Ticket ticket, String itemNumber) {
        return ConflictException.of("configItemOnCase", Map.of("number", ticket.getNumber(), "item", itemNumber));
    }
}
