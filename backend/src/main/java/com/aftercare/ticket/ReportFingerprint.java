package com.aftercare.ticket;

import com.aftercare.idempotency.RequestFingerprint;

/**
 * What an Idempotency-Key on a fault report is bound to: the caller and the report as read (see
 * {@link RequestFingerprint}, shared with the other requests that take a key).
 */
final class ReportFingerprint {

    private ReportFingerprint() {
    }

    static String of(String caller, NewTicket report) {
        return RequestFingerprint.of(caller, report);
    }
}
