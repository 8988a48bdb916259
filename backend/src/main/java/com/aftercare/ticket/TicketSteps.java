package com.aftercare.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the ticket models (fault-intake.bpmn, dispatch.bpmn). Each is a thin adapter:
 * read the ticket id from the process, call TicketService, hand small results back as variables.
 */
@Configuration
class TicketSteps {

    static Long ticketId(DelegateExecution execution) {
        Object id = execution.getVariable("ticketId");
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " has no ticketId");
        }
        return n.longValue();
    }

    /** applyLevelAndDeadlines: store the level the contract's decision table chose; the clocks follow from it. */
    @Bean
    JavaDelegate applyLevelDelegate(TicketService tickets) {
        return execution -> {
            Object level = execution.getVariable("level");
            tickets.applyLevel(ticketId(execution), level == null ? null : level.toString());
        };
    }

    /** recordDecline: the engineer cannot take the job; the desk now owes a re-dispatch (IN-7). */
    @Bean
    JavaDelegate recordDeclineDelegate(TicketService tickets) {
        return execution -> {
            Object engineer = execution.getVariable("engineer");
            Object reason = execution.getVariable("declineReason");
            tickets.declined(ticketId(execution), engineer == null ? null : engineer.toString(),
                    reason == null ? null : reason.toString());
        };
    }

    /** recordDeskResolution: a consultation answered at first line is both responded to and resolved. */
    @Bean
    JavaDelegate recordDeskResolutionDelegate(TicketService tickets) {
        return execution -> {
            Long id = ticketId(execution);
            tickets.markResponded(id);
            tickets.markResolved(id, "Solved at the desk");
        };
    }

    /**
     * recordResponse: the engineer accepted; work is ready to start (SLA "response"). A job offered
     * to all engineers now belongs to the one who took it, so the next steps go to them.
     */
    @Bean
    JavaDelegate recordResponseDelegate(TicketService tickets) {
        return execution -> {
            Long id = ticketId(execution);
            tickets.markResponded(id);
            String engineer = tickets.get(id).getAssignee();
            if (engineer != null) {
                execution.setVariable("engineer", engineer);
            }
        };
    }

    /** recordResolution: the device probe passed after the fix. */
    @Bean
    JavaDelegate recordResolutionDelegate(TicketService tickets) {
        return execution -> tickets.markResolved(ticketId(execution), "Fixed and verified on the device");
    }

    /** reopenCase: the customer says it is not fixed; the resolution clock resumes (and escalates at once if overdue). */
    @Bean
    JavaDelegate reopenCaseDelegate(TicketService tickets) {
        return execution -> {
            tickets.reopen(ticketId(execution));
            // cases started on fault-intake version 1 still route on this variable; the escalation process decides now
            execution.setVariable("resolutionOverdue", false);
        };
    }

    @Bean
    JavaDelegate closeTicketDelegate(TicketService tickets) {
        return execution -> tickets.close(ticketId(execution));
    }
}
