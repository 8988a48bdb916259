package com.aftercare.configitem;

import java.util.ArrayList;
import java.util.List;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;

/** What an item's description must hold (the columns' sizes in V87), checked field by field so a 400 names each. */
final class ConfigItemRules {

    static final int MAX_NAME = 100;
    static final int MAX_VERSION = 100;
    static final int MAX_LOCATION = 200;
    static final int MAX_OWNER = 100;
    static final int MAX_TEXT = 2000;

    private ConfigItemRules() {
    }

    /** The description as sent, trimmed; every missing or too long field in one 400. */
    static ConfigItem.Description description(ConfigItemKind kind, String name, String version, String location,
            ConfigItemStatus status, String owner, String parameters, String notes, List<FieldError> errors) {
        if (kind == null) {
            errors.add(new FieldError("kind", "is required (APPLICATION, SOFTWARE, NETWORK or SERVICE)"));
        }
        if (status == null) {
            errors.add(new FieldError("status", "is required (PLANNED, IN_SERVICE or RETIRED)"));
        }
        String trimmedName = optional(name, "name", MAX_NAME, errors);
        if (trimmedName == null && (name == null || name.isBlank())) {
            errors.add(new FieldError("name", "is required"));
        }
        return new ConfigItem.Description(kind, trimmedName, optional(version, "version", MAX_VERSION, errors),
                optional(location, "location", MAX_LOCATION, errors), status, optional(owner, "owner", MAX_OWNER, errors),
                optional(parameters, "parameters", MAX_TEXT, errors), optional(notes, "notes", MAX_TEXT, errors));
    }

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
