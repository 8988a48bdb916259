package com.aftercare.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input that cannot be accepted; carries the offending fields so the client can point at them. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;
    private final String reason;
    private final Map<String, ?> args;

    public BadRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public BadRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("bad request"));
        this.errors = List.copyOf(errors);
        this.reason = null;
        this.args = Map.of();
    }

    private BadRequestException(String field, String englishMessage, String reason, Map<String, ?> args) {
        super(field + ": " + englishMessage);
        this.errors = List.of(new FieldError(field, englishMessage));
        this.reason = reason;
        this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /**
     * Bad input in one field whose message is the label {@code problem.<reason>} (its {{placeholders}} filled from
     * args), so the answer reads in the caller's language like a {@link ConflictException#of}; englishMessage is
     * what the log shows.
     */
    public static BadRequestException of(String field, String reason, Map<String, ?> args, String englishMessage) {
        return new BadRequestException(field, englishMessage, reason, args);
    }

    /** The label key under {@code problem.}, or null when the message is plain text. */
    public String reason() {
        return reason;
    }

    public Map<String, ?> args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
