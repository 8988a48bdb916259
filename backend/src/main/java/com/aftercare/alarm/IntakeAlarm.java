package com.aftercare.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.common.UnprocessableException;
import com.aftercare.labels.Labels;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Takes in one monitoring event (IN-1). A trigger opens a case unless the same alarm (source and dedup key) already
 * has an open one, which it is appended to ("告警再次触发", with the count); acknowledge and resolve are recorded on
 * that case; events for no open alarm are answered and kept, nothing more.
 * <p>
 * One case per alarm is the database's guarantee, not this class's: the alarm row is inserted before the case is
 * opened, and the unique (source, open key) constraint of V33 refuses a second one. A request that loses that race
 * (PostgreSQL: a duplicate-key error once the winner commits; H2: a lock timeout or duplicate key) is rolled back
 * whole and run again, and then finds the winner's alarm and appends to it.
 */
@Service
public class IntakeAlarm {

    private static final Logger log = LoggerFactory.getLogger(IntakeAlarm.class);
    /**
     * Enough for a burst of one alarm from many threads. PostgreSQL needs one retry at most (the loser of the insert
     * finds the committed winner, and row locks wait); H2 instead answers a lock wait on a row another transaction
     * changed with an error, so with n deliveries of one alarm at once a request may lose up to n rounds.
     */
    private static final int ATTEMPTS = 40;
    /** Refused by NewTicket's phone pattern otherwise; an alarm has no caller to call back. */
    private static final String NO_PHONE = "---";

    /** What intake did with an event; ticketNumber null when it was only kept (no open alarm). */
    public record Handled(String dedupKey, MonitoringEvent.Outcome outcome, Long ticketId, String ticketNumber) {
    }

    private final MonitoringAlarmRepository alarms;
    private final MonitoringEventRepository events;
    private final FindAlarmedDevice devices;
    private final ReportFault reportFault;
    private final CaseTimeline timeline;
    private final Labels labels;
    private final EntityManager em;
    private final AlarmSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    IntakeAlarm(MonitoringAlarmRepository alarms, MonitoringEventRepository events, FindAlarmedDevice devices,
            ReportFault reportFault, CaseTimeline timeline, Labels labels, EntityManager em, AlarmSettings settings,
            PlatformTransactionManager transactions, Clock clock) {
        this.alarms = alarms;
        this.events = events;
        this.devices = devices;
        this.reportFault = reportFault;
        this.timeline = timeline;
        this.labels = labels;
        this.em = em;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Handled intake(AlarmSender sender, AlarmEvent event) {
        for (int attempt = 1;; attempt++) {
            try {
                return tx.execute(status -> handle(sender, event));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Alarm {} of source {} raced another request (attempt {}); running it again", event.dedupKey(),
                        sender.sourceId(), attempt);
                pause(attempt);
            }
        }
    }

    private Handled handle(AlarmSender sender, AlarmEvent event) {
        Instant now = clock.instant();
        MonitoringAlarm alarm = alarms.findOpenForUpdate(sender.sourceId(), event.dedupKey()).orElse(null);
        if (alarm != null && caseClosed(alarm)) {
            // its case is over: this key starts afresh (the next trigger opens a new case)
            alarm.caseClosed();
            alarms.saveAndFlush(alarm);
            alarm = null;
        }
        if (alarm == null) {
            if (event.action() != EventAction.TRIGGER) {
                return kept(sender, null, event, MonitoringEvent.Outcome.IGNORED, now);
            }
            return open(sender, event, now);
        }
        boolean held = alarm.getFlappingNotedAt() != null;
        return switch (event.action()) {
            case TRIGGER -> {
                int count = alarm.triggeredAgain(event.severity() == null ? alarm.getSeverity() : event.severity(),
                        event.summary() == null ? alarm.getSummary() : JsonFields.cut(event.summary(), AlarmEvent.MAX_SUMMARY), now);
                if (!held) {
                    timeline.record(alarm.getTicketId(), new CaseEvent.AlarmRetriggered(sender.name(), alarm.getSummary(), count));
                }
                yield kept(sender, alarm, event, MonitoringEvent.Outcome.APPENDED, now);
            }
            case ACKNOWLEDGE -> {
                alarm.acknowledged(now);
                if (!held) {
                    timeline.record(alarm.getTicketId(), new CaseEvent.AlarmAcknowledged(sender.name()));
                }
                yield kept(sender, alarm, event, MonitoringEvent.Outcome.ACKNOWLEDGED, now);
            }
            case RESOLVE -> resolve(sender, alarm, event, held, now);
        };
    }

