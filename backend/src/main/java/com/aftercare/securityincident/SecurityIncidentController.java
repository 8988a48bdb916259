package com.aftercare.securityincident;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Security incidents (RP-6): reported, investigated, the customer told, closed with measures; counted by kind and impact. */
@RestController
@Tag(name = "Security incidents")
class SecurityIncidentController {

    private final ReadSecurityIncidents read;
    private final ReportSecurityIncident report;
    private final TakeSecurityIncident take;
    private final NoteSecurityIncident note;
    private final RecordCustomerTold told;
    private final CloseSecurityIncident close;
    private final CountSecurityIncidents count;

    SecurityIncidentController(ReadSecurityIncidents read, ReportSecurityIncident report, TakeSecurityIncident take,
            NoteSecurityIncident note, RecordCustomerTold told, CloseSecurityIncident close, CountSecurityIncidents count) {
        this.read = read;
        this.report = report;
        this.take = take;
        this.note = note;
        this.told = told;
        this.close = close;
        this.count = count;
    }

    @GetMapping("/api/security-incidents")
    @Operation(summary = "Incidents, newest report first (500 at most): supervisors and admins all, a customer's user their unit's, other staff those they reported")
    List<ReadSecurityIncidents.Summary> list(@RequestParam(required = false) Long customerId,
            @RequestParam(required = false) SecurityIncidentStatus status,
            @RequestParam(required = false) SecurityIncidentKind kind) {
        return read.list(customerId, status, kind);
    }

    @GetMapping("/api/security-incidents/stats")
    @Operation(summary = "Counts by kind, impact and month of occurrence (from/to: months, default the last 12, at most 36)")
    CountSecurityIncidents.Stats stats(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long customerId) {
        return count.count(from, to, customerId);
    }

    @GetMapping("/api/security-incidents/{id}")
    @Operation(summary = "One incident with its course, newest first; 404 when it does not exist or is not yours to read")
    ReadSecurityIncidents.IncidentView one(@PathVariable long id) {
        return read.one(id);
    }

    @PostMapping("/api/security-incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report an incident (every staff role; a customer's user for their unit); 400 names the field")
    ReadSecurityIncidents.IncidentView create(@RequestBody ReportSecurityIncident.NewSecurityIncident body) {
        return report.report(body);
    }

    @PostMapping("/api/security-incidents/{id}/take")
    @Operation(summary = "Take a reported incident up for investigation (supervisors, admins); 409 when taken already")
    ReadSecurityIncidents.IncidentView take(@PathVariable long id) {
        return take.take(id);
    }

    @PostMapping("/api/security-incidents/{id}/notes")
    @Operation(summary = "Add an investigation note (supervisors, admins); 409 when closed")
    ReadSecurityIncidents.IncidentView note(@PathVariable long id, @RequestBody NoteSecurityIncident.Note body) {
        return note.note(id, body);
    }

    @PostMapping("/api/security-incidents/{id}/customer-told")
    @Operation(summary = "Record when and how the customer's information centre was told; once")
    ReadSecurityIncidents.IncidentView customerTold(@PathVariable long id, @RequestBody RecordCustomerTold.CustomerTold body) {
        return told.record(id, body);
    }

    @PostMapping("/api/security-incidents/{id}/close")
    @Operation(summary = "Close with the final impact, measures and conclusion; 409 before the customer was told or on a stale revision")
    ReadSecurityIncidents.IncidentView close(@PathVariable long id, @RequestBody CloseSecurityIncident.Close body) {
        return close.close(id, body);
    }
}
