package com.aftercare.emailintake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * aftercare.mail-intake.*: the IMAP mailbox taken in as a channel (IN-1, README "E-mail intake", docs/adr/0036).
 *
 * @param enabled        poll the mailbox on this node (off by default, and in the demo)
 * @param host           IMAP server
 * @param port           IMAP port (993 with ssl, 143 without)
 * @param ssl            IMAP over TLS (imaps)
 * @param username       mailbox user
 * @param password       mailbox password; give it as AFTERCARE_MAIL_INTAKE_PASSWORD, never in a file under version control
 * @param folder         the folder new mail arrives in
 * @param pollIntervalMs pause between two polls
 * @param timeout        connect and read timeout of the IMAP connection
 * @param triageSiteId   the site where mail from an unknown sender opens a case for the desk to triage (an internal
 *                       "to be sorted" site of your own unit); unset: such mail is only logged
 * @param address        the mailbox's own address, if it differs from the user name (mail from it is a loop)
 */
@ConfigurationProperties("aftercare.mail-intake")
public record MailIntakeProperties(
        @DefaultValue("false") boolean enabled,
        String host,
        @DefaultValue("993") int port,
        @DefaultValue("true") boolean ssl,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("60000") long pollIntervalMs,
        @DefaultValue("20s") Duration timeout,
        Long triageSiteId,
        String address) {

    public MailIntakeProperties {
        if (enabled && (host == null || host.isBlank())) {
            throw new IllegalArgumentException("aftercare.mail-intake.host must be set when the mail intake is enabled");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("aftercare.mail-intake.port must be 1-65535");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("aftercare.mail-intake.timeout must be positive");
        }
    }

    /** The same mailbox with another server and folder (tests point it at their own IMAP server). */
    MailIntakeProperties at(String host, int port, boolean ssl, String username, String password, Long triageSiteId) {
        return new MailIntakeProperties(true, host, port, ssl, username, password, folder, pollIntervalMs, timeout, triageSiteId, address);
    }
}
