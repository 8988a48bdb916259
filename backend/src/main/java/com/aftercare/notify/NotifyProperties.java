package com.aftercare.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * aftercare.notify.*: the delivery worker and the outside channels (docs/notifications.md).
 *
 * @param workerEnabled  run the scheduled delivery worker on this node (tests call it themselves)
 * @param pollIntervalMs pause between two looks for due deliveries
 * @param maxAttempts    attempts per delivery before it is FAILED
 * @param retryBackoff   wait after the first failed attempt; doubles after each further one (capped at a day)
 * @param httpTimeout    connect and answer timeout for robot webhooks, also used for SMTP unless spring.mail.properties set one
 * @param mailFrom       From address of notification mails
 */
@ConfigurationProperties("aftercare.notify")
public record NotifyProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("2000") long pollIntervalMs,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT30S") Duration retryBackoff,
        @DefaultValue("5s") Duration httpTimeout,
        @DefaultValue("aftercare@localhost") String mailFrom) {

    public NotifyProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("aftercare.notify.max-attempts must be at least 1");
        }
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("aftercare.notify.retry-backoff must be positive");
        }
        if (httpTimeout.isNegative() || httpTimeout.isZero()) {
            throw new IllegalArgumentException("aftercare.notify.http-timeout must be positive");
        }
    }
}
