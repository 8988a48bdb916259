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

/** One line of an item's lifecycle history (seed 003: 资源整个生命周期的参数或配置的变化记录). Written once. */
@Entity
@Table(name = "config_item_event")
class ConfigItemEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "item_id")
    private long itemId;
    @Column(name = "customer_id")
    private long customerId;
    @Column(name = "happened_at")
    private Instant happenedAt;
    private String actor;
    @Enumerated(EnumType.STRING)
    private ConfigItemAction action;
    private String field;
    @Column(name = "old_value")
    private String oldValue;
    @Column(name = "new_value")
    private String newValue;
    @Enumerated(EnumType.STRING)
    private ConfigRelation relation;
    @Column(name = "target_device_id")
    private Long targetDeviceId;
    @Column(name = "target_item_id")
    private Long targetItemId;
    /** The change request whose outcome made this edit (RP-5), else null. */
    @Column(name = "change_id")
    private Long changeId;

    protected ConfigItemEvent() {
    }

    private ConfigItemEvent(ConfigItem item, String actor, Instant at, ConfigItemAction action) {
        this.itemId = item.getId();
        this.customerId = item.getCustomerId();
        this.actor = actor;
        this.happenedAt = at;
        this.action = action;
    }

    static ConfigItemEvent created(ConfigItem item, String actor, Instant at) {
        return new ConfigItemEvent(item, actor, at, ConfigItemAction.CREATED);
    }

    static ConfigItemEvent edited(ConfigItem item, String actor, Instant at, String field, String oldValue, String newValue) {
        ConfigItemEvent e = new ConfigItemEvent(item, actor, at, ConfigItemAction.EDITED);
        e.field = field;
        e.oldValue = oldValue;
        e.newValue = newValue;
        return e;
    }

    /** A field a change's outcome set (a new version after an upgrade, new parameters). */
    static ConfigItemEvent editedByChange(ConfigItem item, String actor, Instant at, String field, String oldValue,
            String newValue, long changeId) {
        ConfigItemEvent e = edited(item, actor, at, field, oldValue, newValue);
        e.changeId = changeId;
        return e;
    }

    static ConfigItemEvent linked(ConfigItem item, String actor, Instant at, ConfigItemLink link, boolean added) {
        ConfigItemEvent e = new ConfigItemEvent(item, actor, at, added ? ConfigItemAction.LINKED : ConfigItemAction.UNLINKED);
        e.relation = link.getRelation();
        e.targetDeviceId = link.getTargetDeviceId();
        e.targetItemId = link.getTargetItemId();
        return e;
    }

    Long getId() { return id; }
    long getItemId() { return itemId; }
    Instant getHappenedAt() { return happenedAt; }
    String getActor() { return actor; }
    ConfigItemAction getAction() { return action; }
    String getField() { return field; }
    String getOldValue() { return oldValue; }
    String getNewValue() { return newValue; }
    ConfigRelation getRelation() { return relation; }
    Long getTargetDeviceId() { return targetDeviceId; }
    Long getTargetItemId() { return targetItemId; }
    Long getChangeId() { return changeId; }
}
