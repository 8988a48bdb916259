package com.aftercare.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What an Idempotency-Key is bound to: the caller and the report as read (not the raw bytes), so a
 * retry that orders its keys or spaces its JSON differently is still the same request, and a
 * different report, or someone else, reusing the key is not.
 */
final class ReportFingerprint {

    /** Own mapper: the fingerprint must not change when the API's JSON settings do. Records keep their component order. */
    private static final ObjectMapper CANONICAL = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReportFingerprint() {
    }

    static String of(String caller, NewTicket report) {
        try {
            String canonical = caller + "\n" + CANONICAL.writeValueAsString(report);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a fault report", e);
        }
    }
}
