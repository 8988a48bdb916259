package com.aftercare.attachment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

/**
 * The bytes of one file, or its thumbnail. A file of another ticket, of another unit's ticket, or (for a
 * customer's user) an INTERNAL one answers 404 alike: its existence is not confirmed.
 */
@Service
public class ReadAttachment {

    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final FindTicket tickets;

    ReadAttachment(AttachmentRepository attachments, AttachmentContentRepository contents, FindTicket tickets) {
        this.attachments = attachments;
        this.contents = contents;
        this.tickets = tickets;
    }

    /** What is sent: the file's name and detected type, and its bytes. */
    public record Content(String fileName, String contentType, String sha256, byte[] bytes) {
    }

    @Transactional(readOnly = true)
    public Content file(long ticketId, long attachmentId) {
        Attachment a = visible(ticketId, attachmentId);
        return new Content(a.getFileName(), a.getContentType(), a.getSha256(), stored(a).getBytes());
    }

    @Transactional(readOnly = true)
    public Content thumbnail(long ticketId, long attachmentId) {
        Attachment a = visible(ticketId, attachmentId);
        byte[] thumb = a.hasThumbnail() ? stored(a).getThumbnail() : null;
        if (thumb == null) {
            throw new NotFoundException("Attachment " + attachmentId + " has no thumbnail");
        }
        return new Content(a.getFileName(), "image/jpeg", null, thumb);
    }

    private Attachment visible(long ticketId, long attachmentId) {
        tickets.getVisible(ticketId);
        Attachment a = attachments.findById(attachmentId).orElse(null);
        if (a == null || !a.getTicketId().equals(ticketId) || (CurrentUser.isCustomer() && a.getVisibility() != Visibility.PUBLIC)) {
            throw new NotFoundException("No attachment " + attachmentId + " on ticket " + ticketId);
        }
        return a;
    }

    private AttachmentContent stored(Attachment a) {
        return contents.findById(a.getId()).orElseThrow(() -> new NotFoundException("No content for attachment " + a.getId()));
    }
}
