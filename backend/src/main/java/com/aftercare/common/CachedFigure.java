package com.aftercare.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A figure read from the database at most once per time to live, for gauges: Prometheus reads every gauge of a
 * family on each scrape (one per level, two for the job table), and several Prometheus servers or a dashboard's
 * refresh may scrape every few seconds; each should cost one aggregate query, not one per gauge and scrape. Uses the
 * monotonic clock, not the business clock: a test that moves business time must not freeze or flood the cache.
 */
public final class CachedFigure<T> {

    private final Supplier<T> source;
    private final long ttlNanos;
    private T value;
    private long readAt;
    private boolean read;

    public CachedFigure(Supplier<T> source, Duration ttl) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= ttlNanos) {
            value = source.get();
            readAt = now;
            read = true;
        }
        return value;
    }
}
