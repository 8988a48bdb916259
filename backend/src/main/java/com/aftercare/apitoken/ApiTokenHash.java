package com.aftercare.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import com.aftercare.identity.MachineTokens;

/**
 * API tokens: "act_" and 32 random bytes (256 bits) in URL-safe Base64, stored only as their SHA-256. A fast hash
 * rather than a password hash (bcrypt) because the token is random and long, not chosen by a person: there is no
 * dictionary to try, and 2^256 candidates are out of reach however fast each one is; bcrypt would cost every request
 * of a monitoring system ~100 ms of CPU for nothing (ADR 0048).
 */
final class ApiTokenHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenHash() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return MachineTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What the list shows to tell tokens apart: the prefix and the first few characters, never enough to use. */
    static String displayPrefix(String token) {
        return token.substring(0, MachineTokens.PREFIX.length() + 6);
    }
}
