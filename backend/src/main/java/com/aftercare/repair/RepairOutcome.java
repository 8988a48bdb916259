package com.aftercare.repair;

/** Where a repair slip stands: the device is still at the vendor, or came back repaired or unrepairable. */
public enum RepairOutcome {
    AWAY, REPAIRED, UNREPAIRABLE
}
