package com.aftercare.warranty;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.field.CustomerSteps;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/** The customer (or the desk for them) approves or refuses the proposed replacement (RR-6): "approveReplacement". */
@Service
public class AnswerReplacement {

    static final String TASK = "approveReplacement";

    private final FindTicket tickets;
    private final CustomerSteps steps;

    AnswerReplacement(FindTicket tickets, CustomerSteps steps) {
        this.tickets = tickets;
        this.steps = steps;
    }

    /** 404 for a ticket the caller may not see, 400 naming the field, 409 when no replacement waits for an answer. */
    @Transactional
    public void answer(long ticketId, AnswerQuote.Answer command) {
        Ticket ticket = tickets.getVisible(ticketId);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("replacementApproved", AnswerQuote.approved(command));
        values.put("replacementReason", AnswerQuote.reason(command));
        steps.complete(ticket.getNumber(), TASK, values, CurrentUser.username(), CurrentUser.roles(), true);
    }
}
