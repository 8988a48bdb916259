package com.aftercare.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ClockTicket;
import com.aftercare.sla.RecipientRole;
import com.aftercare.sla.ServiceContract;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.Rung;
import com.aftercare.sla.DueEscalation;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A rung timer of the escalation model fired: for each clock with rungs due, one message to everyone those
 * rungs name (each person once), each rung recorded, and one timeline line. A run that comes late (downtime,
 * backlog) owes every rung crossed since the last one recorded, not only the highest, and says how late it is.
 */
@Service
public class EscalateDueClocks {

    private final FindTicket tickets;
    private final ContractBook contractBook;
    private final ClockEvaluation clockEvaluation;
    private final ClockLogBook clockLogBook;
    private final NotificationService notifications;
    private final EscalationRecipients recipients;
    private final CaseTimeline timeline;
    private final Clock clock;

    EscalateDueClocks(FindTicket tickets, ContractBook contractBook, ClockEvaluation clockEvaluation, ClockLogBook clockLogBook, NotificationService notifications,
            EscalationRecipients recipients, CaseTimeline timeline, Clock clock) {
        this.tickets = tickets;
        this.contractBook = contractBook;
        this.clockEvaluation = clockEvaluation;
        this.clockLogBook = clockLogBook;
        this.notifications = notifications;
        this.recipients = recipients;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void escalate(long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        ClockTicket clockTicket = tickets.clockTicket(ticket);
        Optional<ServiceContract> contract = contractBook.contract(ticket.getContractId());
        Instant now = clock.instant();
        for (DueEscalation due : clockEvaluation.dueEscalations(clockTicket)) {
            List<RecipientRole> roles = due.rungs().stream().flatMap(r -> r.step().recipients().stream()).distinct().toList();
            CaseEvent.Escalated event = escalated(ticket, due, LateEscalation.lateBy(due.owedSince(), now).orElse(null));
            notifications.send(new CaseEventMessage(ticketId, event, EscalationRecipients.language(contract),
                    EscalationRecipients.zone(contract, clock), recipients.resolve(roles, ticket, contract),
                    EscalationRecipients.channels(contract)));
            for (Rung rung : due.rungs()) {
                // who this rung told, by user name: the SLA panel shows it to readers of either language as is;
                // how late each rung was is occurredAt - dueAt of the same log row
                clockLogBook.recordEscalation(ticketId, due.clock(), rung, usernames(recipients.resolve(rung.step().recipients(), ticket, contract)));
            }
            timeline.record(ticketId, event);
        }
    }

    private static CaseEvent.Escalated escalated(Ticket ticket, DueEscalation due, Duration lateBy) {
        ClockStatus status = due.status();
        return new CaseEvent.Escalated(ticket.getNumber(), ticket.getLevel(), due.clock(),
                due.rungs().stream().map(Rung::level).toList(), due.repeat(),
                status.dueAt() == null ? null : status.remaining(), lateBy, ticket.getSite().getName(), ticket.getAssignee(),
                ticket.getTitle());
    }

    static String usernames(List<Recipient> to) {
        return String.join(", ", to.stream().map(Recipient::username).toList());
    }
}
