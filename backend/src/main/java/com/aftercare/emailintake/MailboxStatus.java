package com.aftercare.emailintake;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * How the last polls of this node went, for the admin page: kept in memory (each node polls for itself and a restart
 * starts afresh); what was done with each mail is in the email_intake table.
 */
@Component
class MailboxStatus {

    /** Why the last poll failed (labels "mailError"); the server's own words are in detail. */
    enum ErrorKind {
        SIGN_IN_FAILED, CONNECTION_FAILED, FOLDER_NOT_FOUND, MAIL_FAILED, OTHER
    }

    record Snapshot(Instant lastPollAt, Instant lastSuccessAt, ErrorKind lastError, String lastErrorDetail, Instant lastErrorAt,
            int lastTaken) {
    }

    private Snapshot current = new Snapshot(null, null, null, null, null, 0);

    synchronized Snapshot snapshot() {
        return current;
    }

    synchronized void polled(Instant at, int taken) {
        current = new Snapshot(at, at, current.lastError(), current.lastErrorDetail(), current.lastErrorAt(), taken);
    }

    synchronized void failed(Instant at, ErrorKind kind, String detail) {
        String d = detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail;
        current = new Snapshot(at, current.lastSuccessAt(), kind, d, at, current.lastTaken());
    }
}
