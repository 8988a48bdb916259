package com.aftercare.emailintake;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * aftercare.mail-intake.*: the IMAP mailbox taken in as a channel (IN-1, README "E-mail intake", docs/adr/0036, 0043).
 *
 * @param enabled         poll the mailbox on this node (off by default, and in the demo)
 * @param host            IMAP server
 * @param port            IMAP port (993 with ssl, 143 without)
 * @param ssl             IMAP over TLS (imaps)
 * @param username        mailbox user
 * @param password        mailbox password (auth PASSWORD); give it as AFTERCARE_MAIL_INTAKE_PASSWORD, never in a file
 *                        under version control
 * @param folder          the folder new mail arrives in
 * @param pollIntervalMs  pause between two polls
 * @param timeout         connect and read timeout of the IMAP connection
 * @param triageSiteId    the site where mail from an unknown sender opens a case for the desk to triage (an internal
 *                        "to be sorted" site of your own unit); unset: such mail is only logged
 * @param address         the mailbox's own address, if it differs from the user name (mail from it is a loop)
 * @param processedFolder where a mail that opened, joined or reopened a case is moved once its case is saved (created
 *                        if missing; "/" is replaced by the server's separator); empty: mail stays in the folder,
 *                        flagged \Seen only
 * @param droppedFolder   where a dropped mail (auto-reply, bounce, loop, bulk, no triage site) is moved; empty: as
 *                        processedFolder empty
 * @param reopenWindow    a reply by the case's own unit within this time after closing reopens the case; later it
 *                        opens a new case linked to the closed one (ADR 0043)
 * @param auth            how the intake signs in: PASSWORD, or XOAUTH2 for mailboxes that refuse passwords
 * @param oauth2          the XOAUTH2 token: a configured access token, or a client-credentials token endpoint
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
        String address,
        @DefaultValue("Aftercare/Processed") String processedFolder,
        @DefaultValue("Aftercare/Dropped") String droppedFolder,
        @DefaultValue("7d") Duration reopenWindow,
        @DefaultValue("PASSWORD") Auth auth,
        @DefaultValue OAuth2 oauth2) {

    /** PASSWORD: IMAP LOGIN with the password; XOAUTH2: SASL XOAUTH2 with an OAuth2 access token (Microsoft 365, Gmail). */
    public enum Auth {
        PASSWORD, XOAUTH2
    }

    /**
     * The OAuth2 access token for XOAUTH2: either {@code accessToken} as given (renewed outside, e.g. by a secret store),
     * or fetched from {@code tokenUri} with the client-credentials grant ({@code clientId}, {@code clientSecret},
     * {@code scope}; Microsoft 365: {@code https://outlook.office365.com/.default}) and kept until shortly before it
     * expires. Give the secret as AFTERCARE_MAIL_INTAKE_OAUTH2_CLIENT_SECRET.
     */
    public record OAuth2(String accessToken, URI tokenUri, String clientId, String clientSecret, String scope) {
    }

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
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException("aftercare.mail-intake.reopen-window must not be negative");
        }
        if (oauth2 == null) {
            oauth2 = new OAuth2(null, null, null, null, null);
        }
        if (enabled && auth == Auth.XOAUTH2 && blank(oauth2.accessToken()) && oauth2.tokenUri() == null) {
            throw new IllegalArgumentException(
                    "aftercare.mail-intake.oauth2.access-token or aftercare.mail-intake.oauth2.token-uri must be set for XOAUTH2");
        }
        if (enabled && auth == Auth.XOAUTH2 && oauth2.tokenUri() != null && (blank(oauth2.clientId()) || blank(oauth2.clientSecret()))) {
            throw new IllegalArgumentException("aftercare.mail-intake.oauth2.client-id and client-secret must be set with token-uri");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether handled mail is moved out of the intake folder. */
    boolean moves() {
        return !blank(processedFolder) && !blank(droppedFolder);
    }

    /** The same mailbox with another server and folder (tests point it at their own IMAP server). */
    MailIntakeProperties at(String host, int port, boolean ssl, String username, String password, Long triageSiteId) {
        return new MailIntakeProperties(true, host, port, ssl, username, password, folder, pollIntervalMs, timeout, triageSiteId, address,
                processedFolder, droppedFolder, reopenWindow, auth, oauth2);
    }

    /** These settings with other folders to move handled mail to (empty: not moved). */
    MailIntakeProperties movingTo(String processed, String dropped) {
        return new MailIntakeProperties(enabled, host, port, ssl, username, password, folder, pollIntervalMs, timeout, triageSiteId, address,
                processed, dropped, reopenWindow, auth, oauth2);
    }

    /** These settings signing in with XOAUTH2 and this token source. */
    MailIntakeProperties withOAuth2(OAuth2 token) {
        return new MailIntakeProperties(enabled, host, port, ssl, username, null, folder, pollIntervalMs, timeout, triageSiteId, address,
                processedFolder, droppedFolder, reopenWindow, Auth.XOAUTH2, token);
    }
}
