package com.aftercare.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What is known about a file on a case: never its bytes ({@link AttachmentContent}), so lists stay light.
 * Audited (docs/adr/0007): the entry of an upload carries the SHA-256 of the stored bytes.
 */
@Entity
@Table(name = "attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "message_id")
    private Long messageId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    @Enumerated(EnumType.STRING)
    private AttachmentKind kind;
    @Enumerated(EnumType.STRING)
    private Visibility visibility;
    private Integer width;
    private Integer height;
    @Column(name = "has_thumbnail")
    private boolean hasThumbnail;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_by_name")
    private String uploadedByName;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "idempotency_fingerprint")
    private String idempotencyFingerprint;

    protected Attachment() {
    }

    Attachment(Long ticketId, String fileName, InspectFile.Inspected file, AttachmentKind kind, Visibility visibility,
            String uploadedBy, String uploadedByName, Instant uploadedAt, String idempotencyKey, String idempotencyFingerprint) {
        this.ticketId = ticketId;
        this.fileName = fileName;
        this.contentType = file.contentType();
        this.size = file.bytes().length;
        this.sha256 = file.sha256();
        this.kind = kind;
        this.visibility = visibility;
        this.width = file.width();
        this.height = file.height();
        this.hasThumbnail = file.thumbnail() != null;
        this.uploadedBy = uploadedBy;
        this.uploadedByName = uploadedByName;
        this.uploadedAt = uploadedAt;
        this.idempotencyKey = idempotencyKey;
        this.idempotencyFingerprint = idempotencyFingerprint;
    }

    /** Sent with a message: the file is now part of it and seen by whoever sees the message. */
    void sentWith(Long messageId, Visibility visibility) {
        this.messageId = messageId;
        this.visibility = visibility;
    }

    boolean isImage() {
        return contentType.startsWith("image/");
    }

    AttachmentView view() {
        return new AttachmentView(id, ticketId, fileName, contentType, size, kind, visibility, width, height, hasThumbnail,
                uploadedBy, uploadedByName, uploadedAt);
    }

    Long getId() { return id; }
    Long getTicketId() { return ticketId; }
    Long getMessageId() { return messageId; }
    String getFileName() { return fileName; }
    String getContentType() { return contentType; }
    long getSize() { return size; }
    String getSha256() { return sha256; }
    AttachmentKind getKind() { return kind; }
    Visibility getVisibility() { return visibility; }
    boolean hasThumbnail() { return hasThumbnail; }
    String getUploadedBy() { return uploadedBy; }
    Instant getUploadedAt() { return uploadedAt; }
    String getIdempotencyFingerprint() { return idempotencyFingerprint; }
}
