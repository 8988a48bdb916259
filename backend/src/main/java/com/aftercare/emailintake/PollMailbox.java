package com.aftercare.emailintake;

import java.io.IOException;
import java.time.Clock;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the intake mailbox (IMAP, Jakarta Mail): every unseen mail of the folder is taken in ({@link TakeInMail}) and
 * only then flagged \Seen, after its transaction committed; a mail whose intake failed stays unseen and is tried again
 * at the next poll. Bodies are read with BODY.PEEK (mail.imap.peek) so reading alone never marks a mail seen. A mail
 * seen twice (the flag lost in a crash, two nodes) is recognised by its Message-ID and opens nothing new.
 */
@Component
class PollMailbox {

    private static final Logger log = LoggerFactory.getLogger(PollMailbox.class);

    private final MailIntakeProperties properties;
    private final TakeInMail takeIn;
    private final MailboxStatus status;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    PollMailbox(MailIntakeProperties properties, TakeInMail takeIn, MailboxStatus status, Clock clock) {
        this.properties = properties;
        this.takeIn = takeIn;
        this.status = status;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aftercare.mail-intake.poll-interval-ms:60000}", initialDelay = 10_000)
    void scheduled() {
        if (properties.enabled()) {
            poll(properties);
        }
    }

    /** One poll of the mailbox these settings name; the number of mails taken in (dropped ones included). */
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
        Session session = Session.getInstance(props);
        int taken = 0;
        MailboxStatus.ErrorKind mailError = null;
        String mailErrorDetail = null;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : unseen) {
                    try {
                        IncomingMail mail = IncomingMail.read((MimeMessage) message);
                        TakeInMail.Handled handled = takeIn.takeIn(mail, settings);
                        message.setFlag(Flags.Flag.SEEN, true);
                        taken++;
                        log.info("Mail {} from {}: {}{}", mail.messageId(), mail.fromAddress(),
                                handled.duplicate() ? "taken in before" : handled.outcome(),
                                handled.ticketNumber() == null ? "" : " " + handled.ticketNumber());
                    } catch (MessagingException | IOException | RuntimeException e) {
                        // left unseen: the next poll tries it again
                        log.warn("Mail {} of the intake mailbox could not be taken in", message.getMessageNumber(), e);
                        mailError = MailboxStatus.ErrorKind.MAIL_FAILED;
                        mailErrorDetail = String.valueOf(e.getMessage());
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (AuthenticationFailedException e) {
            return failed(MailboxStatus.ErrorKind.SIGN_IN_FAILED, e);
        } catch (FolderNotFoundException e) {
            return failed(MailboxStatus.ErrorKind.FOLDER_NOT_FOUND, e);
        } catch (MessagingException e) {
            return failed(e.getCause() instanceof IOException ? MailboxStatus.ErrorKind.CONNECTION_FAILED : MailboxStatus.ErrorKind.OTHER, e);
        } catch (RuntimeException e) {
            return failed(MailboxStatus.ErrorKind.OTHER, e);
        }
        if (mailError != null) {
            status.failed(clock.instant(), mailError, mailErrorDetail);
        } else {
            status.polled(clock.instant(), taken);
        }
        return taken;
    }

    private int failed(MailboxStatus.ErrorKind kind, Exception e) {
        log.warn("Polling the intake mailbox failed: {}", e.toString());
        status.failed(clock.instant(), kind, e.getMessage());
        return 0;
    }
}
