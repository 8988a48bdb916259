package com.aftercare.warranty;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A replaced part handed back to the owner (FW-5): what, to whom, when, their signature, and who recorded it. */
@Entity
@Table(name = "part_handover")
class PartHandover {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long ticketId;
    private String part;
    private String handedTo;
    private Instant handedAt;
    private String recordedBy;
    private Instant recordedAt;
    /** The owner's representative's drawn signature (a SIGNATURE attachment of the case); null on older records. */
    private Long signatureAttachmentId;

    protected PartHandover() {
    }

    PartHandover(long ticketId, String part, String handedTo, Instant handedAt, String recordedBy, Instant recordedAt,
            Long signatureAttachmentId) {
        this.ticketId = ticketId;
        this.part = part;
        this.handedTo = handedTo;
        this.handedAt = handedAt;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.signatureAttachmentId = signatureAttachmentId;
    }

    Long getId() { return id; }
    String getPart() { return part; }
    String getHandedTo() { return handedTo; }
    Instant getHandedAt() { return handedAt; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
    Long getSignatureAttachmentId() { return signatureAttachmentId; }
}
