package com.aftercare.probes.onvif;

import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;

/** Turns an ONVIF failure into an outcome the same way for both checks. */
final class OnvifOutcomes {

    private OnvifOutcomes() {
    }

    static CheckOutcome fail(CheckKind kind, String target, OnvifFailure f, OnvifClient client, long millis) {
        if (f.reason() == CheckReason.AUTH_FAILED && !client.hasCredentials()) {
            // the device wants credentials the device settings do not have: a settings gap, not a wrong password
            return CheckOutcome.fail(kind, target, CheckReason.NOT_CONFIGURED, "missing: username (the device asks for credentials)",
                    millis);
        }
        return CheckOutcome.fail(kind, target, f.reason(), f.getMessage(), millis);
    }
}
