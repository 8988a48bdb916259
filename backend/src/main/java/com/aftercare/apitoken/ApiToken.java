package com.aftercare.apitoken;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.aftercare.identity.Role;

/** An API token of a machine client, known by its SHA-256 (the token itself is never stored), active until revoked. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(name = "token_sha256")
    private String tokenSha256;
    private String tokenPrefix;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Long customerId;
    private String createdBy;
    private Instant createdAt;
    private String revokedBy;
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(String name, String tokenSha256, String tokenPrefix, Role role, Long customerId, String createdBy, Instant createdAt) {
        this.name = name;
        this.tokenSha256 = tokenSha256;
        this.tokenPrefix = tokenPrefix;
        this.role = role;
        this.customerId = customerId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTokenPrefix() { return tokenPrefix; }
    public Role getRole() { return role; }
    public Long getCustomerId() { return customerId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getRevokedBy() { return revokedBy; }
    public Instant getRevokedAt() { return revokedAt; }

    public boolean isActive() {
        return revokedAt == null;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }
}
