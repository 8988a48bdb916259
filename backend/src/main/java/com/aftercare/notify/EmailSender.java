package com.aftercare.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one plain-text UTF-8 mail through the JavaMailSender Spring Boot configures from
 * spring.mail.*. Without spring.mail.host there is no mail sender and e-mail is SKIPPED, so a
 * server without SMTP does not retry mails for ever.
 */
@Component
class EmailSender {

    static final String NO_SMTP = "no SMTP server configured";

    private final JavaMailSender mailSender;
    private final String from;
    private final Clock clock;

    @Autowired
    EmailSender(ObjectProvider<JavaMailSender> mailSender, NotifyProperties properties, Clock clock) {
        this(mailSender.getIfAvailable(), properties.mailFrom(), properties.httpTimeout(), clock);
    }

    /** @param mailSender null when no SMTP server is configured */
    EmailSender(JavaMailSender mailSender, String from, Duration timeout, Clock clock) {
        this.mailSender = mailSender;
        this.from = from;
        this.clock = clock;
        if (mailSender instanceof JavaMailSenderImpl impl) {
            // Jakarta Mail waits for ever by default; a hung SMTP server must not hold the worker.
            // spring.mail.properties.mail.smtp.* still win where they are set.
            Properties props = impl.getJavaMailProperties();
            String millis = String.valueOf(timeout.toMillis());
            props.putIfAbsent("mail.smtp.connectiontimeout", millis);
            props.putIfAbsent("mail.smtp.timeout", millis);
            props.putIfAbsent("mail.smtp.writetimeout", millis);
        }
    }

    SendResult send(String to, String subject, String body) {
        return send(to, subject, body, null);
    }

    /**
     * @param messageId the Message-ID the mail carries ({@link MailMessageIds}), null for one Jakarta Mail makes up.
     *                  Spring's JavaMailSenderImpl keeps an explicitly set Message-ID through saveChanges().
     */
    SendResult send(String to, String subject, String body, String messageId) {
        return send(to, subject, body, messageId, java.util.List.of());
    }

    /** @param files attached after the text (multipart/mixed); an empty list sends a plain text mail */
    SendResult send(String to, String subject, String body, String messageId, java.util.List<MailAttachments.File> files) {
        if (mailSender == null) {
            return SendResult.skipped(NO_SMTP);
        }
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(to, true);
        } catch (AddressException e) {
            return SendResult.failedForGood("not a valid e-mail address: " + to);
        }
        try {
            MimeMessage mail = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mail, !files.isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body, false);
            helper.setSentDate(Date.from(clock.instant()));
            for (MailAttachments.File file : files) {
                helper.addAttachment(file.fileName(), new org.springframework.core.io.ByteArrayResource(file.bytes()),
                        file.contentType());
            }
            // RFC 3834: a notification is machine-made; auto-responders must not answer it, and our own mailbox
            // intake recognises it (X-Loop, Message-ID) should it come back
            mail.setHeader("Auto-Submitted", "auto-generated");
            mail.setHeader("X-Loop", from);
            if (messageId != null) {
                mail.setHeader("Message-ID", messageId);
            }
            mailSender.send(mail);
            return SendResult.sent();
        } catch (MessagingException | MailException e) {
            return SendResult.failed(SendResult.describe(e));
        }
    }
}
