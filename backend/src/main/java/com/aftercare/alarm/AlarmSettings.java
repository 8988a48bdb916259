package com.aftercare.alarm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * aftercare.alarms.*: an alarm that completes flapPairs trigger/resolve pairs within flapWindow is flapping (noted
 * once on its case; README and docs/alarms.md).
 */
@ConfigurationProperties("aftercare.alarms")
public record AlarmSettings(Integer flapPairs, Duration flapWindow) {

    public AlarmSettings {
        flapPairs = flapPairs == null ? 3 : flapPairs;
        flapWindow = flapWindow == null ? Duration.ofMinutes(10) : flapWindow;
        if (flapPairs < 1) {
            throw new IllegalArgumentException("aftercare.alarms.flap-pairs must be at least 1");
        }
    }
}
