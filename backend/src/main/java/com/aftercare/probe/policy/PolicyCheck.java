package com.aftercare.probe.policy;

import java.util.Map;

import com.aftercare.probes.CheckKind;

/**
 * One check a verification policy asks of a device type.
 *
 * @param kind     the check (probes module)
 * @param params   its thresholds, e.g. minFreeGb=1, minDays=60 (names per kind: {@link PolicyRules#PARAMS})
 * @param optional run only when the device has the settings it needs (SERVER/OTHER: TCP and HTTP "as configured");
 *                 a required check without its settings fails verification as not configured
 * @param ptzOnly  only for devices marked PTZ (VC-3: the PTZ move)
 */
public record PolicyCheck(CheckKind kind, Map<String, String> params, boolean optional, boolean ptzOnly) {

    public PolicyCheck {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    static PolicyCheck required(CheckKind kind, Map<String, String> params) {
        return new PolicyCheck(kind, params, false, false);
    }
}
