package com.aftercare.common;

/**
 * Well-formed and understood, but cannot be done as asked: e.g. an Idempotency-Key already used for a
 * different request (422, as the IETF Idempotency-Key draft says). Names the offending field or header.
 */
public class UnprocessableException extends RuntimeException {

    private final String field;
    private final String reason;

    public UnprocessableException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
