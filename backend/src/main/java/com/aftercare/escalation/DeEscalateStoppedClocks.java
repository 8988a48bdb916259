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
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A clock that stopped while escalated is over: the people its current rung told hear that it stopped,
 * met or missed and by how much, and the clock's escalation is recorded as ended.
 */
@Service
public class DeEscalateStoppedClocks {

    private final FindTicket tickets;
    private final PolicyCatalog policyCatalog;
    private final ContractBook contractBook;
    private final ClockEvaluation clockEvaluation;
    private final ClockLogBook clockLogBook;
    private final NotificationService notifications;
    private final EscalationRecipients recipients;
    private final CaseTimeline timeline;
    private final Clock clock;

    DeEscalateStoppedClocks(FindTicket tickets, PolicyCatalog policyCatalog, ContractBook contractBook, ClockEvaluation clockEvaluation, ClockLogBook clockLogBook, NotificationService notifications,
            EscalationRecipients recipients, CaseTimeline timeline, Clock clock) {
        this.tickets = tickets;
        this.policyCatalog = policyCatalog;
        this.contractBook = contractBook;
        this.clockEvaluation = clockEvaluation;
        this.clockLogBook = clockLogBook;
        this.notifications = notifications;
        this.recipients = recipients;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void deEscalate(long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        PolicyDefinition policy = policyCatalog.definition(ticket.getPolicyId());
        Optional<ServiceContract> contract = contractBook.contract(ticket.getContractId());
        for (ClockStatus status : clockEvaluation.clocks(tickets.clockTicket(ticket))) {
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
            clockLogBook.recordDeEscalation(ticketId, status, EscalateDueClocks.usernames(to));
            timeline.record(ticketId, event);
        }
    }
}
