package com.aftercare.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code max} failed sign-ins for one user name within the
 * window, that name is refused (429) until the window has passed, from any address; a successful
 * sign-in does not reset it early. In memory: one node's view, which is what a single-node desk
 * needs; behind several nodes each counts its own (documented).
 */
@Component
public class SignInThrottle {

    private final Clock clock;
    private final int max;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock, @Value("${aftercare.security.sign-in.max-failures:10}") int max,
            @Value("${aftercare.security.sign-in.window:PT5M}") Duration window) {
        this.clock = clock;
        this.max = max;
        this.window = window;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getName()));
    }

    void recordFailure(String username) {
        Deque<Instant> times = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    /** Seconds until {@code username} may try again, or 0 if it may now. */
    public long retryAfterSeconds(String username) {
        Deque<Instant> times = failures.get(key(username));
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < max) {
                return 0;
            }
            return Math.max(1, Duration.between(clock.instant(), times.peekFirst().plus(window)).toSeconds());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.pollFirst();
        }
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
