package com.aftercare.stock;

import com.aftercare.common.BadRequestException;

/** Input checks shared by the stock use cases: 400 naming the field. */
final class Text {

    private Text() {
    }

    static String required(String value, String field, int max) {
        String v = optional(value, field, max);
        if (v == null) {
            throw new BadRequestException(field, "required");
        }
        return v;
    }

    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new BadRequestException(field, "at most " + max + " characters");
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new BadRequestException(field, "control characters are not allowed");
        }
        return v;
    }

    static int positive(Integer value, String field) {
        if (value == null) {
            throw new BadRequestException(field, "required");
        }
        if (value <= 0 || value > 1_000_000) {
            throw new BadRequestException(field, "must be between 1 and 1000000");
        }
        return value;
    }

    static long id(Long value, String field) {
        if (value == null) {
            throw new BadRequestException(field, "required");
        }
        return value;
    }
}
