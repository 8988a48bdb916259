package com.aftercare.probe.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.aftercare.asset.DeviceType;
import com.aftercare.probes.CheckKind;

/** The shipped default (VC-3) and which parameters each check takes. */
public final class PolicyRules {

    /** Parameters a check kind reads (CheckKind's javadoc); anything else in a policy is a typo, refused with a 400. */
    static final Map<CheckKind, Set<String>> PARAMS = Map.of(
            CheckKind.NVR_STORAGE, Set.of("minFreeGb"),
            CheckKind.NVR_RECORDINGS, Set.of("minDays"),
            CheckKind.SNMP_INTERFACES, Set.of("ports"));

    /** Numeric parameters: must be numbers, not negative. */
    static final Set<String> NUMBERS = Set.of("minFreeGb", "minDays");

    static final int MAX_CHECKS = 20;

    /** VC-3: storage ≥ 1 GB free and ≥ 30 days kept on the NVR, ≥ 60 days per camera, every channel with video, PTZ moves. */
    static final Map<DeviceType, List<PolicyCheck>> DEFAULTS;

    static {
        Map<DeviceType, List<PolicyCheck>> d = new EnumMap<>(DeviceType.class);
        d.put(DeviceType.CAMERA, List.of(
                PolicyCheck.required(CheckKind.RTSP_STREAM, Map.of()),
                PolicyCheck.required(CheckKind.NVR_RECORDINGS, Map.of("minDays", "60")),
                new PolicyCheck(CheckKind.ONVIF_PTZ, Map.of(), false, true)));
        d.put(DeviceType.NVR, List.of(
                PolicyCheck.required(CheckKind.NVR_STORAGE, Map.of("minFreeGb", "1")),
                PolicyCheck.required(CheckKind.NVR_RECORDINGS, Map.of("minDays", "30")),
                PolicyCheck.required(CheckKind.NVR_CHANNELS, Map.of())));
        d.put(DeviceType.SWITCH, List.of(
                PolicyCheck.required(CheckKind.SNMP_UPTIME, Map.of()),
                PolicyCheck.required(CheckKind.SNMP_INTERFACES, Map.of())));
        d.put(DeviceType.UPS, List.of(PolicyCheck.required(CheckKind.SNMP_UPS, Map.of())));
        List<PolicyCheck> asConfigured = List.of(new PolicyCheck(CheckKind.TCP, Map.of(), true, false),
                new PolicyCheck(CheckKind.HTTP, Map.of(), true, false));
        d.put(DeviceType.SERVER, asConfigured);
        d.put(DeviceType.OTHER, asConfigured);
        DEFAULTS = Map.copyOf(d);
    }

    private PolicyRules() {
    }

    public static List<PolicyCheck> shippedDefault(DeviceType type) {
        return DEFAULTS.get(type);
    }
}
