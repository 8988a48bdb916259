package com.aftercare.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of an SLA policy. Editing a policy adds a version; tickets keep the version they were opened under. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false, updatable = false)
    private int version;
    @Column(nullable = false, updatable = false)
    private String name;
    /** The PolicyDefinition as JSON; never changed once written. */
    @Column(nullable = false, updatable = false)
    private String definition;
    @Column(name = "current_version", nullable = false)
    private boolean currentVersion;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected SlaPolicy() {
    }

    SlaPolicy(String code, int version, String name, String definition, Instant createdAt, String createdBy) {
        this.code = code;
        this.version = version;
        this.name = name;
        this.definition = definition;
        this.currentVersion = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void supersede() {
        currentVersion = false;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public int getVersion() { return version; }
    public String getName() { return name; }
    public String getDefinition() { return definition; }
    public boolean isCurrentVersion() { return currentVersion; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
