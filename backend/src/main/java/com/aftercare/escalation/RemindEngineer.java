package com.aftercare.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.aftercare.identity.Role;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.OutgoingMessage;
import com.aftercare.notify.Recipient;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * remindEngineer (dispatch model, timer on "Accept assignment"): a job not yet accepted is a nudge
 * to the engineer it was given to, or to the desk when it was offered to everyone and nobody took
 * it. The IN-6 clock escalates separately; this only reminds. The process owner tunes the timer.
 */
@Component("remindEngineerDelegate")
class RemindEngineer implements JavaDelegate {

    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final NotificationService notifications;

    RemindEngineer(FindTicket tickets, CaseTimeline timeline, NotificationService notifications) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable("ticketId") instanceof Number id)) {
            return;
        }
        Ticket ticket = tickets.get(id.longValue());
        Object engineer = execution.getVariable("engineer");
        if (engineer instanceof String username && !username.isBlank()) {
            String text = ticket.getNumber() + " is waiting for you to accept or decline it.";
            notifications.send(new OutgoingMessage(ticket.getId(), ticket.getNumber() + " not accepted yet", text,
                    java.util.List.of(new Recipient(username, username, null, null)), null));
            timeline.record(ticket.getId(), new CaseEvent.Reminded(username));
        } else {
            notifications.notifyRole(Role.SERVICE_DESK, ticket.getId(),
                    ticket.getNumber() + " was offered to all engineers and nobody has taken it yet.");
            timeline.record(ticket.getId(), new CaseEvent.Reminded(null));
        }
    }
}
