package com.aftercare.securityincident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The investigator records when and how the customer's information centre was told (seed 002: all work on the
 * purchaser's systems is under its authority, and an incident is theirs to know). An incident cannot close before.
 */
@Service
public class RecordCustomerTold {

    /** toldAt: when; how: by whom to whom, e.g. "电话告知信息中心张主任". */
    @Schema(name = "SecurityIncidentCustomerTold")
    public record CustomerTold(Instant toldAt, String how) {
    }

    private final SecurityIncidentRepository incidents;
    private final SecurityIncidentEventRepository events;
    private final ReadSecurityIncidents views;
    private final Clock clock;

    RecordCustomerTold(SecurityIncidentRepository incidents, SecurityIncidentEventRepository events,
            ReadSecurityIncidents views, Clock clock) {
        this.incidents = incidents;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadSecurityIncidents.IncidentView record(long id, CustomerTold command) {
        SecurityIncident incident = views.lockedForChange(id);
        SecurityIncidentActor.requireInvestigator();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<FieldError> errors = SecurityIncidentRules.errors();
        Instant toldAt = command == null ? null : command.toldAt();
        if (toldAt == null) {
            errors.add(new FieldError("toldAt", "is required"));
        } else if (toldAt.isAfter(now.plus(ReportSecurityIncident.CLOCK_SLACK))) {
            errors.add(new FieldError("toldAt", "may not be in the future"));
        } else if (toldAt.isBefore(incident.getOccurredAt())) {
            errors.add(new FieldError("toldAt", "may not be before the incident occurred"));
        }
        String how = SecurityIncidentRules.required(command == null ? null : command.how(), "how",
                SecurityIncidentRules.MAX_HOW, errors);
        SecurityIncidentRules.throwIfAny(errors);
        if (incident.getStatus() == SecurityIncidentStatus.CLOSED) {
            throw ConflictException.of("securityIncidentClosed", Map.of("number", incident.number()));
        }
        if (incident.getCustomerToldAt() != null) {
            throw ConflictException.of("securityIncidentCustomerTold", Map.of("number", incident.number()));
        }
        incident.customerTold(toldAt.truncatedTo(ChronoUnit.MICROS), how);
        incident.touched(now);
        incidents.saveAndFlush(incident);
        events.save(new SecurityIncidentEvent(incident, CurrentUser.username(), now, SecurityIncidentAction.CUSTOMER_TOLD,
                how));
        return views.view(incident);
    }
}
