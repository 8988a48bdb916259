package com.aftercare.securityincident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an incident's course. Written once. */
@Entity
@Table(name = "security_incident_event")
class SecurityIncidentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private long incidentId;
    @Column(name = "customer_id")
    private long customerId;
    @Column(name = "happened_at")
    private Instant happenedAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    private SecurityIncidentAction action;
    private String note;

    protected SecurityIncidentEvent() {
    }

    SecurityIncidentEvent(SecurityIncident incident, String actor, Instant at, SecurityIncidentAction action, String note) {
        this.incidentId = incident.getId();
        this.customerId = incident.getCustomerId();
        this.actor = actor;
        this.happenedAt = at;
        this.action = action;
        this.note = note;
    }

    Long getId() { return id; }
    Instant getHappenedAt() { return happenedAt; }
    String getActor() { return actor; }
    SecurityIncidentAction getAction() { return action; }
    String getNote() { return note; }
}
