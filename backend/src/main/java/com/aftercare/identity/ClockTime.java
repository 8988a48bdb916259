package com.aftercare.identity;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/** Bucket4j's time from the application's clock, so tests that move the clock move the limits too. */
record ClockTime(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
