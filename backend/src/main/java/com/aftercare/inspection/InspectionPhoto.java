package com.aftercare.inspection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of a checklist line's photo (ADR 0082): written once, never changed, read only when the photo itself is
 * opened or printed. The line that shows it holds its id and the SHA-256 of these bytes (both audited).
 */
@Entity
@Table(name = "inspection_photo")
class InspectionPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inspection_id")
    private Long inspectionId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    private byte[] bytes;
    @Column(name = "taken_by")
    private String takenBy;
    @Column(name = "taken_at")
    private Instant takenAt;

    protected InspectionPhoto() {
    }

    InspectionPhoto(Long inspectionId, Long customerId, String contentType, byte[] bytes, String sha256, String takenBy,
            Instant takenAt) {
        this.inspectionId = inspectionId;
        this.customerId = customerId;
        this.contentType = contentType;
        this.size = bytes.length;
        this.sha256 = sha256;
        this.bytes = bytes;
        this.takenBy = takenBy;
        this.takenAt = takenAt;
    }

    Long getId() { return id; }
    Long getInspectionId() { return inspectionId; }
    String getContentType() { return contentType; }
    String getSha256() { return sha256; }
    byte[] getBytes() { return bytes; }
}
