package com.aftercare.probe.policy;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.aftercare.asset.DeviceType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What verification asks of one device type, as the process owner set it. A type without a row uses the
 * shipped default ({@link PolicyRules#DEFAULTS}). Every change is in the audit trail (table verification_policy)
 * and counts up version.
 */
@Entity
@Table(name = "verification_policy")
public class VerificationPolicy {

    /** Its own mapper: a change to how the API writes JSON must not change stored policies. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "device_type")
    private DeviceType deviceType;
    private String checks;
    private int version;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected VerificationPolicy() {
    }

    VerificationPolicy(DeviceType deviceType) {
        this.deviceType = deviceType;
    }

    void change(List<PolicyCheck> newChecks, String by, Instant at) {
        try {
            this.checks = JSON.writeValueAsString(newChecks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a policy", e);
        }
        this.version++;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public List<PolicyCheck> checks() {
        try {
            return JSON.readValue(checks, new TypeReference<List<PolicyCheck>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("verification policy of " + deviceType + " cannot be read", e);
        }
    }

    public DeviceType getDeviceType() { return deviceType; }
    public int getVersion() { return version; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
}
