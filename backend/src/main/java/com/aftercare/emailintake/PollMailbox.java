package com.aftercare.emailintake;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the intake mailbox (IMAP, Jakarta Mail). Each mail is taken in ({@link TakeInMail}) in its own transaction and
 * only after that committed is it flagged \Seen and, at the end of the poll, moved to the processed or dropped folder
 * (IMAP MOVE where the server has it, else copy, flag \Deleted and expunge). A mail whose intake failed stays where it
 * was and is tried again at the next poll. A crash between the commit and the move leaves the mail in the folder; the
 * next poll finds its Message-ID in email_intake, opens nothing and moves it then. Bodies are read with BODY.PEEK
 * (mail.imap.peek) so reading alone never marks a mail seen. With folders configured every mail of the intake folder
 * is taken, read in a mail client or not (the folder holds only mail not handled yet); without, only unseen mail.
 */
@Component
class PollMailbox {

    private static final Logger log = LoggerFactory.getLogger(PollMailbox.class);

    private final MailIntakeProperties properties;
    private final TakeInMail takeIn;
    private final MailboxStatus status;
    private final MailAccessToken tokens;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    PollMailbox(MailIntakeProperties properties, TakeInMail takeIn, MailboxStatus status, MailAccessToken tokens, Clock clock) {
        this.properties = properties;
        this.takeIn = takeIn;
        this.status = status;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aftercare.mail-intake.poll-interval-ms:60000}", initialDelay = 10_000)
    void scheduled() {
        if (properties.enabled()) {
            poll(properties);
        }
    }

    /** One poll of the mailbox these settings name; the number of mails handled (dropped ones and ones taken in before included). */
    int poll(MailIntakeProperties settings) {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            return pollOnce(settings);
        } finally {
            running.set(false);
        }
    }

    private int pollOnce(MailIntakeProperties settings) {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        String millis = String.valueOf(settings.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        props.put("mail." + protocol + ".peek", "true");
        String secret = settings.password();
        if (settings.auth() == MailIntakeProperties.Auth.XOAUTH2) {
            // SASL XOAUTH2 with the token in place of the password (Jakarta Mail's own support); no LOGIN is tried
            props.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
            props.put("mail." + protocol + ".auth.login.disable", "true");
            props.put("mail." + protocol + ".auth.plain.disable", "true");
            try {
                secret = tokens.token(settings.oauth2(), settings.timeout());
            } catch (MailAccessToken.TokenException e) {
                return failed(MailboxStatus.ErrorKind.TOKEN_FAILED, e, MailboxStatus.Counts.NONE);
            }
        }
        Session session = Session.getInstance(props);
        MailboxStatus.Counts counts = MailboxStatus.Counts.NONE;
        int handledHere = 0;
        MailboxStatus.ErrorKind mailError = null;
        String mailErrorDetail = null;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.username(), secret);
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            List<Message> processed = new ArrayList<>();
            List<Message> dropped = new ArrayList<>();
            try {
                Message[] waiting = settings.moves() ? folder.getMessages() : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : waiting) {
                    try {
                        IncomingMail mail = IncomingMail.read((MimeMessage) message);
                        TakeInMail.Handled handled = takeIn.takeIn(mail, settings);
                        // committed: from here on a second look at this mail finds its row and opens nothing
                        message.setFlag(Flags.Flag.SEEN, true);
                        (handled.outcome() == MailOutcome.DROPPED ? dropped : processed).add(message);
                        handledHere++;
                        if (!handled.duplicate()) {
                            counts = counts.with(handled.outcome());
                        }
                        log.info("Mail {} from {}: {}{}", mail.messageId(), mail.fromAddress(),
                                handled.duplicate() ? "taken in before" : handled.outcome(),
                                handled.ticketNumber() == null ? "" : " " + handled.ticketNumber());
                    } catch (MessagingException | IOException | RuntimeException e) {
                        // left where it is: the next poll tries it again
                        log.warn("Mail {} of the intake mailbox could not be taken in", message.getMessageNumber(), e);
                        counts = counts.withFailed();
                        mailError = MailboxStatus.ErrorKind.MAIL_FAILED;
                        mailErrorDetail = String.valueOf(e.getMessage());
                    }
                }
                if (settings.moves()) {
                    try {
                        counts = counts.withMoved(move(store, folder, processed, settings.processedFolder())
                                + move(store, folder, dropped, settings.droppedFolder()));
                    } catch (MessagingException e) {
                        // the mails stay, \Seen; the next poll finds them taken in and moves them then
                        log.warn("Moving handled mail out of the intake folder failed", e);
                        mailError = MailboxStatus.ErrorKind.MOVE_FAILED;
                        mailErrorDetail = String.valueOf(e.getMessage());
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (AuthenticationFailedException e) {
            return failed(MailboxStatus.ErrorKind.SIGN_IN_FAILED, e, counts);
        } catch (FolderNotFoundException e) {
            return failed(MailboxStatus.ErrorKind.FOLDER_NOT_FOUND, e, counts);
        } catch (MessagingException e) {
            return failed(e.getCause() instanceof IOException ? MailboxStatus.ErrorKind.CONNECTION_FAILED : MailboxStatus.ErrorKind.OTHER, e,
                    counts);
        } catch (RuntimeException e) {
            return failed(MailboxStatus.ErrorKind.OTHER, e, counts);
        }
        if (mailError != null) {
            status.failed(clock.instant(), mailError, mailErrorDetail, counts);
        } else {
            status.polled(clock.instant(), counts);
        }
        return handledHere;
    }

    /** Moves the mails to the folder (created if missing); the number moved. */
    private static int move(Store store, Folder from, List<Message> messages, String path) throws MessagingException {
        if (messages.isEmpty()) {
            return 0;
        }
        Folder target = store.getFolder(path.replace('/', store.getDefaultFolder().getSeparator()));
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("folder " + path + " could not be created");
        }
        Message[] batch = messages.toArray(Message[]::new);
        if (store instanceof IMAPStore imap && imap.hasCapability("MOVE") && from instanceof IMAPFolder folder) {
            folder.moveMessages(batch, target); // RFC 6851: atomic, nothing left behind
        } else {
            from.copyMessages(batch, target);
            from.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
            if (store instanceof IMAPStore imap && imap.hasCapability("UIDPLUS") && from instanceof IMAPFolder folder) {
                folder.expunge(batch); // UID EXPUNGE: only these, not what someone else flagged \Deleted
            } else {
                from.expunge();
            }
        }
        return batch.length;
    }

    private int failed(MailboxStatus.ErrorKind kind, Exception e, MailboxStatus.Counts counts) {
        log.warn("Polling the intake mailbox failed: {}", e.toString());
        status.failed(clock.instant(), kind, e.getMessage(), counts);
        return 0;
    }
}
