package com.aftercare.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.identity.Role;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketService;

/** The service tasks of escalation.bpmn. */
@Configuration
class EscalationSteps {

    private static Long ticketId(DelegateExecution execution) {
        return ((Number) execution.getVariable("ticketId")).longValue();
    }

    private static String clockName(DelegateExecution execution) {
        return String.valueOf(execution.getVariable("clock"));
    }

    /** checkClock: a clock that was met by the time its timer fired needs no escalation. */
    @Bean
    JavaDelegate checkClockDelegate(TicketService tickets) {
        return execution -> execution.setVariable("clockMet", tickets.clockMet(ticketId(execution), clockName(execution)));
    }

    /** notifySupervisors: in-app message to every supervisor, and the ticket marked escalated. */
    @Bean
    JavaDelegate notifySupervisorsDelegate(TicketService tickets, NotificationService notifications) {
        return execution -> {
            Long id = ticketId(execution);
            String clock = clockName(execution);
            Ticket ticket = tickets.get(id);
            notifications.notifyRole(Role.SUPERVISOR, id, ticket.getNumber() + " (level " + ticket.getLevel() + ", "
                    + ticket.getSite().getName() + "): " + clock.toLowerCase() + " deadline missed - " + ticket.getTitle());
            tickets.markEscalated(id, clock);
        };
    }
}
