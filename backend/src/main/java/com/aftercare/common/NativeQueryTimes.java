package com.aftercare.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Drivers differ in what a native query hands back for a timestamp with time zone (H2, PostgreSQL). */
public final class NativeQueryTimes {

    private NativeQueryTimes() {
    }

    /** The point in time a native query's column holds; null for null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("Not a point in time: " + value.getClass().getName());
    }
}
