package com.aftercare.attachment;

import java.time.Instant;

/** A file on a case as the API shows it; {@code size} in bytes as stored, width and height for images. */
public record AttachmentView(Long id, Long ticketId, String fileName, String contentType, long size, AttachmentKind kind,
        Visibility visibility, Integer width, Integer height, boolean hasThumbnail, String uploadedBy, String uploadedByName,
        Instant uploadedAt) {
}
