package com.aftercare.weatherwarning;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.aftercare.inspection.Hazard;

/** A severe-weather warning as the feed sent it, and what it started. Written once. */
@Entity
@Table(name = "weather_warning")
class WeatherWarning {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "source_id", updatable = false)
    private String sourceId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Hazard hazard;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private WarningLevel level;
    @Column(updatable = false)
    private String areas;
    @Column(updatable = false)
    private String title;
    @Column(updatable = false)
    private String description;
    @Column(name = "issued_at", updatable = false)
    private Instant issuedAt;
    @Column(name = "received_at", updatable = false)
    private Instant receivedAt;
    @Column(name = "received_by", updatable = false)
    private String receivedBy;
    @Column(name = "inspections_started", updatable = false)
    private int inspectionsStarted;

    protected WeatherWarning() {
    }

    WeatherWarning(String sourceId, Hazard hazard, WarningLevel level, String areas, String title, String description,
            Instant issuedAt, Instant receivedAt, String receivedBy, int inspectionsStarted) {
        this.sourceId = sourceId;
        this.hazard = hazard;
        this.level = level;
        this.areas = areas;
        this.title = title;
        this.description = description;
        this.issuedAt = issuedAt;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
        this.inspectionsStarted = inspectionsStarted;
    }

    Long getId() { return id; }
    String getSourceId() { return sourceId; }
    Hazard getHazard() { return hazard; }
    WarningLevel getLevel() { return level; }
    String getAreas() { return areas; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    Instant getIssuedAt() { return issuedAt; }
    Instant getReceivedAt() { return receivedAt; }
    String getReceivedBy() { return receivedBy; }
    int getInspectionsStarted() { return inspectionsStarted; }
}
