package com.aftercare.alarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what our Zabbix webhook media type sends (docs/alarms.md "Zabbix"): the macros of one problem event as
 * JSON. event_id ({EVENT.ID}, which a recovery or update message still gives as the problem's id) is the dedup
 * key; status ({EVENT.STATUS}) PROBLEM triggers and RESOLVED resolves; an update ({EVENT.UPDATE.STATUS} = 1) whose
 * action ({EVENT.UPDATE.ACTION}) says acknowledged acknowledges, other updates (comments, severity changes) are
 * answered and not recorded. severity is {EVENT.SEVERITY}'s name (or {EVENT.NSEVERITY}, 0-5).
 */
@Component
class ReadZabbixWebhook {

    /** Zabbix's six severities, by name and by number; the mapping is in docs/alarms.md. */
    private static final Map<String, Severity> SEVERITIES = Map.ofEntries(
            Map.entry("not classified", Severity.INFO), Map.entry("0", Severity.INFO),
            Map.entry("information", Severity.INFO), Map.entry("1", Severity.INFO),
            Map.entry("warning", Severity.WARNING), Map.entry("2", Severity.WARNING),
            Map.entry("average", Severity.WARNING), Map.entry("3", Severity.WARNING),
            Map.entry("high", Severity.ERROR), Map.entry("4", Severity.ERROR),
            Map.entry("disaster", Severity.CRITICAL), Map.entry("5", Severity.CRITICAL));

    /** The event, or empty for an update that is not an acknowledgement. */
    Optional<AlarmEvent> read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "must be a JSON object");
        }
        String eventId = JsonFields.required(body, "event_id", "event_id", AlarmEvent.MAX_KEY);
        String status = JsonFields.required(body, "status", "status", 20);
        String updateStatus = JsonFields.optional(body, "update_status", "update_status", 5);
        String updateAction = JsonFields.optional(body, "update_action", "update_action", 500);
        EventAction action;
        if ("1".equals(updateStatus)) {
            if (updateAction == null || !updateAction.toLowerCase(Locale.ROOT).contains("acknowledged")
                    || updateAction.toLowerCase(Locale.ROOT).contains("unacknowledged")) {
                return Optional.empty();
            }
            action = EventAction.ACKNOWLEDGE;
        } else {
            action = switch (status.toUpperCase(Locale.ROOT)) {
                case "PROBLEM" -> EventAction.TRIGGER;
                case "RESOLVED", "OK" -> EventAction.RESOLVE;
                default -> throw new BadRequestException("status", "must be PROBLEM or RESOLVED");
            };
        }
        String severityText = JsonFields.optional(body, "severity", "severity", 40);
        Severity severity = null;
        if (severityText != null) {
            severity = SEVERITIES.get(severityText.toLowerCase(Locale.ROOT));
            if (severity == null) {
                throw new BadRequestException("severity",
                        "must be a Zabbix severity: Not classified, Information, Warning, Average, High, Disaster (or 0-5)");
            }
        } else if (action == EventAction.TRIGGER) {
            throw new BadRequestException("severity", "is required");
        }
        String host = JsonFields.optional(body, "host", "host", 255);
        String hostIp = JsonFields.optional(body, "host_ip", "host_ip", 255);
        String hostTechnical = JsonFields.optional(body, "host_host", "host_host", 255);
        String subject = JsonFields.optional(body, "subject", "subject", AlarmEvent.MAX_SUMMARY);
        String message = JsonFields.optional(body, "message", "message", 4000);
        if (action == EventAction.TRIGGER && host == null && hostIp == null && hostTechnical == null) {
            throw new BadRequestException("host", "is required (or host_ip)");
        }
        if (action == EventAction.TRIGGER && subject == null) {
            throw new BadRequestException("subject", "is required");
        }
        List<String> identifiers = new ArrayList<>();
        for (String id : new String[] { hostIp, hostTechnical, host }) {
            if (id != null) {
                identifiers.add(id);
            }
        }
        return Optional.of(new AlarmEvent(action, eventId, subject, severity, null,
                host != null ? host : hostIp != null ? hostIp : hostTechnical, identifiers, message));
    }
}
