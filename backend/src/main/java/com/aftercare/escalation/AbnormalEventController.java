package com.aftercare.escalation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.OutgoingMessage;
import com.aftercare.notify.Recipient;
import com.aftercare.sla.RecipientRole;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketAction;
import com.aftercare.ticket.TicketActions;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.ReportAbnormalEvent;
import com.aftercare.ticket.TakeUpAbnormalEvent;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseEventTexts;

/**
 * IN-8: an engineer reports an abnormal event. The project manager hears of it at once (and, for a
 * technical problem, the senior engineer too); the PM_REPORT clock then runs until the project manager
 * takes it up, and escalates like any clock if nobody does.
 */
@RestController
class AbnormalEventController {

    private final FindTicket tickets;
    private final ReportAbnormalEvent reportAbnormalEvent;
    private final TakeUpAbnormalEvent takeUpAbnormalEvent;
    private final ContractBook contractBook;
    private final NotificationService notifications;
    private final EscalationRecipients recipients;
    private final TicketActions actions;
    private final Labels labels;
    private final CaseEventTexts texts;
    private final Clock clock;

    AbnormalEventController(FindTicket tickets, ReportAbnormalEvent reportAbnormalEvent,
            TakeUpAbnormalEvent takeUpAbnormalEvent, ContractBook contractBook, NotificationService notifications,
            EscalationRecipients recipients, TicketActions actions, Labels labels, CaseEventTexts texts,
            Clock clock) {
        this.labels = labels;
        this.texts = texts;
        this.clock = clock;
        this.tickets = tickets;
        this.reportAbnormalEvent = reportAbnormalEvent;
        this.takeUpAbnormalEvent = takeUpAbnormalEvent;
        this.contractBook = contractBook;
        this.notifications = notifications;
        this.recipients = recipients;
        this.actions = actions;
    }

    record AbnormalEventRequest(String description, Boolean technical) {
    }

    @PostMapping("/api/tickets/{id}/abnormal-events")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void report(@PathVariable Long id, @RequestBody AbnormalEventRequest body) {
        actions.requireRole(TicketAction.REPORT_ABNORMAL_EVENT);
        Ticket ticket = tickets.get(id);
        actions.requireActor(TicketAction.REPORT_ABNORMAL_EVENT, ticket);
        if (body == null) {
            throw new BadRequestException("body", "a JSON body is required");
        }
        boolean technical = Boolean.TRUE.equals(body.technical());
        reportAbnormalEvent.report(new ReportAbnormalEvent.Command(id, body.description(), technical));
        List<RecipientRole> roles = technical ? List.of(RecipientRole.PROJECT_MANAGER, RecipientRole.SENIOR_ENGINEER)
                : List.of(RecipientRole.PROJECT_MANAGER);
        Optional<ServiceContract> contract = contractBook.contract(ticket.getContractId());
        List<Recipient> to = recipients.resolve(roles, ticket, contract);
        // written in the contract's language: the project manager reads it in WeCom/DingTalk/e-mail, not in our UI
        Locale language = EscalationRecipients.language(contract);
        String line = texts.line(new CaseEvent.AbnormalEventReported(body.description().trim(), technical), language,
                EscalationRecipients.zone(contract, clock));
        String subject = labels.text(language, "caseEvent.abnormalSubject", Map.of("number", ticket.getNumber()));
        String text = labels.text(language, "caseEvent.abnormalMessage", Map.of("number", ticket.getNumber(),
                "site", ticket.getSite().getName(), "by", CurrentUser.username(), "line", line));
        notifications.send(new OutgoingMessage(id, subject, text, to, EscalationRecipients.channels(contract)));
    }

    /** The project manager (supervisor role) takes up the abnormal event; stops the PM_REPORT clock. */
    @PostMapping("/api/tickets/{id}/abnormal-events/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void acknowledge(@PathVariable Long id) {
        actions.requireRole(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT);
        actions.requireActor(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT, tickets.get(id));
        takeUpAbnormalEvent.takeUp(id);
    }
}
