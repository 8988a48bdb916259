package com.aftercare.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What an Idempotency-Key is bound to: the caller and the request as read (not the raw bytes), so a
 * retry that orders its keys or spaces its JSON differently is still the same request, and a
 * different request, or someone else, reusing the key is not.
 */
public final class RequestFingerprint {

    /**
     * Own mapper: the fingerprint must not change when the API's JSON settings do. Records keep their
     * component order; maps are written in key order, so a form's values hash alike however they were sent.
     */
    private static final ObjectMapper CANONICAL = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RequestFingerprint() {
    }

    /** SHA-256 (hex) of the caller and the request read as JSON. */
    public static String of(String caller, Object request) {
        try {
            String canonical = caller + "\n" + CANONICAL.writeValueAsString(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a request", e);
        }
    }
}
