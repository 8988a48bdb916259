package com.aftercare.sla;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** SLA policies: read by everyone who sees clocks, changed by process owners (a new version each time). */
@RestController
class SlaPolicyController {

    private final PolicyCatalog policies;
    private final CreatePolicy createPolicy;
    private final ChangePolicy changePolicy;

    SlaPolicyController(PolicyCatalog policies, CreatePolicy createPolicy, ChangePolicy changePolicy) {
        this.policies = policies;
        this.createPolicy = createPolicy;
        this.changePolicy = changePolicy;
    }

    record PolicyView(Long id, String code, int version, boolean current, Instant createdAt, String createdBy,
            @JsonUnwrapped PolicyDefinition definition) {

        static PolicyView of(PolicyVersion v) {
            return new PolicyView(v.id(), v.code(), v.version(), v.current(), v.createdAt(), v.createdBy(), v.definition());
        }
    }

    @GetMapping("/api/sla/policies")
    List<PolicyView> policies() {
        return policies.currentPolicies().stream().map(PolicyView::of).toList();
    }

    @GetMapping("/api/sla/policies/{code}")
    PolicyView policy(@PathVariable String code) {
        return PolicyView.of(policies.currentPolicy(code));
    }

    @GetMapping("/api/sla/policies/{code}/versions")
    List<PolicyView> versions(@PathVariable String code) {
        return policies.history(code).stream().map(PolicyView::of).toList();
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/sla/policies")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    PolicyView create(@RequestBody java.util.Map<String, Object> body) {
        Object code = body.remove("code");
        PolicyDefinition definition;
        try {
            definition = PolicyCatalog.JSON.convertValue(body, PolicyDefinition.class);
        } catch (IllegalArgumentException e) {
            throw new com.aftercare.common.BadRequestException("body", "not a policy definition: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return PolicyView.of(createPolicy.create(new CreatePolicy.Command(code instanceof String c ? c : null, definition)));
    }

    /** A new version for tickets opened from now on; POST .../apply-to-open moves open tickets onto it. */
    @PutMapping("/api/sla/policies/{code}")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    PolicyView change(@PathVariable String code, @RequestBody PolicyDefinition definition) {
        return PolicyView.of(changePolicy.change(new ChangePolicy.Command(code, definition)));
    }
}
