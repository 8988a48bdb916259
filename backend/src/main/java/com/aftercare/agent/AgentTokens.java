package com.aftercare.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Agent tokens: 32 random bytes (256 bits) in URL-safe Base64 with a recognisable prefix, stored only as their
 * SHA-256. A plain hash rather than a password hash (bcrypt): the token is random and long, so there is nothing
 * to guess by trying candidates, and every poll must be checked cheaply.
 */
final class AgentTokens {

    static final String PREFIX = "acpa_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgentTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