    private Handled resolve(AlarmSender sender, MonitoringAlarm alarm, AlarmEvent event, boolean held, Instant now) {
        Instant at = event.occurredAt() == null || event.occurredAt().isAfter(now) ? now : event.occurredAt();
        boolean pairCompleted = alarm.resolved(at);
        Handled handled = kept(sender, alarm, event,
                pairCompleted ? MonitoringEvent.Outcome.RESOLVED : MonitoringEvent.Outcome.REPEATED, now);
        if (pairCompleted && !held) {
            timeline.record(alarm.getTicketId(), new CaseEvent.AlarmResolved(sender.name(), at));
            events.flush();
            long pairs = alarms.pairsSince(alarm.getId(), now.minus(settings.flapWindow()));
            if (pairs >= settings.flapPairs()) {
                alarm.flappingNoted(now);
                timeline.record(alarm.getTicketId(), new CaseEvent.AlarmFlapping(sender.name(), pairs, settings.flapWindow()));
            }
        }
        return handled;
    }

    /** Claims the alarm (the insert the unique constraint guards), then opens its case. */
    private Handled open(AlarmSender sender, AlarmEvent event, Instant now) {
        Severity severity = event.severity() == null ? Severity.WARNING : event.severity();
        String summary = JsonFields.cut(event.summary() == null ? event.dedupKey() : event.summary(), AlarmEvent.MAX_SUMMARY);
        MonitoringAlarm alarm = alarms.saveAndFlush(new MonitoringAlarm(sender.sourceId(), event.dedupKey(), severity, summary, now));
        FindAlarmedDevice.Match match = devices.find(sender.customerId(), event.identifiers()).orElse(null);
        Device device = match == null ? null : match.device();
        Site site = device != null ? device.getSite()
                : devices.triageSite(sender.customerId(), sender.triageSiteId()).orElseThrow(() -> new UnprocessableException(
                        "source", "the source's customer has no site to open a case at; add a site first"));
        Customer customer = site.getCustomer();
        NewTicket report = new NewTicket(Channel.MONITORING, JsonFields.cut(sender.name(), 100), JsonFields.cut(customer.getName(), 200),
                phone(site), site.getId(), device == null ? null : device.getId(), Category.DEFECT, severity.impact(),
                severity.urgency(), JsonFields.cut(summary, 200), description(sender, event, severity, summary, device == null));
        Ticket ticket = reportFault.report(report, null).ticket();
        alarm.openedCase(ticket.getId(), device == null ? null : device.getId());
        timeline.record(ticket.getId(), new CaseEvent.AlarmReceived(sender.name(), severity.name(),
                device == null ? null : device.getName(), event.host()));
        Handled handled = kept(sender, alarm, event, MonitoringEvent.Outcome.OPENED, now);
        return new Handled(handled.dedupKey(), handled.outcome(), ticket.getId(), ticket.getNumber());
    }

    private Handled kept(AlarmSender sender, MonitoringAlarm alarm, AlarmEvent event, MonitoringEvent.Outcome outcome, Instant now) {
        events.save(new MonitoringEvent(sender.sourceId(), alarm == null ? null : alarm.getId(), event.action(), outcome, now));
        if (alarm == null || alarm.getTicketId() == null) {
            return new Handled(event.dedupKey(), outcome, null, null);
        }
        String number = em.createQuery("select t.number from Ticket t where t.id = :id", String.class)
                .setParameter("id", alarm.getTicketId()).getSingleResult();
        return new Handled(event.dedupKey(), outcome, alarm.getTicketId(), number);
    }

    private boolean caseClosed(MonitoringAlarm alarm) {
        if (alarm.getTicketId() == null) {
            return true;
        }
        TicketStatus status = em.createQuery("select t.status from Ticket t where t.id = :id", TicketStatus.class)
                .setParameter("id", alarm.getTicketId()).getSingleResult();
        return status == TicketStatus.CLOSED;
    }

    /** What the alarm said, in the words of the desk's language, for the case's description (max 4000). */
    private String description(AlarmSender sender, AlarmEvent event, Severity severity, String summary, boolean unmatched) {
        StringBuilder text = new StringBuilder(labels.text(Labels.ZH, "alarmText.description", Map.of(
                "source", sender.name(), "severity", labels.label(Labels.ZH, "alarmSeverity", severity),
                "summary", summary, "key", event.dedupKey(), "host", event.host() == null ? "-" : event.host())));
        if (unmatched) {
            text.append('\n').append(labels.text(Labels.ZH, "alarmText.unmatched"));
        }
        if (event.details() != null) {
            text.append('\n').append(labels.text(Labels.ZH, "alarmText.details", Map.of("details", event.details())));
        }
        return JsonFields.cut(text.toString(), 4000);
    }

    private static String phone(Site site) {
        String phone = site.getContactPhone();
        return phone != null && phone.matches("[0-9+()\\- ]{3,40}") ? phone : NO_PHONE;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 10L + 10L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an alarm", e);
        }
    }
}
