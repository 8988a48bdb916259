package com.aftercare.alarm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * aftercare.alarms.*: an alarm that completes flapPairs trigger/resolve pairs within flapWindow is flapping (noted
 * once on its case); one monitoring source may send requestsPerMinute requests a minute, more are refused with 429
 * (README and docs/alarms.md).
 */
@ConfigurationProperties("aftercare.alarms")
public record AlarmSettings(Integer flapPairs, Duration flapWindow, Integer requestsPerMinute) {

    /** A storm of a few thousand devices going down passes; a sender in a tight loop (hundreds a second) does not. */
    static final int DEFAULT_REQUESTS_PER_MINUTE = 3000;

    public AlarmSettings {
        flapPairs = flapPairs == null ? 3 : flapPairs;
        flapWindow = flapWindow == null ? Duration.ofMinutes(10) : flapWindow;
        requestsPerMinute = requestsPerMinute == null ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
        if (flapPairs < 1) {
            throw new IllegalArgumentException("aftercare.alarms.flap-pairs must be at least 1");
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("aftercare.alarms.requests-per-minute must be at least 1");
        }
    }
}
