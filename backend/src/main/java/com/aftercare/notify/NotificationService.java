package com.aftercare.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseEventCodec;
import com.aftercare.ticket.event.CaseEventTexts;

@Service
public class NotificationService {

    /** The notification.event_params column's size (V16). */
    private static final int MAX_EVENT_PARAMS = 4000;

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final CaseEventTexts texts;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, DeliveryRepository deliveries, CaseEventTexts texts, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.texts = texts;
        this.clock = clock;
    }

    /** In-app only, to everyone with the role: the event in each reader's language, stored also in {@code language}. */
    @Transactional
    public Notification notifyRole(Role role, Long ticketId, CaseEvent event, Locale language, ZoneId zone) {
        String text = Delivery.truncate(texts.phoneText(event, language, zone), DeliveryTexts.MAX_IN_APP);
        return notifications.save(new Notification(clock.instant(), role.name(), null, ticketId, text,
                CaseEventCodec.kind(event), storableParams(event)));
    }

    /**
     * Tells the recipients of a case event: the outside channels get its subject and phone text in the
     * message's language, each in-app notification keeps the event as well so it reads in the reader's.
     */
    @Transactional
    public void send(CaseEventMessage message) {
        CaseEvent event = message.event();
        send(new OutgoingMessage(message.ticketId(), texts.subject(event, message.language()),
                texts.phoneText(event, message.language(), message.zone()), message.recipients(), message.channels()),
                CaseEventCodec.kind(event), storableParams(event));
    }

    /**
     * What a notification says to a reader of {@code language}: a case event written anew in that language,
     * a plain message as it was stored.
     */
    public String messageFor(Notification n, Locale language) {
        return CaseEventCodec.tryRead(n.getEventType(), n.getEventParams())
                .map(event -> Delivery.truncate(texts.phoneText(event, Labels.language(language), clock.getZone()),
                        DeliveryTexts.MAX_IN_APP))
                .orElse(n.getMessage());
    }

    @Transactional
    public Notification notifyRole(Role role, Long ticketId, String message) {
        return notifications.save(new Notification(clock.instant(), role.name(), null, ticketId, message));
    }

    /**
     * Records a message in the caller's transaction: one in-app notification per recipient with a
     * username, and one PENDING delivery per outside target (an e-mail per recipient address if
     * e-mail is on, one WeCom and one DingTalk robot message if their URLs are set). Nothing leaves
     * the server here, so a rollback sends nothing; {@link DeliveryWorker} sends after the commit.
     * Never throws for a bad channel setting: an unusable webhook URL is recorded as a FAILED
     * delivery, so the caller's work (e.g. an escalation) is not undone by a notification problem.
     */
    @Transactional
    public void send(OutgoingMessage message) {
        send(message, null, null);
    }

    private void send(OutgoingMessage message, String eventType, String eventParams) {
        Instant now = Delivery.storable(clock.instant());
        Long ticketId = message.ticketId();
        String subject = Delivery.truncate(message.subject().strip(), DeliveryTexts.MAX_SUBJECT);
        String text = message.text();

        String inApp = Delivery.truncate(text.isBlank() ? subject : text, DeliveryTexts.MAX_IN_APP);
        Set<String> users = new LinkedHashSet<>();
        for (Recipient r : message.recipients()) {
            if (r.username() != null && !r.username().isBlank() && users.add(r.username())) {
                notifications.save(new Notification(now, null, r.username(), ticketId, inApp, eventType, eventParams));
            }
        }

        ChannelSettings channels = message.channels();
        if (channels.email()) {
            Set<String> addresses = new LinkedHashSet<>();
            for (Recipient r : message.recipients()) {
                if (r.email() != null && !r.email().isBlank() && addresses.add(r.email().strip().toLowerCase(Locale.ROOT))) {
                    deliveries.save(Delivery.email(ticketId, Delivery.truncate(r.email().strip(), 254), subject,
                            Delivery.truncate(text, DeliveryTexts.MAX_BODY), now));
                }
            }
        }
        List<String> mobiles = DeliveryTexts.mobiles(message.recipients());
        if (channels.wecomWebhookUrl() != null) {
            deliveries.save(webhook(ticketId, DeliveryChannel.WECOM, channels.wecomWebhookUrl(), null, channels.webhookAllowList(), mobiles,
                    subject, DeliveryTexts.wecomContent(subject, text), now));
        }
        if (channels.dingtalkWebhookUrl() != null) {
            deliveries.save(webhook(ticketId, DeliveryChannel.DINGTALK, channels.dingtalkWebhookUrl(), channels.dingtalkSecret(),
                    channels.webhookAllowList(), mobiles, subject, DeliveryTexts.dingtalkContent(subject, text, mobiles), now));
        }
    }

    private static Delivery webhook(Long ticketId, DeliveryChannel channel, String url, String secret, String allowList,
            List<String> mobiles, String subject, String content, Instant now) {
        String problem = ChannelSettings.urlProblem(url) == null ? null : "webhook URL " + ChannelSettings.urlProblem(url);
        if (problem == null && ChannelSettings.secretProblem(secret) != null) {
            problem = "signing secret " + ChannelSettings.secretProblem(secret);
        }
        if (problem != null) {
            // the URL may hold the robot's key, so not even a broken one is shown
            return Delivery.unusable(ticketId, channel, "(unusable webhook settings)", subject, content, problem, now);
        }
        return Delivery.webhook(ticketId, channel, DeliveryTexts.maskedTarget(url), url, secret, allowList, mobiles, subject, content, now);
    }

    /**
     * Queues one e-mail with files to one address, in the caller's transaction (the outbox): {@link DeliveryWorker}
     * sends it after the commit and retries it like every other mail. {@code attachments} is a reference a
     * {@link MailAttachments} resolves when it is sent. Returns the delivery's id.
     */
    @Transactional
    public long queueEmailWithFiles(String address, String subject, String body, String attachments) {
        Instant now = Delivery.storable(clock.instant());
        return deliveries.save(Delivery.emailWithFiles(Delivery.truncate(address.strip(), 254),
                Delivery.truncate(subject.strip(), DeliveryTexts.MAX_SUBJECT), Delivery.truncate(body, DeliveryTexts.MAX_BODY),
                attachments, now)).getId();
    }

    /** Deliveries by id (e.g. the mails of a scheduled report), as their senders recorded them. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(java.util.Collection<Long> ids) {
        return deliveries.findAllById(ids);
    }

    /** The deliveries of a ticket, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveriesOf(Long ticketId) {
        return deliveries.findByTicketIdOrderByCreatedAtDescIdDesc(ticketId);
    }

    /**
     * Every notification the user can see, newest first. Not capped: a check that looks for one notification must find
     * it however many others (some dated by other test clocks) are newer; the bell pages through /api/notifications.
     */
    @Transactional(readOnly = true)
    public List<Notification> forUser(String user, Set<Role> roles) {
        NotificationReader reader = NotificationReader.of(user, roles);
        return notifications.forRecipient(reader.username(), reader.roleNames(), org.springframework.data.domain.Pageable.unpaged());
    }

    @Transactional(readOnly = true)
    public List<Notification> ofTicket(Long ticketId) {
        return notifications.findByTicketId(ticketId);
    }

    /** The event's parameters, or null when they do not fit the column (the stored text then stands alone). */
    private static String storableParams(CaseEvent event) {
        String json = CaseEventCodec.params(event);
        return json.length() > MAX_EVENT_PARAMS ? null : json;
    }
}
