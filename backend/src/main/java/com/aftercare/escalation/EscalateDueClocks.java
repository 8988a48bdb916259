package com.aftercare.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.AfterCommit;
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

    /** Prometheus: {@code aftercare_escalations_fired_total{clock,rung}}, one per rung sent. */
    static final String FIRED = "aftercare.escalations.fired";
    /** Prometheus: {@code aftercare_escalations_lateness_seconds{clock}}: sent at minus the rung's due time. */
    static final String LATENESS = "aftercare.escalations.lateness";
    private static final Logger log = LoggerFactory.getLogger(EscalateDueClocks.class);

    private final FindTicket tickets;
    private final ContractBook contractBook;
    private final ClockEvaluation clockEvaluation;
    private final ClockLogBook clockLogBook;
    private final NotificationService notifications;
    private final EscalationRecipients recipients;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final MeterRegistry meters;

    EscalateDueClocks(FindTicket tickets, ContractBook contractBook, ClockEvaluation clockEvaluation, ClockLogBook clockLogBook, NotificationService notifications,
            EscalationRecipients recipients, CaseTimeline timeline, Clock clock, MeterRegistry meters) {
        this.meters = meters;
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
            // the case number comes from the engine's logging context (MDC "case", README "Logs")
            log.info("Escalated clock {} rung(s) {}{}", due.clock(), due.rungs().stream().map(Rung::level).toList(),
                    event.lateBy() == null ? "" : ", late by " + event.lateBy());
            count(due, now);
        }
    }

    /** Each rung sent and how late it went out (README "Metrics"): the figures the timer accuracy promise is read from. */
    private void count(DueEscalation due, Instant sentAt) {
        for (Rung rung : due.rungs()) {
            String clockName = due.clock().name();
            String level = String.valueOf(rung.level());
            Duration late = rung.dueAt() == null || rung.dueAt().isAfter(sentAt) ? Duration.ZERO : Duration.between(rung.dueAt(), sentAt);
            AfterCommit.run(() -> {
                meters.counter(FIRED, "clock", clockName, "rung", level).increment();
                Timer.builder(LATENESS).description("How long after its due time an escalation rung was sent")
                        .tag("clock", clockName).publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(1))
                        .register(meters).record(late);
            });
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
