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
 * The investigator closes an incident with its final impact, the measures taken (整改措施) and the conclusion, once the
 * customer has been told (RP-6; seed 002: 坚决杜绝因项目组成员发生的安全问题).
 */
@Service
public class CloseSecurityIncident {

    /** revision: the one the investigator read; anything recorded in between (a note, the telling) is a 409:
     * nobody concludes without having read the latest note. */
    @Schema(name = "SecurityIncidentClose")
    public record Close(SecurityImpact impact, String measures, String conclusion, Long revision) {
    }

    private final SecurityIncidentRepository incidents;
    private final SecurityIncidentEventRepository events;
    private final ReadSecurityIncidents views;
    private final Clock clock;

    CloseSecurityIncident(SecurityIncidentRepository incidents, SecurityIncidentEventRepository events,
            ReadSecurityIncidents views, Clock clock) {
        this.incidents = incidents;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadSecurityIncidents.IncidentView close(long id, Close command) {
        SecurityIncident incident = views.lockedForChange(id);
        SecurityIncidentActor.requireInvestigator();
        List<FieldError> errors = SecurityIncidentRules.errors();
        if (command == null || command.impact() == null) {
            errors.add(new FieldError("impact", "is required (MINOR, SERIOUS or MAJOR)"));
        }
        String measures = SecurityIncidentRules.required(command == null ? null : command.measures(), "measures",
                SecurityIncidentRules.MAX_TEXT, errors);
        String conclusion = SecurityIncidentRules.required(command == null ? null : command.conclusion(), "conclusion",
                SecurityIncidentRules.MAX_TEXT, errors);
        if (command == null || command.revision() == null) {
            errors.add(new FieldError("revision", "is required (the revision you read)"));
        }
        SecurityIncidentRules.throwIfAny(errors);
        if (incident.getStatus() != SecurityIncidentStatus.INVESTIGATING) {
            throw ConflictException.of("securityIncidentNotInvestigating", Map.of("number", incident.number()));
        }
        if (command.revision() != incident.getRevision()) {
            throw ConflictException.of("securityIncidentChanged", Map.of("number", incident.number()));
        }
        if (incident.getCustomerToldAt() == null) {
            throw ConflictException.of("securityIncidentCustomerNotTold", Map.of("number", incident.number()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        incident.close(command.impact(), measures, conclusion, now);
        incident.touched(now);
        incidents.saveAndFlush(incident);
        events.save(new SecurityIncidentEvent(incident, CurrentUser.username(), now, SecurityIncidentAction.CLOSED,
                conclusion));
        return views.view(incident);
    }
}
