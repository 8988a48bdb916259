package com.aftercare.inspection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** PM-5: a device's record (model, serial number, location) confirmed as it stands, or the values found on site. */
@Entity
@Table(name = "inspection_asset_check")
public class AssetCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inspection_id")
    private Long inspectionId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "device_id")
    private Long deviceId;
    private boolean confirmed;
    private String model;
    @Column(name = "serial_number")
    private String serialNumber;
    private String location;
    @Column(name = "checked_by")
    private String checkedBy;
    @Column(name = "checked_at")
    private Instant checkedAt;

    protected AssetCheck() {
    }

    AssetCheck(Long inspectionId, Long customerId, Long deviceId) {
        this.inspectionId = inspectionId;
        this.customerId = customerId;
        this.deviceId = deviceId;
    }

    void record(boolean confirmed, String model, String serialNumber, String location, String by, Instant at) {
        this.confirmed = confirmed;
        this.model = model;
        this.serialNumber = serialNumber;
        this.location = location;
        this.checkedBy = by;
        this.checkedAt = at;
    }

    public Long getDeviceId() { return deviceId; }
    public boolean isConfirmed() { return confirmed; }
    public String getModel() { return model; }
    public String getSerialNumber() { return serialNumber; }
    public String getLocation() { return location; }
    public String getCheckedBy() { return checkedBy; }
    public Instant getCheckedAt() { return checkedAt; }
}
