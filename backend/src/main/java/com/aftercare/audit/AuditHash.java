package com.aftercare.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit entry: SHA-256 over a canonical serialization of every stored field and the
 * previous entry's hash. Each field is written, in the order below, as the 4-byte big-endian length
 * of its UTF-8 bytes followed by those bytes, or the length -1 for null; numbers and the time (epoch
 * milliseconds) as decimal text. Length prefixes make the encoding unambiguous (no separator a value
 * could contain). The writer and the verifier both call this, so they cannot disagree.
 */
final class AuditHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /** The fields of an entry as stored, in hashing order. */
    record Fields(long seq, Instant occurredAt, String actor, String entityType, String entityId, String action, String changes,
            Long customerId, Long ticketId, String prevHash) {
    }

    static String of(Fields f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (f.changes() == null ? 0 : f.changes().length()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, "aftercare-audit-v1");
            field(out, Long.toString(f.seq()));
            field(out, Long.toString(f.occurredAt().toEpochMilli()));
            field(out, f.actor());
            field(out, f.entityType());
            field(out, f.entityId());
            field(out, f.action());
            field(out, f.changes());
            field(out, f.customerId() == null ? null : f.customerId().toString());
            field(out, f.ticketId() == null ? null : f.ticketId().toString());
            field(out, f.prevHash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256(bytes.toByteArray());
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
