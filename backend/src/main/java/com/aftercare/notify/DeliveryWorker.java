package com.aftercare.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.OwnThreadRuns;

/**
 * Sends due deliveries and retries failed ones: the only code that talks to the outside channels.
 *
 * <p>Why a polling worker and not an afterCommit hook handing ids to an executor: the rows written by
 * {@link NotificationService#send} are the queue (a transactional outbox). Polling gives one code
 * path for the first attempt and every retry, loses nothing when a node stops between commit and
 * hand-off, works the same on every node, and keeps work off the committing thread (often the
 * engine's job executor). The price is up to one poll interval (2 s by default) of delay, which is
 * nothing next to escalation deadlines measured in minutes.
 *
 * <p>Several nodes may poll the same table. A node takes a row for one attempt with a conditional
 * update on its version ({@link DeliveryRepository#claim}); only one node can win it, on H2 and
 * PostgreSQL alike, without SELECT ... FOR UPDATE SKIP LOCKED. Sending happens outside any
 * transaction; the outcome is written back under the same version check. A node that dies
 * mid-attempt leaves the row SENDING with a lease in next_attempt_at, after which it is due again.
 */
@Component
public class DeliveryWorker {

    static final int BATCH = 50;
    static final Duration MAX_BACKOFF = Duration.ofDays(1);
    /** Prometheus: {@code aftercare_notifications_deliveries_total{channel,outcome}}, one per attempt's recorded outcome. */
    static final String DELIVERIES = "aftercare.notifications.deliveries";

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository deliveries;
    private final TransactionTemplate transaction;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final NotifyProperties properties;
    private final Clock clock;
    private final Duration lease;
    private final List<MailAttachments> attachments;
    /** The scheduler has one thread for every @Scheduled job; slow robots must not hold up the others. */
    private final OwnThreadRuns runs = new OwnThreadRuns("notify-delivery", log);
    private final MeterRegistry meters;

    DeliveryWorker(DeliveryRepository deliveries, TransactionTemplate transaction, EmailSender email, WebhookSender webhooks,
            NotifyProperties properties, Clock clock, List<MailAttachments> attachments, MeterRegistry meters) {
        this.meters = meters;
        this.attachments = attachments;
        this.deliveries = deliveries;
        this.transaction = transaction;
        this.email = email;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        Duration tenTimeouts = properties.httpTimeout().multipliedBy(10);
        this.lease = tenTimeouts.compareTo(Duration.ofMinutes(5)) > 0 ? tenTimeouts : Duration.ofMinutes(5);
    }

    @Scheduled(fixedDelayString = "${aftercare.notify.poll-interval-ms:2000}")
    void poll() {
        if (properties.workerEnabled()) {
            runs.offer(this::deliverDue, "Delivery run failed; trying again at the next poll");
        }
    }

    @PreDestroy
    void stop() {
        runs.stop();
    }

    /** Attempts every delivery due now (at most {@value #BATCH} per call); returns how many it attempted. */
    public int deliverDue() {
        List<Delivery> due = deliveries.findDue(Delivery.storable(clock.instant()), PageRequest.of(0, BATCH));
        int attempted = 0;
        for (Delivery delivery : due) {
            if (attempt(delivery)) {
                attempted++;
            }
        }
        return attempted;
    }

    private boolean attempt(Delivery seen) {
        if (seen.getAttempts() >= properties.maxAttempts()) {
            // a SENDING row whose worker never came back, or max-attempts lowered since the last try
            String reason = seen.getStatus() == DeliveryStatus.SENDING || seen.getLastError() == null
                    ? "attempt " + seen.getAttempts() + " did not finish (the node stopped?) and no attempts are left"
                    : seen.getLastError();
            transaction.executeWithoutResult(s -> deliveries.giveUp(seen.getId(), seen.getVersion(),
                    Delivery.truncate(reason, Delivery.MAX_ERROR)));
            count(seen.getChannel(), "failed");
            return false;
        }
        Instant now = Delivery.storable(clock.instant());
        Integer claimed;
        try {
            claimed = transaction.execute(s -> deliveries.claim(seen.getId(), seen.getVersion(), now, now.plus(lease)));
        } catch (ConcurrencyFailureException e) {
            claimed = 0; // another node is taking it right now
        }
        if (claimed == null || claimed == 0) {
            return false;
        }
        SendResult result;
        try {
            result = send(seen);
        } catch (RuntimeException e) {
            log.warn("Delivery {} ({} to {}) threw", seen.getId(), seen.getChannel(), seen.getTarget(), e);
            // the exception's text is for the log: it may quote an address or an answer users must not read
            result = SendResult.failed("internal error (see the server log)");
        }
        record(seen.getId(), seen.getVersion() + 1, result);
        return true;
    }

