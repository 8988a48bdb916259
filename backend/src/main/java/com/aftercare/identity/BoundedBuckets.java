package com.aftercare.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Token buckets (Bucket4j) by key, at most {@code maxKeys} of them (Caffeine), each forgotten once unused for
 * {@code idle}. A map of its own per key grew with every random user name an attacker tried; here the memory
 * stays bounded whatever arrives. Caffeine keeps the keys used often (TinyLFU) when it must drop some, so a
 * flood of one-off names does not push out the name being guessed and unlock it. Buckets read the injected
 * clock, as all domain code does. One node's view: {@link RateLimitStore} picks it only where one node runs.
 */
final class BoundedBuckets implements Buckets {

    private final Cache<String, Bucket> buckets;
    private final Supplier<Bucket> newBucket;

    /**
     * @param idle how long an unused key is kept: at least the time its bucket takes to refill, so forgetting
     *             it changes nothing
     */
    BoundedBuckets(Clock clock, long maxKeys, Duration idle, java.util.function.UnaryOperator<LocalBucketBuilder> limits) {
        TimeMeter time = new ClockTime(clock);
        this.newBucket = () -> limits.apply(Bucket.builder().withCustomTimePrecision(time)).build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(idle)
                // evict on the calling thread: the bound holds when a call returns, not some time later
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Bucket of(String key) {
        return buckets.get(key, k -> newBucket.get());
    }

    @Override
    public Bucket existing(String key) {
        return buckets.getIfPresent(key);
    }

    @Override
    public long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
