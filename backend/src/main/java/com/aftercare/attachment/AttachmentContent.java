package com.aftercare.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored bytes of an attachment and its thumbnail: read only when someone opens the file (docs/adr/0016). */
@Entity
@Table(name = "attachment_content")
class AttachmentContent {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;
    private byte[] bytes;
    private byte[] thumbnail;

    protected AttachmentContent() {
    }

    AttachmentContent(Long attachmentId, byte[] bytes, byte[] thumbnail) {
        this.attachmentId = attachmentId;
        this.bytes = bytes;
        this.thumbnail = thumbnail;
    }

    byte[] getBytes() { return bytes; }
    byte[] getThumbnail() { return thumbnail; }
}
