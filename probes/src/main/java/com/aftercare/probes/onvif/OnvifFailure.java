package com.aftercare.probes.onvif;

import com.aftercare.probes.CheckReason;

/** Ends an ONVIF exchange with a reason and a detail safe to show (no device text verbatim, no credentials). */
final class OnvifFailure extends Exception {

    private final CheckReason reason;

    OnvifFailure(CheckReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    CheckReason reason() {
        return reason;
    }
}
