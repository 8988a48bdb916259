package com.aftercare.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a Prometheus Alertmanager webhook (payload version 4): one event per entry of alerts[]. The alert's
 * fingerprint (a hash of its label set, the same for every notification about it) is the dedup key; status firing
 * triggers, resolved resolves. The device is looked for in the labels aftercare_device, ip, serial, instance (its
 * host part), host and hostname; severity comes from the label severity (docs/alarms.md for the words understood).
 */
@Component
class ReadAlertmanagerWebhook {

    /** Label values of severity as Alertmanager rules commonly write them; anything else counts as warning. */
    private static final Map<String, Severity> SEVERITIES = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL), Map.entry("disaster", Severity.CRITICAL),
            Map.entry("page", Severity.CRITICAL), Map.entry("emergency", Severity.CRITICAL),
            Map.entry("error", Severity.ERROR), Map.entry("high", Severity.ERROR), Map.entry("major", Severity.ERROR),
            Map.entry("warning", Severity.WARNING), Map.entry("warn", Severity.WARNING),
            Map.entry("average", Severity.WARNING), Map.entry("minor", Severity.WARNING),
            Map.entry("info", Severity.INFO), Map.entry("information", Severity.INFO),
            Map.entry("low", Severity.INFO), Map.entry("none", Severity.INFO));

    List<AlarmEvent> read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "must be a JSON object");
        }
        String version = JsonFields.optional(body, "version", "version", 10);
        if (version != null && !"4".equals(version)) {
            throw new BadRequestException("version", "must be 4 (Alertmanager webhook payload version)");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || alerts.isNull()) {
            throw new BadRequestException("alerts", "is required");
        }
        if (!alerts.isArray() || alerts.isEmpty()) {
            throw new BadRequestException("alerts", "must be a non-empty array");
        }
        List<AlarmEvent> events = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            events.add(alert(alerts.get(i), "alerts[" + i + "]"));
        }
        return events;
    }

    private AlarmEvent alert(JsonNode alert, String path) {
        if (!alert.isObject()) {
            throw new BadRequestException(path, "must be an object");
        }
        String status = JsonFields.required(alert, "status", path + ".status", 20);
        EventAction action = switch (status) {
            case "firing" -> EventAction.TRIGGER;
            case "resolved" -> EventAction.RESOLVE;
            default -> throw new BadRequestException(path + ".status", "must be firing or resolved");
        };
        String fingerprint = JsonFields.required(alert, "fingerprint", path + ".fingerprint", AlarmEvent.MAX_KEY);
        JsonNode labels = JsonFields.object(alert, "labels", path + ".labels", true);
        JsonNode annotations = JsonFields.object(alert, "annotations", path + ".annotations", false);
        Instant startsAt = JsonFields.time(alert, "startsAt", path + ".startsAt");
        Instant endsAt = JsonFields.time(alert, "endsAt", path + ".endsAt");
        String alertname = JsonFields.optional(labels, "alertname", path + ".labels.alertname", 255);
        String summary = first(JsonFields.optional(annotations, "summary", path + ".annotations.summary", AlarmEvent.MAX_SUMMARY),
                JsonFields.optional(annotations, "description", path + ".annotations.description", AlarmEvent.MAX_SUMMARY),
                alertname, fingerprint);
        String severityText = JsonFields.optional(labels, "severity", path + ".labels.severity", 40);
        Severity severity = severityText == null ? Severity.WARNING
                : SEVERITIES.getOrDefault(severityText.toLowerCase(Locale.ROOT), Severity.WARNING);
        List<String> identifiers = new ArrayList<>();
        String host = null;
        for (String name : List.of("aftercare_device", "ip", "serial", "instance", "host", "hostname")) {
            String value = JsonFields.optional(labels, name, path + ".labels." + name, 255);
            if (value != null) {
                String id = "instance".equals(name) ? hostOf(value) : value;
                identifiers.add(id);
                if (host == null) {
                    host = id;
                }
            }
        }
        StringBuilder details = new StringBuilder("labels: ").append(labels);
        if (annotations != null) {
            details.append("\nannotations: ").append(annotations);
        }
        Instant at = action == EventAction.RESOLVE && endsAt != null ? endsAt : startsAt;
        return new AlarmEvent(action, fingerprint, summary, severity, at, host, identifiers, details.toString());
    }

    /** "10.0.0.5:9100" or "[fe80::1]:9100" -> the host; Prometheus's instance label is host:port. */
    static String hostOf(String instance) {
        if (instance.startsWith("[")) {
            int end = instance.indexOf(']');
            return end > 0 ? instance.substring(1, end) : instance;
        }
        int colon = instance.lastIndexOf(':');
        return colon > 0 && instance.indexOf(':') == colon ? instance.substring(0, colon) : instance;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
