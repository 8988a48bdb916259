package com.aftercare.idempotency;

import com.aftercare.common.BadRequestException;

/** The rules an Idempotency-Key header keeps, wherever it is accepted. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    /** Null (no header) passes; anything else must be 1 to 100 characters (a header, so Bean Validation cannot name it). */
    public static void check(String key) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new BadRequestException(HEADER, "must be 1 to 100 characters");
        }
    }
}
