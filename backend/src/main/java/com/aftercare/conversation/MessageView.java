package com.aftercare.conversation;

import java.time.Instant;
import java.util.List;

import com.aftercare.attachment.AttachmentView;
import com.aftercare.attachment.Visibility;

/** A conversation message as the API shows it, with the files sent with it. body is null for files only. */
public record MessageView(Long id, String body, Visibility visibility, String author, String authorName, boolean authorIsCustomer,
        Instant createdAt, List<String> mentions, List<AttachmentView> attachments) {
}
