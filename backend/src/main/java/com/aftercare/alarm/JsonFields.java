package com.aftercare.alarm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.aftercare.common.BadRequestException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the fields of a monitoring payload by hand rather than binding a record: monitoring systems add fields
 * over versions (we ignore what we do not use), and a refusal must name the field by its path in the payload
 * ("payload.severity", "alerts[2].fingerprint") so the sender's admin knows what to fix.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** A text field that must be there and not blank; numbers are accepted as their digits (Zabbix ids). */
    static String required(JsonNode parent, String name, String path, int max) {
        String value = optional(parent, name, path, max);
        if (value == null) {
            throw new BadRequestException(path, "is required");
        }
        return value;
    }

    /** A text field that may be missing, null or blank (then null); an object or array in its place is refused. */
    static String optional(JsonNode parent, String name, String path, int max) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw new BadRequestException(path, "must be a string");
        }
        String value = node.asText().strip();
        if (value.isEmpty() || unexpandedMacro(value)) {
            return null;
        }
        if (value.length() > max) {
            throw new BadRequestException(path, "must be at most " + max + " characters");
        }
        return value;
    }

    /** An object field that may be missing; anything but an object in its place is refused. */
    static JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new BadRequestException(path, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            throw new BadRequestException(path, "must be an object");
        }
        return node;
    }

    /** An RFC 3339 / ISO-8601 time with an offset; Alertmanager's zero time (0001-01-01) means "not set". */
    static Instant time(JsonNode parent, String name, String path) {
        String text = optional(parent, name, path, 64);
        if (text == null) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return at.getEpochSecond() < 0 ? null : at;
        } catch (DateTimeParseException e) {
            throw new BadRequestException(path, "must be a time such as 2026-12-04T08:00:00Z");
        }
    }

    /**
     * "{HOST.IP}": Zabbix sends a macro it could not fill as written. It says nothing about the device, so it counts
     * as not given rather than as a host called "{HOST.IP}".
     */
    static boolean unexpandedMacro(String value) {
        return value.matches("\\{[A-Z0-9_.$]+}");
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
