package com.aftercare.alarm;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where monitoring systems send alarms (docs/alarms.md), signed in by their source's key (AlarmSecurity). Each
 * answers 202 with what was done per event; a payload it cannot read is 400 naming the field, before anything is
 * recorded.
 */
@RestController
@RequestMapping("/api/alarms")
class AlarmController {

    private final IntakeAlarm intake;
    private final ReadGenericEvent generic;
    private final ReadAlertmanagerWebhook alertmanager;
    private final ReadZabbixWebhook zabbix;

    AlarmController(IntakeAlarm intake, ReadGenericEvent generic, ReadAlertmanagerWebhook alertmanager, ReadZabbixWebhook zabbix) {
        this.intake = intake;
        this.generic = generic;
        this.alertmanager = alertmanager;
        this.zabbix = zabbix;
    }

    /** outcome: OPENED, APPENDED, ACKNOWLEDGED, RESOLVED, REPEATED (resolved again) or IGNORED (no open alarm). */
    @Schema(name = "AlarmResult")
    record Result(String dedupKey, MonitoringEvent.Outcome outcome, String ticketNumber) {
        static Result of(IntakeAlarm.Handled h) {
            return new Result(h.dedupKey(), h.outcome(), h.ticketNumber());
        }
    }

    record Accepted(String status, List<Result> events) {
    }

    @Operation(summary = "An event in the generic format (PagerDuty Events v2 style)")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted generic(@AuthenticationPrincipal AlarmSender sender, @RequestBody JsonNode body) {
        return new Accepted("success", List.of(Result.of(intake.intake(sender, generic.read(body)))));
    }

    @Operation(summary = "A Prometheus Alertmanager webhook (payload version 4): one event per alert")
    @PostMapping("/alertmanager")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted alertmanager(@AuthenticationPrincipal AlarmSender sender, @RequestBody JsonNode body) {
        List<AlarmEvent> events = alertmanager.read(body);
        List<Result> results = new ArrayList<>();
        for (AlarmEvent event : events) {
            results.add(Result.of(intake.intake(sender, event)));
        }
        return new Accepted("success", results);
    }

    @Operation(summary = "A Zabbix webhook of the Aftercare media type (docs/alarms.md)")
    @PostMapping("/zabbix")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted zabbix(@AuthenticationPrincipal AlarmSender sender, @RequestBody JsonNode body) {
        return new Accepted("success", zabbix.read(body).map(e -> List.of(Result.of(intake.intake(sender, e)))).orElse(List.of()));
    }
}
