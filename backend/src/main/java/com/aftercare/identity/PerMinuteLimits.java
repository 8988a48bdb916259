package com.aftercare.identity;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Per-minute limits by key for the features outside sign-in that must shed a caller gone wild (a monitoring source
 * sending alarms in a loop): kept where the sign-in throttle and the intake limit keep theirs ({@link RateLimitStore}),
 * so on PostgreSQL every node spends one minute's allowance per key, and on H2 the single node counts in memory.
 */
@Component
public class PerMinuteLimits {

    private final RateLimitStore store;

    PerMinuteLimits(RateLimitStore store) {
        this.store = store;
    }

    /**
     * A limit of {@code perMinute} per key: a full minute's allowance may be spent at once, then it comes back
     * steadily over the minute.
     *
     * @param kind the keys' prefix in the store ("alarm"); one kind per limit
     */
    public PerMinuteLimit limit(String kind, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(kind + " limit must be at least 1 a minute, not " + perMinute);
        }
        Buckets buckets = store.buckets(kind, Duration.ofMinutes(1),
                limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)));
        return new PerMinuteLimit(buckets, perMinute);
    }

    /** One limit; {@link #take} is what a request calls. */
    public static final class PerMinuteLimit {

        private final Buckets buckets;
        private final int perMinute;

        PerMinuteLimit(Buckets buckets, int perMinute) {
            this.buckets = buckets;
            this.perMinute = perMinute;
        }

        /** Spends one of the key's allowance: 0 when it was there, else the seconds until one is (nothing spent). */
        public long take(String key) {
            ConsumptionProbe probe = buckets.of(key).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : Math.max(1, SignInThrottle.ceilSeconds(probe.getNanosToWaitForRefill()));
        }

        public int perMinute() {
            return perMinute;
        }
    }
}
