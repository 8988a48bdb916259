package com.aftercare.securityincident;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/** An investigator writes down what the investigation found so far: who was asked, what the logs show (RP-6). */
@Service
public class NoteSecurityIncident {

    @Schema(name = "SecurityIncidentNote")
    public record Note(String note) {
    }

    private final SecurityIncidentRepository incidents;
    private final EntityManager entities;
    private final SecurityIncidentEventRepository events;
    private final ReadSecurityIncidents views;
    private final Clock clock;

    NoteSecurityIncident(SecurityIncidentRepository incidents, EntityManager entities,
            SecurityIncidentEventRepository events, ReadSecurityIncidents views, Clock clock) {
        this.incidents = incidents;
        this.entities = entities;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadSecurityIncidents.IncidentView note(long id, Note command) {
        SecurityIncident incident = views.lockedForChange(id);
        SecurityIncidentActor.requireInvestigator();
        List<FieldError> errors = SecurityIncidentRules.errors();
        String note = SecurityIncidentRules.required(command == null ? null : command.note(), "note",
                SecurityIncidentRules.MAX_TEXT, errors);
        SecurityIncidentRules.throwIfAny(errors);
        if (incident.getStatus() == SecurityIncidentStatus.CLOSED) {
            throw ConflictException.of("securityIncidentClosed", Map.of("number", incident.number()));
        }
        java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        incident.touched(now);
        // a note changes no column of the incident, yet whoever closes it must have read it: the revision goes up
        entities.lock(incident, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        incidents.saveAndFlush(incident);
        events.save(new SecurityIncidentEvent(incident, CurrentUser.username(), now, SecurityIncidentAction.NOTE, note));
        return views.view(incident);
    }
}
