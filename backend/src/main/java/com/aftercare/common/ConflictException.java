package com.aftercare.common;

import java.util.Map;

/**
 * The request is well-formed but clashes with the current state (task already completed, claimed by someone else).
 * Built with {@link #of}: the reason is a label under {@code problem.} in the shared labels bundle, so the answer
 * reads in the caller's language (Accept-Language, Chinese by default) instead of English reaching a Chinese desk.
 * The plain-text constructor remains for messages not yet given a label; the page words those itself.
 */
public class ConflictException extends RuntimeException {

    private final String reason;
    private final Map<String, ?> args;

    public ConflictException(String message) {
        super(message);
        this.reason = null;
        this.args = Map.of();
    }

    private ConflictException(String reason, Map<String, ?> args) {
        super("problem." + reason + " " + args);
        this.reason = reason;
        this.args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    /** A conflict worded by the label {@code problem.<reason>}, its {{placeholders}} filled from args. */
    public static ConflictException of(String reason, Map<String, ?> args) {
        return new ConflictException(reason, args);
    }

    public static ConflictException of(String reason) {
        return new ConflictException(reason, Map.of());
    }

    /** The label key under {@code problem.}, or null for a plain-text conflict. */
    public String reason() {
        return reason;
    }

    public Map<String, ?> args() {
        return args;
    }
}
