package com.aftercare.configbackup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One configuration backup of a device (RP-3): what was kept, its fingerprint, who brought it and why. Never changed. */
@Entity
@Table(name = "device_config_backup")
class ConfigBackup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "device_id")
    private long deviceId;
    @Column(name = "customer_id")
    private long customerId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    private String note;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    /** What explains a configuration that differs from the one before: a change (CHG-…) or a case (INC-…). */
    @Column(name = "explained_by")
    private String explainedBy;
    /** Nothing explained it: the security incident reported for it. */
    @Column(name = "security_incident_id")
    private Long securityIncidentId;

    protected ConfigBackup() {
    }

    ConfigBackup(long deviceId, long customerId, String fileName, String contentType, long sizeBytes, String sha256, String note,
            String uploadedBy, Instant uploadedAt) {
        this.deviceId = deviceId;
        this.customerId = customerId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.note = note;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getId() { return id; }
    long getDeviceId() { return deviceId; }
    String getFileName() { return fileName; }
    String getContentType() { return contentType; }
    long getSizeBytes() { return sizeBytes; }
    String getSha256() { return sha256; }
    String getNote() { return note; }
    String getUploadedBy() { return uploadedBy; }
    Instant getUploadedAt() { return uploadedAt; }
    String getExplainedBy() { return explainedBy; }
    Long getSecurityIncidentId() { return securityIncidentId; }

    /** Set once, in the transaction that keeps the backup, before it is written. */
    void explainedBy(String number) {
        this.explainedBy = number;
    }

    void unexplained(long securityIncidentId) {
        this.securityIncidentId = securityIncidentId;
    }
}
