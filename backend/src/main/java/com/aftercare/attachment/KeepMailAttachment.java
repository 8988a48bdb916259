package com.aftercare.attachment;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import com.aftercare.identity.CurrentUser;

/**
 * Keeps a file that came with an e-mail as an attachment of its case (e-mail intake, issue 15), under the limits of
 * an upload (aftercare.attachments.max-size, the types of {@link InspectFile}). Runs inside the intake's transaction
 * and never throws for a refused file: a mail is taken in without the files it may not carry, and the refusal is
 * answered so the case can say so. Stored as uploaded by the calling user (the intake's "system"), ready to be sent
 * with the mail's conversation message ({@link SendAttachmentsWithMessage}).
 */
@Service
public class KeepMailAttachment {

    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final InspectFile inspect;
    private final Clock clock;
    private final long maxBytes;

    KeepMailAttachment(AttachmentRepository attachments, AttachmentContentRepository contents, InspectFile inspect, Clock clock,
            @Value("${aftercare.attachments.max-size:10MB}") DataSize maxSize) {
        this.attachments = attachments;
        this.contents = contents;
        this.inspect = inspect;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** Kept (attachment set) or refused (why, in English, for logs); fileName is the cleaned name either way. */
    public record Kept(AttachmentView attachment, String fileName, String refusal) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Kept keep(long ticketId, String rawName, byte[] bytes, Visibility visibility, String senderName) {
        String fileName = UploadAttachment.cleanName(rawName);
        if (bytes == null || bytes.length == 0) {
            return new Kept(null, fileName, "empty file");
        }
        if (bytes.length > maxBytes) {
            return new Kept(null, fileName, "the file has " + bytes.length + " bytes; at most " + maxBytes + " are taken");
        }
        InspectFile.Inspected file;
        try {
            file = inspect.inspect(bytes, fileName);
        } catch (FileRefusedException e) {
            return new Kept(null, fileName, e.getMessage());
        }
        AttachmentKind kind = file.contentType().startsWith("image/") ? AttachmentKind.PHOTO : AttachmentKind.FILE;
        Attachment saved = attachments.saveAndFlush(new Attachment(ticketId, fileName, file, kind, visibility, CurrentUser.username(),
                senderName, clock.instant(), null, null));
        contents.save(new AttachmentContent(saved.getId(), file.bytes(), file.thumbnail()));
        return new Kept(saved.view(), fileName, null);
    }
}
