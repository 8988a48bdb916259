package com.aftercare.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Site;

/** The agents for the admin page: whose, which sites, and online/offline from the last heartbeat. Never the token. */
@Service
public class ListAgents {

    public enum Status { ONLINE, OFFLINE, REVOKED }

    public record SiteRef(Long id, String name) {
    }

    public record AgentView(Long id, String name, Long customerId, String customerName, List<SiteRef> sites, Status status,
            Instant lastSeenAt, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {
    }

    private final ProbeAgentRepository agents;
    private final AssetService assets;
    private final AgentLimits limits;
    private final Clock clock;

    ListAgents(ProbeAgentRepository agents, AssetService assets, AgentLimits limits, Clock clock) {
        this.agents = agents;
        this.assets = assets;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AgentView> all() {
        Map<Long, String> customers = assets.customers().stream().collect(Collectors.toMap(Customer::getId, Customer::getName));
        Map<Long, Site> sites = assets.sites().stream().collect(Collectors.toMap(Site::getId, Function.identity()));
        return agents.findAllByOrderByCreatedAtDescIdDesc().stream().map(a -> view(a, customers, sites)).toList();
    }

    @Transactional(readOnly = true)
    public AgentView one(ProbeAgent a) {
        Map<Long, String> customers = assets.customers().stream().collect(Collectors.toMap(Customer::getId, Customer::getName));
        Map<Long, Site> sites = assets.sites().stream().collect(Collectors.toMap(Site::getId, Function.identity()));
        return view(a, customers, sites);
    }

    private AgentView view(ProbeAgent a, Map<Long, String> customers, Map<Long, Site> sites) {
        Instant now = clock.instant();
        Status status = !a.isActive() ? Status.REVOKED : a.isOnline(now, limits.offlineAfter) ? Status.ONLINE : Status.OFFLINE;
        List<SiteRef> served = a.getSiteIds().stream().map(id -> new SiteRef(id, sites.containsKey(id) ? sites.get(id).getName() : null))
                .sorted(Comparator.comparing(SiteRef::id)).toList();
        return new AgentView(a.getId(), a.getName(), a.getCustomerId(), customers.get(a.getCustomerId()), served, status,
                a.getLastSeenAt(), a.getCreatedAt(), a.getCreatedBy(), a.getRevokedAt(), a.getRevokedBy());
    }
}
