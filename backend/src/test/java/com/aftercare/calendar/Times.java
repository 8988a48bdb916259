package com.aftercare.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Test literals are Beijing wall-clock times; Asia/Shanghai has been a fixed +08:00 since 1991. */
public final class Times {

    private Times() {
    }

    public static Instant bj(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.ofHours(8));
    }
}
