package com.aftercare.securityincident;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;

/** A supervisor or administrator takes a reported incident up and is its investigator from then on (RP-6). */
@Service
public class TakeSecurityIncident {

    private final SecurityIncidentRepository incidents;
    private final SecurityIncidentEventRepository events;
    private final ReadSecurityIncidents views;
    private final Clock clock;

    TakeSecurityIncident(SecurityIncidentRepository incidents, SecurityIncidentEventRepository events,
            ReadSecurityIncidents views, Clock clock) {
        this.incidents = incidents;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    /** Two investigators at once: the second waits for the first's row lock and is told it is taken (409). */
    @Transactional
    public ReadSecurityIncidents.IncidentView take(long id) {
        SecurityIncident incident = views.lockedForChange(id);
        SecurityIncidentActor.requireInvestigator();
        if (incident.getStatus() != SecurityIncidentStatus.REPORTED) {
            throw ConflictException.of("securityIncidentNotReported", Map.of("number", incident.number()));
        }
        String by = CurrentUser.username();
        java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        incident.take(by);
        incident.touched(now);
        incidents.saveAndFlush(incident);
        events.save(new SecurityIncidentEvent(incident, by, now, SecurityIncidentAction.TAKEN, null));
        return views.view(incident);
    }
}
