package com.aftercare.sla;

import java.time.Duration;

/** Durations as people read them in timelines and messages: "1d 2h", "2h 05m", "12m 30s". */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration d) {
        boolean negative = d.isNegative();
        long s = Math.abs(d.getSeconds());
        long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, seconds = s % 60;
        String text = days > 0 ? days + "d " + hours + "h"
                : hours > 0 ? hours + "h " + String.format("%02dm", minutes)
                : minutes + "m " + String.format("%02ds", seconds);
        return negative ? "-" + text : text;
    }
}
