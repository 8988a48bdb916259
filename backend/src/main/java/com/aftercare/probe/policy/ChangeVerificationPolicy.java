package com.aftercare.probe.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.DeviceType;
import com.aftercare.common.BadRequestException;
import com.aftercare.probes.CheckKind;

/**
 * The process owner sets which checks a device type must pass. Every field is checked before anything is stored,
 * each problem a 400 naming it ("checks[1].kind", "checks[0].params.minFreeGb"): a policy that cannot run would
 * otherwise only show when a case fails to close.
 */
@Service
public class ChangeVerificationPolicy {

    /** As the PUT body sends one check: kind as text, so an unknown kind is a 400 naming its field, not a parse error. */
    public record CheckInput(String kind, Map<String, String> params, Boolean optional, Boolean ptzOnly) {
    }

    private final VerificationPolicyRepository policies;
    private final Clock clock;

    ChangeVerificationPolicy(VerificationPolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional
    public VerificationPolicies.Policy change(DeviceType type, List<CheckInput> input, String by) {
        List<PolicyCheck> checks = validate(input);
        VerificationPolicy policy = policies.findByDeviceType(type).orElseGet(() -> new VerificationPolicy(type));
        policy.change(checks, by, clock.instant());
        return VerificationPolicies.of(policies.save(policy));
    }

    static List<PolicyCheck> validate(List<CheckInput> input) {
        if (input == null || input.isEmpty()) {
            // no check at all would let every device of the type pass unseen: the silent pass issue 14 removes
            throw new BadRequestException("checks", "at least one check");
        }
        if (input.size() > PolicyRules.MAX_CHECKS) {
            throw new BadRequestException("checks", "at most " + PolicyRules.MAX_CHECKS + " checks");
        }
        List<PolicyCheck> checks = new ArrayList<>();
        Set<CheckKind> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            CheckInput c = input.get(i);
            String field = "checks[" + i + "]";
            if (c == null || c.kind() == null || c.kind().isBlank()) {
                throw new BadRequestException(field + ".kind", "is required");
            }
            CheckKind kind;
            try {
                kind = CheckKind.valueOf(c.kind().trim());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(field + ".kind", "unknown check '" + c.kind() + "'");
            }
            if (!seen.add(kind)) {
                throw new BadRequestException(field + ".kind", kind + " is listed twice");
            }
            Map<String, String> params = new LinkedHashMap<>();
            Set<String> allowed = PolicyRules.PARAMS.getOrDefault(kind, Set.of());
            for (Map.Entry<String, String> p : (c.params() == null ? Map.<String, String>of() : c.params()).entrySet()) {
                String name = p.getKey();
                String pf = field + ".params." + name;
                if (!allowed.contains(name)) {
                    throw new BadRequestException(pf, kind + " takes " + (allowed.isEmpty() ? "no parameters" : "only " + allowed));
                }
                String value = p.getValue() == null ? "" : p.getValue().trim();
                if (value.isEmpty()) {
                    continue;
                }
                if (PolicyRules.NUMBERS.contains(name)) {
                    double number;
                    try {
                        number = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new BadRequestException(pf, "must be a number");
                    }
                    if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
                        throw new BadRequestException(pf, "must not be negative");
                    }
                    if (name.equals("minDays") && number != Math.rint(number)) {
                        throw new BadRequestException(pf, "must be whole days");
                    }
                }
                if (name.equals("ports") && !value.matches("[0-9]{1,5}(\\s*,\\s*[0-9]{1,5})*")) {
                    throw new BadRequestException(pf, "must be interface numbers separated by commas");
                }
                params.put(name, value);
            }
            checks.add(new PolicyCheck(kind, params, Boolean.TRUE.equals(c.optional()), Boolean.TRUE.equals(c.ptzOnly())));
        }
        return List.copyOf(checks);
    }
}
