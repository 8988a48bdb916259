package com.aftercare.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the generic format, modelled on PagerDuty Events API v2 (docs/alarms.md): event_action trigger, acknowledge
 * or resolve; dedup_key; for a trigger a payload with summary, source and severity (critical, error, warning,
 * info), optionally timestamp and custom_details. Unlike PagerDuty the key travels in a header, not as routing_key,
 * and dedup_key is required: without it a retry could not be told from a new alarm.
 */
@Component
class ReadGenericEvent {

    AlarmEvent read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "must be a JSON object");
        }
        String actionText = JsonFields.required(body, "event_action", "event_action", 20);
        EventAction action = switch (actionText) {
            case "trigger" -> EventAction.TRIGGER;
            case "acknowledge" -> EventAction.ACKNOWLEDGE;
            case "resolve" -> EventAction.RESOLVE;
            default -> throw new BadRequestException("event_action", "must be trigger, acknowledge or resolve");
        };
        String dedupKey = JsonFields.required(body, "dedup_key", "dedup_key", AlarmEvent.MAX_KEY);
        JsonNode payload = JsonFields.object(body, "payload", "payload", action == EventAction.TRIGGER);
        String summary = JsonFields.optional(payload, "summary", "payload.summary", AlarmEvent.MAX_SUMMARY);
        String source = JsonFields.optional(payload, "source", "payload.source", 255);
        String severityText = JsonFields.optional(payload, "severity", "payload.severity", 20);
        Severity severity = null;
        if (severityText != null) {
            severity = Severity.ofGeneric(severityText).orElseThrow(
                    () -> new BadRequestException("payload.severity", "must be critical, error, warning or info"));
        }
        if (action == EventAction.TRIGGER) {
            if (summary == null) {
                throw new BadRequestException("payload.summary", "is required");
            }
            if (source == null) {
                throw new BadRequestException("payload.source", "is required");
            }
            if (severity == null) {
                throw new BadRequestException("payload.severity", "is required");
            }
        }
        Instant timestamp = JsonFields.time(payload, "timestamp", "payload.timestamp");
        JsonNode custom = payload == null ? null : payload.get("custom_details");
        List<String> identifiers = new ArrayList<>();
        String details = null;
        if (custom != null && !custom.isNull()) {
            if (custom.isObject()) {
                // the device may be named in the details: ip / serial / device (docs/alarms.md)
                for (String name : List.of("ip", "ip_address", "serial", "serial_number", "device", "host")) {
                    String value = JsonFields.optional(custom, name, "payload.custom_details." + name, 255);
                    if (value != null) {
                        identifiers.add(value);
                    }
                }
            }
            details = custom.isTextual() ? custom.asText() : custom.toString();
        }
        if (source != null) {
            identifiers.add(source);
        }
        return new AlarmEvent(action, dedupKey, summary, severity, timestamp, source, identifiers, details);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
