package com.aftercare.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests can move, so "overdue" and "due" can be reached without sleeping. */
public class MutableClock extends Clock {

    private volatile Instant now = Instant.now();
    private final ZoneId zone;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void reset() {
        now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // what the database keeps
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
