package com.aftercare.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A catalogue entry: part number, name, model/spec, unit and the alarm level its total stock is watched against. */
@Entity
@Table(name = "stock_part")
class Part {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "part_number", nullable = false, updatable = false)
    private String partNumber;
    private String name;
    private String model;
    private String unit;
    @Column(name = "alarm_level")
    private int alarmLevel;
    /** Written only by the conditional updates of PartRepository (once per crossing), never through the entity. */
    @Column(name = "alarm_raised", insertable = false, updatable = false)
    private boolean alarmRaised;
    @Version
    private long version;

    protected Part() {
    }

    Part(String partNumber, String name, String model, String unit, int alarmLevel) {
        this.partNumber = partNumber;
        this.name = name;
        this.model = model;
        this.unit = unit;
        this.alarmLevel = alarmLevel;
    }

    void change(String name, String model, String unit, int alarmLevel) {
        this.name = name;
        this.model = model;
        this.unit = unit;
        this.alarmLevel = alarmLevel;
    }

    Long getId() {
        return id;
    }

    String getPartNumber() {
        return partNumber;
    }

    String getName() {
        return name;
    }

    String getModel() {
        return model;
    }

    String getUnit() {
        return unit;
    }

    int getAlarmLevel() {
        return alarmLevel;
    }

    boolean isAlarmRaised() {
        return alarmRaised;
    }
}
