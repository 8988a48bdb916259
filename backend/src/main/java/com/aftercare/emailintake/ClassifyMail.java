package com.aftercare.emailintake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.aftercare.notify.MailMessageIds;

/**
 * Machine mail the intake must not answer with a case (RFC 3834 and what mail servers really send): our own mail
 * come back (a loop), bounces, auto-replies and bulk mail. The order matters only for the reason recorded.
 */
final class ClassifyMail {

    private static final Pattern OUT_OF_OFFICE = Pattern.compile(
            "^(auto:|automatic reply|auto[- ]?reply|autoresponse|out of (the )?office|abwesenheit|自动回复|自动答复|自動回覆|休假|不在办公室).*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "^(undeliverable|undelivered mail|delivery status notification|mail delivery failed|returned mail|failure notice|退信|系统退信|邮件投递失败|未送达).*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon");

    private ClassifyMail() {
    }

    /**
     * @param own       our own addresses, lower case (the notification From, the mailbox's address)
     * @param ourDomain the domain of our notification Message-IDs
     */
    static Optional<DropReason> dropReason(IncomingMail mail, Set<String> own, String ourDomain) {
        String xLoop = mail.headers().getOrDefault("x-loop", "").toLowerCase(Locale.ROOT);
        if ((mail.fromAddress() != null && own.contains(mail.fromAddress())) || MailMessageIds.isOurs(mail.messageId(), ourDomain)
                || own.stream().anyMatch(a -> !xLoop.isEmpty() && xLoop.contains(a))) {
            return Optional.of(DropReason.LOOP);
        }
        String local = mail.fromAddress() == null ? "" : mail.fromAddress().substring(0, Math.max(0, mail.fromAddress().indexOf('@')));
        String returnPath = mail.headers().getOrDefault("return-path", "x").replaceAll("\\s", "");
        if (mail.fromAddress() == null || DAEMONS.contains(local) || mail.report() || returnPath.equals("<>")
                || mail.headers().containsKey("x-failed-recipients") || BOUNCE_SUBJECT.matcher(mail.subject()).matches()) {
            return Optional.of(DropReason.BOUNCE);
        }
        String autoSubmitted = mail.headers().getOrDefault("auto-submitted", "no").strip().toLowerCase(Locale.ROOT);
        String precedence = mail.headers().getOrDefault("precedence", "").strip().toLowerCase(Locale.ROOT);
        if (!autoSubmitted.startsWith("no") || mail.headers().containsKey("x-autoreply") || mail.headers().containsKey("x-autorespond")
                || mail.headers().containsKey("x-autoresponder") || precedence.equals("auto_reply")
                || OUT_OF_OFFICE.matcher(mail.subject()).matches()) {
            return Optional.of(DropReason.AUTO_REPLY);
        }
        if (precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list")) {
            return Optional.of(DropReason.BULK);
        }
        return Optional.empty();
    }
}
