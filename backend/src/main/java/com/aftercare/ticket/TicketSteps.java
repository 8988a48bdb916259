package com.aftercare.ticket;

import java.util.Date;

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

    /** applyLevelAndDeadlines: store the DMN level and give the timers their due dates. */
    @Bean
    JavaDelegate applyLevelDelegate(TicketService tickets) {
        return execution -> {
            Object level = execution.getVariable("level");
            if (!(level instanceof Number n)) {
                throw new IllegalStateException("The faultLevel decision gave no level");
            }
            Ticket t = tickets.applyLevel(ticketId(execution), n.intValue());
            execution.setVariable("responseDue", Date.from(t.getResponseDue()));
            execution.setVariable("resolutionDue", Date.from(t.getResolutionDue()));
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

    /** reopenCase: the customer says it is not fixed; tell the model whether the resolution deadline has passed. */
    @Bean
    JavaDelegate reopenCaseDelegate(TicketService tickets, java.time.Clock clock) {
        return execution -> {
            Long id = ticketId(execution);
            tickets.reopen(id);
            execution.setVariable("resolutionOverdue", tickets.get(id).resolutionOverdue(clock.instant()));
        };
    }

    @Bean
    JavaDelegate closeTicketDelegate(TicketService tickets) {
        return execution -> tickets.close(ticketId(execution));
    }
}
