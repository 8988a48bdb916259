package com.aftercare.probe.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.DeviceType;

/** Reads the policy in force for each device type: the process owner's, or the shipped default (VC-3). */
@Service
public class VerificationPolicies {

    /** version 0 and no author: the shipped default, never edited. */
    public record Policy(DeviceType deviceType, List<PolicyCheck> checks, int version, String updatedBy, Instant updatedAt,
            boolean shippedDefault) {
    }

    private final VerificationPolicyRepository policies;

    VerificationPolicies(VerificationPolicyRepository policies) {
        this.policies = policies;
    }

    @Transactional(readOnly = true)
    public List<PolicyCheck> checksFor(DeviceType type) {
        return policies.findByDeviceType(type).map(VerificationPolicy::checks).orElseGet(() -> PolicyRules.shippedDefault(type));
    }

    @Transactional(readOnly = true)
    public List<Policy> all() {
        Map<DeviceType, VerificationPolicy> stored = policies.findAll().stream()
                .collect(Collectors.toMap(VerificationPolicy::getDeviceType, Function.identity()));
        return Arrays.stream(DeviceType.values()).map(t -> stored.containsKey(t) ? of(stored.get(t))
                : new Policy(t, PolicyRules.shippedDefault(t), 0, null, null, true)).toList();
    }

    static Policy of(VerificationPolicy p) {
        return new Policy(p.getDeviceType(), p.checks(), p.getVersion(), p.getUpdatedBy(), p.getUpdatedAt(), false);
    }
}
