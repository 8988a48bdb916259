package com.aftercare.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import com.aftercare.asset.DeviceType;

/** One line of a plan's checklist template: what to check on every device of a type, how, and whether a probe can. */
@Embeddable
public class PlanItem {

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type")
    private DeviceType deviceType;
    private String item;
    private String method;
    private boolean automated;

    protected PlanItem() {
    }

    public PlanItem(DeviceType deviceType, String item, String method, boolean automated) {
        this.deviceType = deviceType;
        this.item = item;
        this.method = method;
        this.automated = automated;
    }

    public DeviceType getDeviceType() { return deviceType; }
    public String getItem() { return item; }
    public String getMethod() { return method; }
    public boolean isAutomated() { return automated; }
}
