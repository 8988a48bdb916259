package com.aftercare.notify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.aftercare.secrets.SecretConverter;

/**
 * One notification to one outside target (an e-mail address or a group robot) and the record of
 * trying to deliver it. The webhook URL with its key and the signing secret are kept for the
 * retries but have no public getter: what users see is {@link #getTarget()}, with the key masked.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery {

    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Enumerated(EnumType.STRING)
    private DeliveryChannel channel;
    private String target;
    @Convert(converter = SecretConverter.class)
    @Column(name = "endpoint_url")
    private String endpointUrl;
    @Convert(converter = SecretConverter.class)
    @Column(name = "sign_secret")
    private String signSecret;
    /** The contract's webhook allow-list when the message was written; checked again on every attempt. */
    @Column(name = "allow_list")
    private String allowList;
    private String mentions;
    private String subject;
    private String body;
    /** A reference to the files the mail carries ({@link MailAttachments}), null for a plain mail. */
    private String attachments;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Version
    private long version;

    protected Delivery() {
    }

    private Delivery(Long ticketId, DeliveryChannel channel, String target, String endpointUrl, String signSecret, List<String> mentions,
            String subject, String body, Instant now) {
        this.ticketId = ticketId;
        this.channel = channel;
        this.target = target;
        this.endpointUrl = endpointUrl;
        this.signSecret = signSecret;
        this.mentions = mentions.isEmpty() ? null : String.join(",", mentions);
        this.subject = subject;
        this.body = body;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    static Delivery email(Long ticketId, String address, String subject, String body, Instant now) {
        return new Delivery(ticketId, DeliveryChannel.EMAIL, address, null, null, List.of(), subject, body, now);
    }

    /** A mail with files: {@code attachments} is resolved by a {@link MailAttachments} when the mail is sent. */
    static Delivery emailWithFiles(String address, String subject, String body, String attachments, Instant now) {
        Delivery d = new Delivery(null, DeliveryChannel.EMAIL, address, null, null, List.of(), subject, body, now);
        d.attachments = attachments;
        return d;
    }

    static Delivery webhook(Long ticketId, DeliveryChannel channel, String maskedTarget, String url, String secret, String allowList,
            List<String> mentions, String subject, String content, Instant now) {
        Delivery d = new Delivery(ticketId, channel, maskedTarget, url, secret, mentions, subject, content, now);
        d.allowList = allowList;
        return d;
    }

    /** A delivery that can never work (e.g. a malformed webhook URL): recorded as FAILED so it shows, never tried. */
    static Delivery unusable(Long ticketId, DeliveryChannel channel, String target, String subject, String body, String reason, Instant now) {
        Delivery d = new Delivery(ticketId, channel, target, null, null, List.of(), subject, body, now);
        d.status = DeliveryStatus.FAILED;
        d.nextAttemptAt = null;
        d.lastError = truncate(reason, MAX_ERROR);
        return d;
    }

    void sent(Instant now) {
        status = DeliveryStatus.SENT;
        sentAt = now;
        nextAttemptAt = null;
    }

    void retryAt(Instant next, String error) {
        status = DeliveryStatus.RETRYING;
        nextAttemptAt = next;
        lastError = truncate(error, MAX_ERROR);
    }

    void failed(String error) {
        status = DeliveryStatus.FAILED;
        nextAttemptAt = null;
        lastError = truncate(error, MAX_ERROR);
    }

    void skipped(String reason) {
        status = DeliveryStatus.SKIPPED;
        nextAttemptAt = null;
        lastError = truncate(reason, MAX_ERROR);
    }

    /**
     * H2 and PostgreSQL keep microseconds; a clock with nanoseconds would be rounded on the way in,
     * possibly up, and a row written "now" would not be due "now". So times are cut to microseconds.
     */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    public Long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    public DeliveryChannel getChannel() { return channel; }
    /** The e-mail address, or the webhook's host and path with the key masked. */
    public String getTarget() { return target; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public DeliveryStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    /** Why the most recent failed attempt failed; kept after a later success, so "SENT after 2 attempts" can be explained. */
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public long getVersion() { return version; }

    public String getAttachments() { return attachments; }

    String endpointUrl() { return endpointUrl; }
    String signSecret() { return signSecret; }
    String allowList() { return allowList; }
    List<String> mentions() { return mentions == null ? List.of() : Arrays.asList(mentions.split(",")); }
}
