package com.aftercare.sla;

import java.util.Map;
import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;

/** A process owner creates a policy, e.g. one contract's own terms; it starts at version 1. */
@Service
@Validated
public class CreatePolicy {

    public record Command(
            @NotNull(message = "2 to 40 capital letters, digits or _ (e.g. CITY_POLICE_2026)")
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "2 to 40 capital letters, digits or _ (e.g. CITY_POLICE_2026)")
            String code,
            @NotNull(message = "a policy definition is required") @DeployedLevelDecision PolicyDefinition definition) {
    }

    private final SlaPolicyRepository policies;
    private final PolicyCatalog catalog;
    private final Clock clock;

    CreatePolicy(SlaPolicyRepository policies, PolicyCatalog catalog, Clock clock) {
        this.policies = policies;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public PolicyVersion create(@Valid Command command) {
        // the definition's own rules name nested fields (escalation[1].percent), which a constraint path cannot carry
        command.definition().validate();
        if (!policies.findByCodeOrderByVersionDesc(command.code()).isEmpty()) {
            throw ConflictException.of("policyExists", Map.of("code", command.code()));
        }
        return catalog.view(policies.save(new SlaPolicy(command.code(), 1, command.definition().name(),
                PolicyCatalog.write(command.definition()), clock.instant(), CurrentUser.username())));
    }
}
