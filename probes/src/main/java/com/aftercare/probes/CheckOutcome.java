package com.aftercare.probes;

/**
 * What one check found. target names what was checked without secrets ("10.0.0.5:554",
 * "rtsp://10.0.0.5:554/Streaming/Channels/101", never a URL with user:password); detail holds the
 * facts in a language-neutral form ("free 0.5 GB of 3726 GB; minimum 1 GB", "channel 3 offline").
 */
public record CheckOutcome(CheckKind kind, String target, boolean ok, CheckReason reason, String detail, long durationMillis) {

    public static CheckOutcome pass(CheckKind kind, String target, String detail, long millis) {
        return new CheckOutcome(kind, target, true, CheckReason.OK, detail, millis);
    }

    public static CheckOutcome fail(CheckKind kind, String target, CheckReason reason, String detail, long millis) {
        return new CheckOutcome(kind, target, false, reason, detail, millis);
    }

    public static CheckOutcome notConfigured(CheckKind kind, String missing) {
        return new CheckOutcome(kind, "", false, CheckReason.NOT_CONFIGURED, "missing: " + missing, 0);
    }
}
