package com.aftercare.notify;

/** What one delivery attempt came to. {@code detail} is the reason for anything but SENT. */
record SendResult(Outcome outcome, String detail) {

    enum Outcome {
        /** Accepted by the SMTP server or the robot (errcode 0). */
        SENT,
        /** The channel is not set up on this server; retrying would not help. */
        SKIPPED,
        /** Failed this time; worth another attempt (network, timeout, non-2xx, non-zero errcode). */
        FAILED,
        /** Can never work as recorded (e.g. a malformed address): no further attempts. */
        FAILED_FOR_GOOD
    }

    static SendResult sent() {
        return new SendResult(Outcome.SENT, null);
    }

    static SendResult skipped(String reason) {
        return new SendResult(Outcome.SKIPPED, reason);
    }

    static SendResult failed(String reason) {
        return new SendResult(Outcome.FAILED, reason);
    }

    static SendResult failedForGood(String reason) {
        return new SendResult(Outcome.FAILED_FOR_GOOD, reason);
    }

    /** A short, readable reason from an exception, without the stack. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }
}
