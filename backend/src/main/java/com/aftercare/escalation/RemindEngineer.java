package com.aftercare.escalation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ServiceContract;
import com.aftercare.sla.ContractBook;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * The dispatch model's timer on "Accept assignment" fired: a job not yet accepted is a nudge to the
 * engineer it was given to, or to the desk when it was offered to everyone and nobody took it. In-app
 * only; the IN-6 clock escalates separately, this only reminds. The process owner tunes the timer.
 */
@Service
public class RemindEngineer {

    private final FindTicket tickets;
    private final ContractBook contractBook;
    private final NotificationService notifications;
    private final CaseTimeline timeline;
    private final Clock clock;

    RemindEngineer(FindTicket tickets, ContractBook contractBook, NotificationService notifications, CaseTimeline timeline,
            Clock clock) {
        this.tickets = tickets;
        this.contractBook = contractBook;
        this.notifications = notifications;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @param engineer who the job was given to; null or blank when it was offered to all engineers */
    @Transactional
    public void remind(long ticketId, String engineer) {
        Ticket ticket = tickets.get(ticketId);
        Optional<ServiceContract> contract = contractBook.contract(ticket.getContractId());
        boolean offeredToAll = engineer == null || engineer.isBlank();
        CaseEvent.Reminded event = new CaseEvent.Reminded(offeredToAll ? null : engineer);
        if (offeredToAll) {
            notifications.notifyRole(Role.SERVICE_DESK, ticketId, event, EscalationRecipients.language(contract),
                    EscalationRecipients.zone(contract, clock));
        } else {
            notifications.send(new CaseEventMessage(ticketId, event, EscalationRecipients.language(contract),
                    EscalationRecipients.zone(contract, clock), List.of(new Recipient(engineer, engineer, null, null)), null));
        }
        timeline.record(ticketId, event);
    }
}
