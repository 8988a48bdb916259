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

    private final SlaService sla;

    SlaPolicyController(SlaService sla) {
        this.sla = sla;
    }

    record PolicyView(Long id, String code, int version, boolean current, Instant createdAt, String createdBy,
            @JsonUnwrapped PolicyDefinition definition) {

        static PolicyView of(SlaService.PolicyVersion v) {
            return new PolicyView(v.id(), v.code(), v.version(), v.current(), v.createdAt(), v.createdBy(), v.definition());
        }
    }

    @GetMapping("/api/sla/policies")
    List<PolicyView> policies() {
        return sla.currentPolicies().stream().map(PolicyView::of).toList();
    }

    @GetMapping("/api/sla/policies/{code}")
    PolicyView policy(@PathVariable String code) {
        return PolicyView.of(sla.currentPolicy(code));
    }

    @GetMapping("/api/sla/policies/{code}/versions")
    List<PolicyView> versions(@PathVariable String code) {
        return sla.history(code).stream().map(PolicyView::of).toList();
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/sla/policies")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    PolicyView create(@RequestBody java.util.Map<String, Object> body) {
        Object code = body.remove("code");
        PolicyDefinition definition;
        try {
            definition = SlaService.JSON.convertValue(body, PolicyDefinition.class);
        } catch (IllegalArgumentException e) {
            throw new com.aftercare.common.BadRequestException("body", "not a policy definition: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return PolicyView.of(sla.createPolicy(code instanceof String c ? c : null, definition));
    }

    /** A new version for tickets opened from now on; POST .../apply-to-open moves open tickets onto it. */
    @PutMapping("/api/sla/policies/{code}")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    PolicyView change(@PathVariable String code, @RequestBody PolicyDefinition definition) {
        return PolicyView.of(sla.changePolicy(code, definition));
    }
}
