package com.aftercare.alarm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys of monitoring sources: "ack_" and 32 random bytes (256 bits, Base64url), stored only as SHA-256. A plain
 * hash rather than a password hash is enough here because the key is random and long, not chosen by a person, and
 * it lets the filter find the source by an indexed lookup on every alarm.
 */
final class AlarmKeys {

    static final String PREFIX = "ack_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AlarmKeys() {
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What the admin list shows to tell keys apart: the first characters after the prefix. */
    static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + 6);
    }
}
