package com.aftercare.modeling;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the model change log: a deployment or a migration, who did it, when, and what changed. */
@Entity
@Table(name = "model_change")
class ModelChange {

    enum Action {
        /** A process owner deployed a new version from the workbench. */
        DEPLOYED,
        /** A file in bpmn/ was deployed at start-up. */
        FILE_DEPLOYED,
        /** A file in bpmn/ differs from the deployed model, but a newer workbench version was kept. */
        FILE_KEPT_NEWER_DEPLOYMENT,
        /** Running cases were moved from one version to another. */
        MIGRATED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String actor;
    @Enumerated(EnumType.STRING)
    private Action action;
    @Column(name = "model_key")
    private String modelKey;
    @Column(name = "resource_name")
    private String resourceName;
    @Column(name = "deployment_id")
    private String deploymentId;
    @Column(name = "from_version")
    private Integer fromVersion;
    @Column(name = "to_version")
    private Integer toVersion;
    private String summary;
    private String details;

    protected ModelChange() {
    }

    ModelChange(Instant at, String actor, Action action, String modelKey, String resourceName, String deploymentId,
            Integer fromVersion, Integer toVersion, String summary, String details) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.modelKey = modelKey;
        this.resourceName = resourceName;
        this.deploymentId = deploymentId;
        this.fromVersion = fromVersion;
        this.toVersion = toVersion;
        this.summary = summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary;
        this.details = details;
    }

    Long getId() {
        return id;
    }

    Instant getAt() {
        return at;
    }

    String getActor() {
        return actor;
    }

    Action getAction() {
        return action;
    }

    String getModelKey() {
        return modelKey;
    }

    String getResourceName() {
        return resourceName;
    }

    String getDeploymentId() {
        return deploymentId;
    }

    Integer getFromVersion() {
        return fromVersion;
    }

    Integer getToVersion() {
        return toVersion;
    }

    String getSummary() {
        return summary;
    }

    String getDetails() {
        return details;
    }
}