    private SendResult send(Delivery d) {
        if (d.getChannel() != DeliveryChannel.EMAIL && d.endpointUrl() == null) {
            return SendResult.failedForGood("no webhook URL recorded");
        }
        return switch (d.getChannel()) {
            case EMAIL -> {
                List<MailAttachments.File> files = filesOf(d.getAttachments());
                yield files == null ? SendResult.failedForGood("the files of " + d.getAttachments() + " are gone")
                        : email.send(d.getTarget(), d.getSubject(), d.getBody(),
                                MailMessageIds.of(d.getId(), d.getTicketId(), MailMessageIds.domainOf(properties.mailFrom())), files);
            }
            case WECOM -> webhooks.wecom(d.endpointUrl(), d.allowList(), d.getBody(), d.mentions());
            case DINGTALK -> webhooks.dingtalk(d.endpointUrl(), d.signSecret(), d.allowList(), d.getBody(), d.mentions());
        };
    }

    /** The files a mail carries, read in their own transaction; empty for none, null when the reference finds nothing. */
    private List<MailAttachments.File> filesOf(String reference) {
        if (reference == null) {
            return List.of();
        }
        return transaction.execute(s -> attachments.stream().map(a -> a.filesOf(reference)).flatMap(java.util.Optional::stream)
                .findFirst().orElse(null));
    }

    private void record(Long id, long claimedVersion, SendResult result) {
        try {
            Attempted attempted = transaction.execute(s -> {
                Delivery row = deliveries.findById(id).orElse(null);
                if (row == null || row.getVersion() != claimedVersion) {
                    log.warn("Delivery {} was taken over by another worker before its outcome ({}) was recorded", id, result.outcome());
                    return null;
                }
                Instant now = Delivery.storable(clock.instant());
                switch (result.outcome()) {
                    case SENT -> row.sent(now);
                    case SKIPPED -> row.skipped(result.detail());
                    case FAILED_FOR_GOOD -> row.failed(result.detail());
                    case FAILED -> {
                        if (row.getAttempts() >= properties.maxAttempts()) {
                            row.failed(result.detail());
                        } else {
                            row.retryAt(now.plus(backoffAfter(row.getAttempts())), result.detail());
                        }
                    }
                }
                if (row.getStatus() == DeliveryStatus.FAILED) {
                    log.warn("Delivery {} ({} to {}) failed for good after {} attempt(s): {}", id, row.getChannel(), row.getTarget(),
                            row.getAttempts(), result.detail());
                }
                return new Attempted(row.getChannel(), switch (row.getStatus()) {
                    case SENT -> "sent";
                    case SKIPPED -> "skipped";
                    case FAILED -> "failed";
                    default -> "retry";
                });
            });
            if (attempted != null) {
                count(attempted.channel(), attempted.outcome());
            }
        } catch (ConcurrencyFailureException e) {
            log.warn("Delivery {} changed while its outcome ({}) was recorded; leaving it to the other worker", id, result.outcome());
        }
    }

    private record Attempted(DeliveryChannel channel, String outcome) {
    }

    /** Deliveries by channel and outcome (README "Metrics"): sent, skipped (channel not set up), retry, failed. */
    private void count(DeliveryChannel channel, String outcome) {
        meters.counter(DELIVERIES, "channel", channel.name(), "outcome", outcome).increment();
    }

    /** retry-backoff after the first failed attempt, doubling after each further one, at most a day (or the backoff itself). */
    Duration backoffAfter(int attempts) {
        Duration cap = properties.retryBackoff().compareTo(MAX_BACKOFF) > 0 ? properties.retryBackoff() : MAX_BACKOFF;
        Duration wait = properties.retryBackoff();
        for (int i = 1; i < attempts && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
