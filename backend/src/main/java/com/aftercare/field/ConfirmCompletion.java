package com.aftercare.field;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/**
 * The customer's tester confirms the completed work remotely in the portal (VC-2), instead of on the engineer's
 * phone: their name, whether it is confirmed, optionally a signature drawn on this ticket and a remark. Completes
 * the case's "confirmCompletion" step; not confirmed sends the case back to the work.
 */
@Service
public class ConfirmCompletion {

    static final String TASK = "confirmCompletion";

    private final FindTicket tickets;
    private final CustomerSteps steps;

    ConfirmCompletion(FindTicket tickets, CustomerSteps steps) {
        this.tickets = tickets;
        this.steps = steps;
    }

    public record CompletionConfirmation(String testerName, Boolean confirmed, Long signatureAttachmentId, String remark) {
    }

    /** 404 for a ticket the caller may not see, 400 naming the field, 409 when nothing waits for confirmation. */
    @Transactional
    public void confirm(long ticketId, CompletionConfirmation command) {
        Ticket ticket = tickets.getVisible(ticketId);
        if (command == null || command.testerName() == null || command.testerName().isBlank()) {
            throw new BadRequestException("testerName", "the name of the customer's tester");
        }
        if (command.testerName().strip().length() > 100) {
            throw new BadRequestException("testerName", "at most 100 characters");
        }
        if (command.confirmed() == null) {
            throw new BadRequestException("confirmed", "true or false");
        }
        if (command.remark() != null && command.remark().length() > 1000) {
            throw new BadRequestException("remark", "at most 1000 characters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("testerName", command.testerName().strip());
        values.put("confirmed", command.confirmed());
        values.put("signatureAttachmentId", command.signatureAttachmentId());
        values.put("remark", command.remark());
        // the signature is checked where every completion of the step is recorded (RecordFieldStep)
        steps.complete(ticket.getNumber(), TASK, values, CurrentUser.username(), CurrentUser.roles(), true);
    }
}
