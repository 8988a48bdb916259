package com.aftercare.agent;

import java.util.Map;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An admin registers a probe agent for a customer and the sites of that customer it serves. The token is made here
 * and returned this once; only its SHA-256 is stored. A site is served by one active agent at most, so that a job
 * has exactly one place to go.
 */
@Service
public class RegisterAgent {

    @Schema(name = "RegisterAgentCommand")
    public record Command(String name, Long customerId, List<Long> siteIds) {
    }

    /** The new agent and its token, which is never shown again. */
    public record Registered(ProbeAgent agent, String token) {
    }

    private final ProbeAgentRepository agents;
    private final AssetService assets;
    private final Clock clock;

    RegisterAgent(ProbeAgentRepository agents, AssetService assets, Clock clock) {
        this.agents = agents;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public Registered register(Command c) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        String name = c.name() == null ? "" : c.name().strip();
        if (name.isEmpty() || name.length() > 60 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new BadRequestException.FieldError("name", "1 to 60 characters without control characters"));
        }
        if (c.customerId() == null || assets.customers().stream().noneMatch(x -> x.getId().equals(c.customerId()))) {
            errors.add(new BadRequestException.FieldError("customerId", "unknown customer " + c.customerId()));
        }
        if (c.siteIds() == null || c.siteIds().isEmpty() || c.siteIds().stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new BadRequestException.FieldError("siteIds", "at least one site of the customer"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Set<Long> sites = new LinkedHashSet<>(c.siteIds());
        for (Long siteId : sites) {
            Site site = assets.requireSite(siteId, "siteIds");
            if (!site.getCustomer().getId().equals(c.customerId())) {
                throw new BadRequestException("siteIds", "site " + siteId + " belongs to another customer");
            }
        }
        for (ProbeAgent other : agents.findByRevokedAtIsNull()) {
            for (Long siteId : sites) {
                if (other.getSiteIds().contains(siteId)) {
                    throw ConflictException.of("siteHasAgent", Map.of("site", siteId, "agent", other.getName()));
                }
            }
        }
        String token = AgentTokens.newToken();
        ProbeAgent agent = agents.save(new ProbeAgent(name, c.customerId(), sites, AgentTokens.sha256(token),
                CurrentUser.username(), clock.instant()));
        return new Registered(agent, token);
    }
}
