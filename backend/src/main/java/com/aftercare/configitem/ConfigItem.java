package com.aftercare.configitem;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer unit's application system, platform software, network link or business service (RP-4). */
@Entity
@Table(name = "config_item")
class ConfigItem {

    /** The fields a person describes; the unit is fixed once registered. */
    record Description(ConfigItemKind kind, String name, String version, String location, ConfigItemStatus status,
            String owner, String parameters, String notes) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id")
    private long customerId;
    @Enumerated(EnumType.STRING)
    private ConfigItemKind kind;
    private String name;
    private String version;
    private String location;
    @Enumerated(EnumType.STRING)
    private ConfigItemStatus status;
    private String owner;
    private String parameters;
    private String notes;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long revision;

    protected ConfigItem() {
    }

    ConfigItem(long customerId, Description d, String by, Instant at) {
        this.customerId = customerId;
        describe(d);
        this.createdBy = by;
        this.createdAt = at;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void describe(Description d) {
        this.kind = d.kind();
        this.name = d.name();
        this.version = d.version();
        this.location = d.location();
        this.status = d.status();
        this.owner = d.owner();
        this.parameters = d.parameters();
        this.notes = d.notes();
    }

    void touched(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Description description() {
        return new Description(kind, name, version, location, status, owner, parameters, notes);
    }

    /** "CI-000012": how people name an item on the phone and in a change request. */
    String number() {
        return number(id);
    }

    static String number(long id) {
        return String.format("CI-%06d", id);
    }

    Long getId() { return id; }
    long getCustomerId() { return customerId; }
    ConfigItemKind getKind() { return kind; }
    String getName() { return name; }
    String getVersion() { return version; }
    String getLocation() { return location; }
    ConfigItemStatus getStatus() { return status; }
    String getOwner() { return owner; }
    String getParameters() { return parameters; }
    String getNotes() { return notes; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    String getUpdatedBy() { return updatedBy; }
    Instant getUpdatedAt() { return updatedAt; }
    long getRevision() { return revision; }
}
