package com.aftercare.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A registered probe agent of one customer: which of its sites it serves, its hashed token, when it last called. */
@Entity
@Table(name = "probe_agent")
public class ProbeAgent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private Long customerId;
    @Column(name = "token_sha256")
    private String tokenSha256;
    private String createdBy;
    private Instant createdAt;
    private String revokedBy;
    private Instant revokedAt;
    private Instant lastSeenAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "probe_agent_site", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "site_id")
    private Set<Long> siteIds = new HashSet<>();

    protected ProbeAgent() {
    }

    ProbeAgent(String name, Long customerId, Set<Long> siteIds, String tokenSha256, String createdBy, Instant createdAt) {
        this.name = name;
        this.customerId = customerId;
        this.siteIds = new HashSet<>(siteIds);
        this.tokenSha256 = tokenSha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Long getCustomerId() { return customerId; }
    public Set<Long> getSiteIds() { return Set.copyOf(siteIds); }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getRevokedBy() { return revokedBy; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Online: active and called within the last offlineAfter (it polls at least every ~25 s while it runs). */
    public boolean isOnline(Instant now, Duration offlineAfter) {
        return isActive() && lastSeenAt != null && !lastSeenAt.isBefore(now.minus(offlineAfter));
    }

    /** The worker id it locks external tasks under; results are accepted only for tasks locked under it. */
    public String workerId() {
        return "probe-agent-" + id;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }
}
