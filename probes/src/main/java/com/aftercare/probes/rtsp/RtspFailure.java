package com.aftercare.probes.rtsp;

import com.aftercare.probes.CheckReason;

/** Ends an RTSP exchange with the reason and a detail that is safe to show (never anything the device sent verbatim). */
final class RtspFailure extends Exception {

    private final CheckReason reason;

    RtspFailure(CheckReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    CheckReason reason() {
        return reason;
    }
}
