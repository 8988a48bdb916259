package com.aftercare.escalation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.ServiceContract;
import com.aftercare.sla.SlaService;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketService;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A clock that stopped while escalated is over: the people its current rung told hear that it stopped,
 * met or missed and by how much, and the clock's escalation is recorded as ended.
 */
@Service
public class DeEscalateStoppedClocks {

    private final TicketService tickets;
    private final SlaService sla;
    private final NotificationService notifications;
    private final EscalationRecipients recipients;
    private final CaseTimeline timeline;
    private final Clock clock;

    DeEscalateStoppedClocks(TicketService tickets, SlaService sla, NotificationService notifications,
            EscalationRecipients recipients, CaseTimeline timeline, Clock clock) {
        this.tickets = tickets;
        this.sla = sla;
        this.notifications = notifications;
        this.recipients = recipients;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void deEscalate(long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        PolicyDefinition policy = sla.definition(ticket.getPolicyId());
        Optional<ServiceContract> contract = sla.contract(ticket.getContractId());
        for (ClockStatus status : sla.clocks(tickets.clockTicket(ticket))) {
            if (!status.state().isStopped() || status.escalationLevel() == 0) {
                continue;
            }
            PolicyDefinition.EscalationStep step = policy.escalation()
                    .get(Math.min(status.escalationLevel(), policy.escalation().size()) - 1);
            CaseEvent.DeEscalated event = new CaseEvent.DeEscalated(ticket.getNumber(), status.clock(), status.state().name(),
                    status.margin(), ticket.getTitle());
            List<Recipient> to = recipients.resolve(step.recipients(), ticket, contract);
            notifications.send(new CaseEventMessage(ticketId, event, EscalationRecipients.language(contract),
                    EscalationRecipients.zone(contract, clock), to, EscalationRecipients.channels(contract)));
            // who was told it is over, by user name (the rung it ended on is the log's previous ESCALATED row)
            sla.recordDeEscalation(ticketId, status, EscalateDueClocks.usernames(to));
            timeline.record(ticketId, event);
        }
    }
}
