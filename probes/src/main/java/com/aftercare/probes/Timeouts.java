package com.aftercare.probes;

import java.time.Duration;

/** Per-check limits: connecting, waiting for an answer, and (RTSP) waiting for the first media packet. */
public record Timeouts(Duration connect, Duration read, Duration media) {

    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
