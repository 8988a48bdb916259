package com.aftercare.notify;

/**
 * PENDING (written, not tried yet) → SENDING (a worker holds it for one attempt) → SENT, or
 * RETRYING (failed, next_attempt_at says when again), or FAILED (out of attempts, or it can never
 * work), or SKIPPED (the channel is not configured on this server, e.g. no SMTP host).
 */
public enum DeliveryStatus {
    PENDING, SENDING, RETRYING, SENT, FAILED, SKIPPED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SKIPPED;
    }
}
