package com.aftercare.inspection;

/** Where an inspection stands in inspection.bpmn (PM-4). */
public enum InspectionStatus {
    /** Waiting for the time to be agreed with the customer. */
    AWAITING_TIME,
    /** Time agreed; the engineer works through the checklist. */
    SCHEDULED,
    /** Checklist done, fault cases opened; waiting for the customer's opinion and signature. */
    AWAITING_SIGNATURE,
    DONE
}
