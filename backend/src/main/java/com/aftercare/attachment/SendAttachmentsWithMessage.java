package com.aftercare.attachment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * Makes uploaded files part of a conversation message (in the message's transaction): each must be on the
 * same ticket, uploaded by the same user and not yet sent with another message. The files take the
 * message's visibility, so a public reply's files are seen by the customer and an internal note's are not.
 */
@Service
public class SendAttachmentsWithMessage {

    private final AttachmentRepository attachments;

    SendAttachmentsWithMessage(AttachmentRepository attachments) {
        this.attachments = attachments;
    }

    /** Checks the ids before the message is written; throws 400 naming {@code attachmentIds}. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public void check(long ticketId, List<Long> attachmentIds) {
        load(ticketId, attachmentIds);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<AttachmentView> send(long ticketId, long messageId, Visibility visibility, List<Long> attachmentIds) {
        List<AttachmentView> sent = new ArrayList<>();
        for (Attachment a : load(ticketId, attachmentIds)) {
            a.sentWith(messageId, visibility);
            sent.add(a.view());
        }
        return sent;
    }

    private List<Attachment> load(long ticketId, List<Long> attachmentIds) {
        List<Attachment> found = new ArrayList<>();
        String user = CurrentUser.username();
        for (Long id : new LinkedHashSet<>(attachmentIds == null ? List.<Long>of() : attachmentIds)) {
            Attachment a = id == null ? null : attachments.findById(id).orElse(null);
            if (a == null || !a.getTicketId().equals(ticketId) || !a.getUploadedBy().equals(user)) {
                throw new BadRequestException("attachmentIds", "unknown attachment " + id + " on this ticket");
            }
            if (a.getMessageId() != null) {
                throw new BadRequestException("attachmentIds", "attachment " + id + " was already sent with another message");
            }
            found.add(a);
        }
        return found;
    }
}
