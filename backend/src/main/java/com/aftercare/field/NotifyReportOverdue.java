package com.aftercare.field;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ContractLanguage;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * The diagnosis report's time passed (dispatch.bpmn "reportDeadline", FW-3): the engineer who owes it and the
 * desk are told in the app, and the timeline says so. The report step stays open: a reminder, not an interruption.
 */
@Service
public class NotifyReportOverdue {

    private final FindTicket tickets;
    private final ContractBook contracts;
    private final NotificationService notifications;
    private final CaseTimeline timeline;
    private final Clock clock;

    NotifyReportOverdue(FindTicket tickets, ContractBook contracts, NotificationService notifications, CaseTimeline timeline,
            Clock clock) {
        this.tickets = tickets;
        this.contracts = contracts;
        this.notifications = notifications;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void notify(long ticketId, String engineer, Duration due) {
        Ticket ticket = tickets.get(ticketId);
        Optional<ServiceContract> contract = contracts.contract(ticket.getContractId());
        var language = contract.map(ServiceContract::getLanguage).orElse(ContractLanguage.DEFAULT).locale();
        var zone = contract.map(ServiceContract::zoneId).orElse(clock.getZone());
        CaseEvent.ReportOverdue event = new CaseEvent.ReportOverdue(engineer, due);
        if (engineer != null && !engineer.isBlank()) {
            notifications.send(new CaseEventMessage(ticketId, event, language, zone,
                    List.of(new Recipient(engineer, engineer, null, null)), null));
        }
        notifications.notifyRole(Role.SERVICE_DESK, ticketId, event, language, zone);
        timeline.record(ticketId, event);
    }
}
