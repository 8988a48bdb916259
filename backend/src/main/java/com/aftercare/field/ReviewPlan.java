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
 * The customer (or the desk for them) reviews the recovery plan (FW-4): approved, the work starts; not approved,
 * the plan goes back to the engineer with the reason. Completes the case's "reviewPlan" step.
 */
@Service
public class ReviewPlan {

    static final String TASK = "reviewPlan";

    private final FindTicket tickets;
    private final CustomerSteps steps;

    ReviewPlan(FindTicket tickets, CustomerSteps steps) {
        this.tickets = tickets;
        this.steps = steps;
    }

    public record PlanReview(Boolean approved, String reason) {
    }

    /** 404 for a ticket the caller may not see, 400 naming the field, 409 when no plan waits for review. */
    @Transactional
    public void review(long ticketId, PlanReview command) {
        Ticket ticket = tickets.getVisible(ticketId);
        if (command == null || command.approved() == null) {
            throw new BadRequestException("approved", "true or false");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        if (!command.approved() && reason == null) {
            throw new BadRequestException("reason", "say why the plan is sent back");
        }
        if (reason != null && reason.length() > 2000) {
            throw new BadRequestException("reason", "at most 2000 characters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("planApproved", command.approved());
        values.put("planReviewReason", reason);
        steps.complete(ticket.getNumber(), TASK, values, CurrentUser.username(), CurrentUser.roles(), true);
    }
}
