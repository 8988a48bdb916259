package com.aftercare.attachment;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.UnprocessableException;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

/**
 * Puts a file on a case. Size first (413), then the real type from the bytes (415), then the image is
 * shrunk and thumbnailed; only then is anything written, in one transaction with its audit entry, so a
 * refused upload leaves nothing behind. A customer's user uploads only to their own unit's tickets and
 * always PUBLIC. The same Idempotency-Key with the same file from the same caller answers the first
 * upload again; with anything else it is 422 (the rules of POST /api/tickets).
 */
@Service
public class UploadAttachment {

    static final int MAX_NAME = 255;

    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final InspectFile inspect;
    private final FindTicket tickets;
    private final AccountService accounts;
    private final Clock clock;
    private final long maxBytes;

    UploadAttachment(AttachmentRepository attachments, AttachmentContentRepository contents, InspectFile inspect, FindTicket tickets,
            AccountService accounts, Clock clock, @Value("${aftercare.attachments.max-size:10MB}") DataSize maxSize) {
        this.attachments = attachments;
        this.contents = contents;
        this.inspect = inspect;
        this.tickets = tickets;
        this.accounts = accounts;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** An upload as received; kind and visibility null when not given. */
    public record Upload(long ticketId, String fileName, byte[] bytes, AttachmentKind kind, Visibility visibility) {
    }

    /** The attachment, and whether this request stored it (false: a retry answered with the first one). */
    public record Uploaded(AttachmentView attachment, boolean isNew) {
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public Uploaded upload(Upload upload, String idempotencyKey) {
        tickets.getVisible(upload.ticketId()); // another unit's ticket: 404
        if (upload.bytes() == null || upload.bytes().length == 0) {
            throw new BadRequestException("file", "must be a non-empty file");
        }
        if (upload.bytes().length > maxBytes) {
            throw new FileRefusedException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "the file has " + upload.bytes().length + " bytes; at most " + maxBytes + " bytes are taken");
        }
        String fileName = cleanName(upload.fileName());
        String fingerprint = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
                throw new BadRequestException("Idempotency-Key", "must be 1 to 100 characters");
            }
            fingerprint = InspectFile.sha256((CurrentUser.username() + "\n" + upload.ticketId() + "\n" + upload.kind() + "\n"
                    + upload.visibility() + "\n" + fileName + "\n" + InspectFile.sha256(upload.bytes()))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Optional<Attachment> earlier = attachments.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                if (!fingerprint.equals(earlier.get().getIdempotencyFingerprint())) {
                    throw new UnprocessableException("Idempotency-Key",
                            "already used for a different upload or by another caller; send a new key for a new file");
                }
                return new Uploaded(earlier.get().view(), false);
            }
        }
        InspectFile.Inspected file = inspect.inspect(upload.bytes(), fileName);
        AttachmentKind kind = kindOf(upload.kind(), file);
        Visibility visibility = CurrentUser.isCustomer() ? Visibility.PUBLIC
                : upload.visibility() == null ? Visibility.INTERNAL : upload.visibility();
        String user = CurrentUser.username();
        String name = accounts.find(user).map(AppUser::getDisplayName).orElse(user);
        Attachment saved = attachments.saveAndFlush(new Attachment(upload.ticketId(), fileName, file, kind, visibility, user, name,
                clock.instant(), idempotencyKey, fingerprint));
        contents.save(new AttachmentContent(saved.getId(), file.bytes(), file.thumbnail()));
        return new Uploaded(saved.view(), true);
    }

    private static AttachmentKind kindOf(AttachmentKind asked, InspectFile.Inspected file) {
        boolean image = file.contentType().startsWith("image/");
        if (asked == null) {
            return image ? AttachmentKind.PHOTO : AttachmentKind.FILE;
        }
        if (asked == AttachmentKind.PHOTO && !image) {
            throw new BadRequestException("kind", "a photo must be an image (this file is " + file.contentType() + ")");
        }
        if (asked == AttachmentKind.SIGNATURE && !file.contentType().equals("image/png") && !file.contentType().equals("image/jpeg")) {
            throw new BadRequestException("kind", "a signature must be a PNG or JPEG image (this file is " + file.contentType() + ")");
        }
        return asked;
    }

    /** The name without any folder part or control characters, at most 255 characters; "file" when none is left. */
    static String cleanName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return name.isEmpty() ? "file" : name;
    }
}
