package com.aftercare.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.attachment.AttachmentView;
import com.aftercare.attachment.ListAttachments;
import com.aftercare.attachment.SendAttachmentsWithMessage;
import com.aftercare.attachment.Visibility;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.UnprocessableException;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.CurrentUser;
import com.aftercare.notify.CaseEventMessage;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.Recipient;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;

/**
 * Posts a message to a case's conversation: an INTERNAL note among staff (the default for staff) or a PUBLIC
 * reply the customer sees (always, for a customer's user). Files uploaded before are sent with it and take its
 * visibility. Each mentioned colleague (a staff user name) gets an in-app notification; an unknown name is 400.
 * The same Idempotency-Key with the same message from the same caller answers the first one again.
 */
@Service
@Validated
public class PostMessage {

    static final int EXCERPT = 80;

    private final ConversationMessageRepository messages;
    private final SendAttachmentsWithMessage attachments;
    private final ListAttachments listAttachments;
    private final FindTicket tickets;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final Clock clock;

    PostMessage(ConversationMessageRepository messages, SendAttachmentsWithMessage attachments, ListAttachments listAttachments,
            FindTicket tickets,
            AccountService accounts, NotificationService notifications, Clock clock) {
        this.messages = messages;
        this.attachments = attachments;
        this.listAttachments = listAttachments;
        this.tickets = tickets;
        this.accounts = accounts;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The message, and whether this request wrote it (false: a retry answered with the first one). */
    public record Posted(MessageView message, boolean isNew) {
    }

    @Transactional
    public Posted post(long ticketId, @Valid NewMessage request, String idempotencyKey) {
        Ticket ticket = tickets.getVisible(ticketId);
        boolean customer = CurrentUser.isCustomer();
        String user = CurrentUser.username();
        String fingerprint = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
                throw new BadRequestException("Idempotency-Key", "must be 1 to 100 characters");
            }
            fingerprint = fingerprint(user, ticketId, request);
            Optional<ConversationMessage> earlier = messages.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                if (!fingerprint.equals(earlier.get().getIdempotencyFingerprint())) {
                    throw new UnprocessableException("Idempotency-Key",
                            "already used for a different message or by another caller; send a new key for a new message");
                }
                Long earlierId = earlier.get().getId();
                return new Posted(ReadConversation.view(earlier.get(), listAttachments.ofMessages(List.of(earlierId))
                        .getOrDefault(earlierId, List.of())), false);
            }
        }
        String body = request.body() == null || request.body().isBlank() ? null : request.body().strip();
        List<Long> attachmentIds = request.attachmentIds() == null ? List.of() : request.attachmentIds();
        if (body == null && attachmentIds.isEmpty()) {
            throw new BadRequestException("body", "must not be blank unless files are sent");
        }
        if (customer && request.visibility() == Visibility.INTERNAL) {
            throw new BadRequestException("visibility", "a customer's message is always PUBLIC");
        }
        Visibility visibility = customer ? Visibility.PUBLIC : request.visibility() == null ? Visibility.INTERNAL : request.visibility();
        List<AppUser> mentioned = mentioned(request.mentions(), customer);
        attachments.check(ticketId, attachmentIds);

        String authorName = accounts.find(user).map(AppUser::getDisplayName).orElse(user);
        ConversationMessage saved = messages.saveAndFlush(new ConversationMessage(ticketId, body, visibility, user, authorName, customer,
                mentioned.stream().map(AppUser::getUsername).toList(), clock.instant(), idempotencyKey, fingerprint));
        List<AttachmentView> files = attachments.send(ticketId, saved.getId(), visibility, attachmentIds);
        List<Recipient> told = mentioned.stream().filter(u -> !u.getUsername().equals(user))
                .map(u -> new Recipient(u.getUsername(), u.getDisplayName(), null, null)).toList();
        if (!told.isEmpty()) {
            String excerpt = body == null ? files.stream().map(AttachmentView::fileName).reduce((a, b) -> a + ", " + b).orElse("")
                    : body.length() > EXCERPT ? body.substring(0, EXCERPT) + "…" : body;
            notifications.send(new CaseEventMessage(ticketId, new CaseEvent.Mentioned(ticket.getNumber(), authorName, excerpt),
                    Locale.SIMPLIFIED_CHINESE, clock.getZone(), told, null));
        }
        return new Posted(ReadConversation.view(saved, files), true);
    }

    /** The staff users named; 400 naming {@code mentions} for a name that is not one (customers mention nobody). */
    private List<AppUser> mentioned(List<String> names, boolean customer) {
        List<AppUser> found = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            return found;
        }
        if (customer) {
            throw new BadRequestException("mentions", "only the service's staff mention colleagues");
        }
        for (String raw : new LinkedHashSet<>(names)) {
            String name = raw == null ? "" : raw.strip().replaceFirst("^@", "");
            AppUser u = accounts.find(name).filter(ListMentionableUsers::isStaff).orElse(null);
            if (u == null) {
                throw new BadRequestException("mentions", "unknown colleague @" + name);
            }
            found.add(u);
        }
        return found;
    }

    private static String fingerprint(String user, long ticketId, NewMessage request) {
        String canonical = user + "\n" + ticketId + "\n" + request.visibility() + "\n" + request.body() + "\n" + request.attachmentIds()
                + "\n" + request.mentions();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
