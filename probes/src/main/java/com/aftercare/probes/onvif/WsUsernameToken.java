package com.aftercare.probes.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The WS-Security UsernameToken with PasswordDigest that ONVIF devices require (ONVIF Core 5.12,
 * OASIS UsernameToken Profile 1.0): Base64(SHA-1(nonce + created + password)), so the password itself
 * never travels. Created is the device's clock, not ours: devices refuse tokens too far from their time.
 */
final class WsUsernameToken {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String PASSWORD_DIGEST =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    static final String BASE64_BINARY =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WsUsernameToken() {
    }

    /** The wsse:Security header element for one request. */
    static String header(String username, String password, Instant deviceNow) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = deviceNow.truncatedTo(ChronoUnit.SECONDS).toString();
        return "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\">"
                + "<wsse:UsernameToken><wsse:Username>" + Soap.escape(username) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + PASSWORD_DIGEST + "\">" + digest(nonce, created, password) + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"" + BASE64_BINARY + "\">" + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
                + "<wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update((password == null ? "" : password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
