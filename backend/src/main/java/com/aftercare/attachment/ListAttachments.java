package com.aftercare.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

/** The files of a case as the signed-in user may see them: a customer's user only PUBLIC ones of their own unit. */
@Service
public class ListAttachments {

    private final AttachmentRepository attachments;
    private final FindTicket tickets;

    ListAttachments(AttachmentRepository attachments, FindTicket tickets) {
        this.attachments = attachments;
        this.tickets = tickets;
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> ofTicket(long ticketId) {
        tickets.getVisible(ticketId);
        boolean customer = CurrentUser.isCustomer();
        return attachments.findByTicketIdOrderByUploadedAtAscIdAsc(ticketId).stream()
                .filter(a -> !customer || a.getVisibility() == Visibility.PUBLIC).map(a -> shown(a, customer)).toList();
    }

    /** The files sent with each of these messages (the caller has checked the messages may be seen), oldest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<AttachmentView>> ofMessages(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        boolean customer = CurrentUser.isCustomer();
        return attachments.findByMessageIdInOrderByIdAsc(messageIds).stream()
                .filter(a -> !customer || a.getVisibility() == Visibility.PUBLIC)
                .collect(Collectors.groupingBy(Attachment::getMessageId, Collectors.mapping(a -> shown(a, customer), Collectors.toList())));
    }

    /** A customer's user sees who uploaded by name; staff user names only their own. */
    private static AttachmentView shown(Attachment a, boolean customer) {
        AttachmentView v = a.view();
        if (!customer || v.uploadedBy().equals(CurrentUser.username())) {
            return v;
        }
        return new AttachmentView(v.id(), v.ticketId(), v.fileName(), v.contentType(), v.size(), v.kind(), v.visibility(), v.width(),
                v.height(), v.hasThumbnail(), null, v.uploadedByName(), v.uploadedAt());
    }
}
