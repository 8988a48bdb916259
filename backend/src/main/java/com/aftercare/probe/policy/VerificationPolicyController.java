package com.aftercare.probe.policy;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.asset.DeviceType;
import com.aftercare.identity.CurrentUser;

/** Verification policies per device type (issue 14): staff read them, the process owner changes them (as the models). */
@RestController
class VerificationPolicyController {

    private final VerificationPolicies policies;
    private final ChangeVerificationPolicy changePolicy;

    VerificationPolicyController(VerificationPolicies policies, ChangeVerificationPolicy changePolicy) {
        this.policies = policies;
        this.changePolicy = changePolicy;
    }

    record PolicyBody(List<ChangeVerificationPolicy.CheckInput> checks) {
    }

    @GetMapping("/api/verification-policies")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN', 'SUPERVISOR', 'SERVICE_DESK', 'ENGINEER')")
    List<VerificationPolicies.Policy> all() {
        return policies.all();
    }

    @PutMapping("/api/verification-policies/{deviceType}")
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    VerificationPolicies.Policy change(@PathVariable DeviceType deviceType, @RequestBody PolicyBody body) {
        return changePolicy.change(deviceType, body == null ? null : body.checks(), CurrentUser.username());
    }
}
