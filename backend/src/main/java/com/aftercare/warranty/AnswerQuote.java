package com.aftercare.warranty;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.field.CustomerSteps;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The customer (or the desk for them) approves or refuses the parts and cost of the work (WA-1, FW-5): completes the
 * case's "approveQuote" step. Approved, the work goes on; refused, the case goes back to the desk (assignEngineer).
 */
@Service
public class AnswerQuote {

    static final String TASK = "approveQuote";

    private final FindTicket tickets;
    private final CustomerSteps steps;

    AnswerQuote(FindTicket tickets, CustomerSteps steps) {
        this.tickets = tickets;
        this.steps = steps;
    }

    @Schema(name = "QuoteAnswerRequest")
    public record Answer(Boolean approved, String reason) {
    }

    /** 404 for a ticket the caller may not see, 400 naming the field, 409 when nothing waits for an answer. */
    @Transactional
    public void answer(long ticketId, Answer command) {
        Ticket ticket = tickets.getVisible(ticketId);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("quoteApproved", approved(command));
        values.put("quoteReason", reason(command));
        steps.complete(ticket.getNumber(), TASK, values, CurrentUser.username(), CurrentUser.roles(), true);
    }

    static boolean approved(Answer command) {
        if (command == null || command.approved() == null) {
            throw new BadRequestException("approved", "true or false");
        }
        return command.approved();
    }

    static String reason(Answer command) {
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        if (!command.approved() && reason == null) {
            throw new BadRequestException("reason", "say why it is refused");
        }
        if (reason != null && reason.length() > 2000) {
            throw new BadRequestException("reason", "at most 2000 characters");
        }
        return reason;
    }
}
