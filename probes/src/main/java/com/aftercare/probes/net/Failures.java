package com.aftercare.probes.net;

import com.aftercare.probes.CheckReason;

/** Maps a {@link PinnedHttp.Failure}'s classification to the reason code a check records. */
public final class Failures {

    private Failures() {
    }

    public static CheckReason reason(PinnedHttp.Failure failure) {
        return switch (String.valueOf(failure.getMessage())) {
            case "timeout" -> CheckReason.TIMEOUT;
            case "connection refused" -> CheckReason.CONNECTION_REFUSED;
            case "unreachable" -> CheckReason.UNREACHABLE;
            case "TLS handshake failed" -> CheckReason.TLS_FAILED;
            case "not an HTTP answer" -> CheckReason.PROTOCOL_ERROR;
            default -> CheckReason.UNREACHABLE;
        };
    }
}
