package com.aftercare.inspection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.aftercare.common.ConflictException;

/**
 * PM-5: a device's record confirmed as it stands, or what was found on site (model, serial number, location, IP address,
 * out of service): then a proposal the asset keeper approves (applied to the device) or rejects, once. The version makes
 * two decisions at once one decision and a 409.
 */
@Entity
@Table(name = "inspection_asset_check")
public class AssetCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inspection_id")
    private Long inspectionId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "device_id")
    private Long deviceId;
    private boolean confirmed;
    private String model;
    @Column(name = "serial_number")
    private String serialNumber;
    private String location;
    @Column(name = "ip_address")
    private String ipAddress;
    @Column(name = "out_of_service")
    private Boolean outOfService;
    @Enumerated(EnumType.STRING)
    private AssetDecision decision;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;
    @Version
    private long version;
    @Column(name = "checked_by")
    private String checkedBy;
    @Column(name = "checked_at")
    private Instant checkedAt;

    protected AssetCheck() {
    }

    AssetCheck(Long inspectionId, Long customerId, Long deviceId) {
        this.inspectionId = inspectionId;
        this.customerId = customerId;
        this.deviceId = deviceId;
    }

    void record(boolean confirmed, String model, String serialNumber, String location, String ipAddress,
            Boolean outOfService, String deviceName, String by, Instant at) {
        if (decision != null && decision != AssetDecision.PROPOSED) {
            throw ConflictException.of("assetCorrectionDecided", java.util.Map.of("device", deviceName));
        }
        this.confirmed = confirmed;
        this.model = model;
        this.serialNumber = serialNumber;
        this.location = location;
        this.ipAddress = ipAddress;
        this.outOfService = outOfService;
        this.decision = confirmed ? null : AssetDecision.PROPOSED;
        this.checkedBy = by;
        this.checkedAt = at;
    }

    /** The asset keeper's decision on a proposal; a second one (or one on a confirmed record) is a 409. */
    void decide(boolean approve, String note, String deviceName, String by, Instant at) {
        if (decision != AssetDecision.PROPOSED) {
            throw ConflictException.of("assetCorrectionDecided", java.util.Map.of("device", deviceName));
        }
        this.decision = approve ? AssetDecision.APPROVED : AssetDecision.REJECTED;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public Long getInspectionId() { return inspectionId; }
    public Long getDeviceId() { return deviceId; }
    public String getIpAddress() { return ipAddress; }
    public Boolean getOutOfService() { return outOfService; }
    public AssetDecision getDecision() { return decision; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionNote() { return decisionNote; }
    public long getVersion() { return version; }
    public boolean isConfirmed() { return confirmed; }
    public String getModel() { return model; }
    public String getSerialNumber() { return serialNumber; }
    public String getLocation() { return location; }
    public String getCheckedBy() { return checkedBy; }
    public Instant getCheckedAt() { return checkedAt; }
}
