package com.aftercare.conversation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.attachment.AttachmentView;
import com.aftercare.attachment.SendAttachmentsWithMessage;
import com.aftercare.attachment.Visibility;

/**
 * Puts a mail taken in by the e-mail intake (issue 15) into its case's conversation, with the files kept from it.
 * The caller decides who it is from: a customer's user of the case's unit writes a PUBLIC message under their own
 * name; anyone else (an address we cannot tie to the case's unit) an INTERNAL note the desk reads first, so a stranger
 * who writes a case number into a subject cannot speak to the customer in our name.
 */
@Service
public class RecordMailMessage {

    static final int MAX_BODY = 4000;

    private final ConversationMessageRepository messages;
    private final SendAttachmentsWithMessage attachments;
    private final Clock clock;

    RecordMailMessage(ConversationMessageRepository messages, SendAttachmentsWithMessage attachments, Clock clock) {
        this.messages = messages;
        this.attachments = attachments;
        this.clock = clock;
    }

    /**
     * @param author        the customer user's name, or the intake's own user for a note
     * @param attachmentIds files kept from the mail (uploaded by the calling user)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MessageView record(long ticketId, String body, Visibility visibility, String author, String authorName, boolean authorIsCustomer,
            List<Long> attachmentIds) {
        String text = body == null || body.isBlank() ? null : body.strip();
        if (text != null && text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY - 1) + "…";
        }
        if (text == null && attachmentIds.isEmpty()) {
            text = "-";
        }
        String name = authorName != null && authorName.length() > 200 ? authorName.substring(0, 200) : authorName;
        ConversationMessage saved = messages.saveAndFlush(new ConversationMessage(ticketId, text, visibility, author, name,
                authorIsCustomer, List.of(), clock.instant(), null, null));
        List<AttachmentView> files = attachments.send(ticketId, saved.getId(), visibility, attachmentIds);
        return ReadConversation.view(saved, files);
    }
}
