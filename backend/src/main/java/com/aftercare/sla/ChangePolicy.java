package com.aftercare.sla;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * A process owner changes a policy: a new version for tickets opened from now on. Open tickets keep theirs
 * until the change is applied to them (POST /api/sla/policies/{code}/apply-to-open).
 */
@Service
@Validated
public class ChangePolicy {

    public record Command(@NotNull String code,
            @NotNull(message = "a policy definition is required") @DeployedLevelDecision PolicyDefinition definition) {
    }

    private final SlaPolicyRepository policies;
    private final PolicyCatalog catalog;
    private final Clock clock;

    ChangePolicy(SlaPolicyRepository policies, PolicyCatalog catalog, Clock clock) {
        this.policies = policies;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public PolicyVersion change(@Valid Command command) {
        // the definition's own rules name nested fields (escalation[1].percent), which a constraint path cannot carry
        command.definition().validate();
        SlaPolicy current = policies.findByCodeAndCurrentVersionTrue(command.code())
                .orElseThrow(() -> new NotFoundException("No SLA policy " + command.code()));
        current.supersede();
        policies.saveAndFlush(current);
        return catalog.view(policies.save(new SlaPolicy(command.code(), current.getVersion() + 1, command.definition().name(),
                PolicyCatalog.write(command.definition()), clock.instant(), CurrentUser.username())));
    }
}
