package com.aftercare.field;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.Ticket;

/**
 * What the customer's side is asked for on a case now, for the case file: the recovery plan to review, or the
 * finished work to confirm; null when neither waits.
 */
@Service
public class ReadCustomerStep {

    private final FieldVisitRepository visits;
    private final CustomerSteps steps;

    ReadCustomerStep(FieldVisitRepository visits, CustomerSteps steps) {
        this.visits = visits;
        this.steps = steps;
    }

    /** kind PLAN_REVIEW with recoveryPlan, or COMPLETION_CONFIRMATION with workDone (the other one null). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record CustomerStep(String kind, String recoveryPlan, String workDone) {
    }

    @Transactional(readOnly = true)
    public CustomerStep of(Ticket ticket) {
        Set<String> open = steps.openTaskKeys(ticket.getNumber());
        boolean review = open.contains(ReviewPlan.TASK);
        boolean confirm = open.contains(ConfirmCompletion.TASK);
        if (!review && !confirm) {
            return null;
        }
        var visit = visits.findFirstByTicketIdOrderByVisitNoDesc(ticket.getId());
        return review
                ? new CustomerStep("PLAN_REVIEW", visit.map(FieldVisit::getRecoveryPlan).orElse(""), null)
                : new CustomerStep("COMPLETION_CONFIRMATION", null, visit.map(FieldVisit::getWorkDone).orElse(""));
    }
}
