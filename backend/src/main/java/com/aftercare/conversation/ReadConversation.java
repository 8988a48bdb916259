package com.aftercare.conversation;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.attachment.AttachmentView;
import com.aftercare.attachment.ListAttachments;
import com.aftercare.attachment.Visibility;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

/** A case's conversation, oldest first: everything for staff, only PUBLIC messages (and files) for a customer's user. */
@Service
public class ReadConversation {

    private final ConversationMessageRepository messages;
    private final ListAttachments attachments;
    private final FindTicket tickets;

    ReadConversation(ConversationMessageRepository messages, ListAttachments attachments, FindTicket tickets) {
        this.messages = messages;
        this.attachments = attachments;
        this.tickets = tickets;
    }

    @Transactional(readOnly = true)
    public List<MessageView> of(long ticketId) {
        tickets.getVisible(ticketId);
        List<ConversationMessage> found = CurrentUser.isCustomer()
                ? messages.findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(ticketId, Visibility.PUBLIC)
                : messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId);
        Map<Long, List<AttachmentView>> files = attachments.ofMessages(found.stream().map(ConversationMessage::getId).toList());
        boolean customer = CurrentUser.isCustomer();
        return found.stream().map(m -> view(m, files.getOrDefault(m.getId(), List.of()))).map(v -> customer ? forCustomer(v) : v).toList();
    }

    /** A customer's user sees staff by their names only: no user names (who was mentioned, who wrote). */
    private static MessageView forCustomer(MessageView v) {
        return new MessageView(v.id(), v.body(), v.visibility(), v.authorIsCustomer() ? v.author() : null, v.authorName(),
                v.authorIsCustomer(), v.createdAt(), List.of(), v.attachments());
    }

    static MessageView view(ConversationMessage m, List<AttachmentView> files) {
        return new MessageView(m.getId(), m.getBody(), m.getVisibility(), m.getAuthor(), m.getAuthorName(), m.isAuthorIsCustomer(),
                m.getCreatedAt(), m.mentionList(), files);
    }
}
