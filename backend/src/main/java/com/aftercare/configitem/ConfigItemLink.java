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

/** "This item runs on / depends on / connects to" one device or one other item. Removed, not deleted. */
@Entity
@Table(name = "config_item_link")
class ConfigItemLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "item_id")
    private long itemId;
    @Column(name = "customer_id")
    private long customerId;
    @Enumerated(EnumType.STRING)
    private ConfigRelation relation;
    @Column(name = "target_device_id")
    private Long targetDeviceId;
    @Column(name = "target_item_id")
    private Long targetItemId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "removed_by")
    private String removedBy;
    @Column(name = "removed_at")
    private Instant removedAt;

    protected ConfigItemLink() {
    }

    ConfigItemLink(long itemId, long customerId, ConfigRelation relation, Long targetDeviceId, Long targetItemId, String by,
            Instant at) {
        this.itemId = itemId;
        this.customerId = customerId;
        this.relation = relation;
        this.targetDeviceId = targetDeviceId;
        this.targetItemId = targetItemId;
        this.createdBy = by;
        this.createdAt = at;
    }

    void remove(String by, Instant at) {
        this.removedBy = by;
        this.removedAt = at;
    }

    boolean isActive() {
        return removedAt == null;
    }

    Long getId() { return id; }
    long getItemId() { return itemId; }
    ConfigRelation getRelation() { return relation; }
    Long getTargetDeviceId() { return targetDeviceId; }
    Long getTargetItemId() { return targetItemId; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
}
