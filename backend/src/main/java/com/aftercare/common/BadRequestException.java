package com.aftercare.common;

import java.util.List;

/** Input that cannot be accepted; carries the offending fields so the client can point at them. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public BadRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("bad request"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
