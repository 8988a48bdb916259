package com.aftercare.securityincident;

import java.util.ArrayList;
import java.util.List;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;

/** The texts' sizes (the columns of V89), checked field by field so that one 400 names every field that is wrong. */
final class SecurityIncidentRules {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 2000;
    static final int MAX_INVOLVED = 200;
    static final int MAX_HOW = 200;

    private SecurityIncidentRules() {
    }

    /** The text trimmed; null (and a field error) when missing or too long. */
    static String required(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return optional(value, field, max, errors);
    }

    /** The text trimmed, null when blank; a field error when too long. */
    static String optional(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "may have at most " + max + " characters"));
            return null;
        }
        return trimmed;
    }

    static List<FieldError> errors() {
        return new ArrayList<>();
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }
}
