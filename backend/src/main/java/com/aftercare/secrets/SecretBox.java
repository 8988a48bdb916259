package com.aftercare.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets users enter (webhook URLs with their keys, the DingTalk signing secret) for
 * the database: AES-256-GCM with a random 96-bit nonce per value, stored as
 * {@code v1:base64(nonce || ciphertext+tag)}. The key is {@code aftercare.secrets.key}
 * (env AFTERCARE_SECRETS_KEY), 32 bytes in Base64.
 *
 * <p>Why no key is allowed at start-up: a server without outside channels needs none, and a
 * shipped default key would be no secret. Instead, storing a secret without a key fails with a
 * message naming the setting, and {@link EncryptStoredSecrets} refuses to start when the database
 * holds secrets it could not read.
 */
@Component
public class SecretBox {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NO_KEY = "aftercare.secrets.key (env AFTERCARE_SECRETS_KEY) is not set: it is needed to store"
            + " webhook URLs and signing secrets; generate one with `openssl rand -base64 32`";

    private final SecretKeySpec key;

    public SecretBox(@Value("${aftercare.secrets.key:}") String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            this.key = null;
            return;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aftercare.secrets.key must be 32 bytes in Base64 (openssl rand -base64 32)");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("aftercare.secrets.key must be 32 bytes in Base64, not " + raw.length + " bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public boolean hasKey() {
        return key != null;
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        if (key == null) {
            throw new IllegalStateException(NO_KEY);
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value; a legacy row written before encryption (no prefix) is returned as it is. */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException(NO_KEY);
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the value in the message; a wrong key is the usual cause
            throw new IllegalStateException("a stored secret cannot be decrypted with aftercare.secrets.key (a different key?)");
        }
    }
}
