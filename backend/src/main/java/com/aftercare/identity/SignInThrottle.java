package com.aftercare.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Slows down password guessing: after {@code max} failed sign-ins for one user name, that name is refused (429)
 * from any address until the window that began with its first counted failure has passed; a successful sign-in
 * does not reset it early. One bucket of {@code max} tokens per user name, all refilled at once each window, kept
 * where {@link RateLimitStore} says: in the database on PostgreSQL, so failures on any node count against the name
 * on every node; in memory (at most {@code maxKeys} names, {@link BoundedBuckets}) on H2's single node.
 */
@Component
public class SignInThrottle {

    private final Buckets failures;

    /** This node's memory only (unit tests). */
    SignInThrottle(Clock clock, int max, Duration window, long maxKeys) {
        this.failures = new BoundedBuckets(clock, maxKeys, window,
                bucket -> bucket.addLimit(limit -> limit.capacity(max).refillIntervally(max, window)));
    }

    @Autowired
    SignInThrottle(RateLimitStore store, @Value("${aftercare.security.sign-in.max-failures:10}") int max,
            @Value("${aftercare.security.sign-in.window:PT5M}") Duration window) {
        this.failures = store.buckets("sign-in", window, limit -> limit.capacity(max).refillIntervally(max, window));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getName()));
    }

    void recordFailure(String username) {
        failures.of(key(username)).tryConsume(1);
    }

    /** Seconds until {@code username} may try again, or 0 if it may now. */
    public long retryAfterSeconds(String username) {
        Bucket bucket = failures.existing(key(username));
        if (bucket == null) {
            return 0;
        }
        EstimationProbe next = bucket.estimateAbilityToConsume(1);
        if (next.canBeConsumed()) {
            return 0;
        }
        return Math.max(1, ceilSeconds(next.getNanosToWaitForRefill()));
    }

    static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** User names tracked now; never more than the configured maximum. */
    long trackedNames() {
        return failures.trackedKeys();
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
