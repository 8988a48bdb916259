package com.aftercare.alarm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's monitoring system, known by the SHA-256 of its API key (the key itself is never stored). */
@Entity
@Table(name = "monitoring_source")
public class MonitoringSource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "triage_site_id")
    private Long triageSiteId;
    private String name;
    @Enumerated(EnumType.STRING)
    private SourceKind kind;
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "key_prefix")
    private String keyPrefix;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    /** When its requests were last refused for the limit a minute (at most a minute late); null: never. */
    @Column(name = "last_refused_at")
    private Instant lastRefusedAt;

    protected MonitoringSource() {
    }

    MonitoringSource(Long customerId, Long triageSiteId, String name, SourceKind kind, String keyHash, String keyPrefix,
            Instant createdAt, String createdBy) {
        this.customerId = customerId;
        this.triageSiteId = triageSiteId;
        this.name = name;
        this.kind = kind;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public Long getTriageSiteId() { return triageSiteId; }
    public String getName() { return name; }
    public SourceKind getKind() { return kind; }
    public String getKeyPrefix() { return keyPrefix; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getRevokedAt() { return revokedAt; }

    public Instant getLastRefusedAt() {
        return lastRefusedAt;
    }
    String getKeyHash() { return keyHash; }
}
