package com.aftercare.sla;

/** Facts of a ticket's life that clocks react to. Recorded once, never changed (RP-2). */
public enum MilestoneKind {
    RECEIVED, LEVEL, POLICY, PAUSED, RESUMED, DISPATCHED, DELAY_REPORTED, RESPONDED, ON_SITE, RESOLVED, REOPENED, CLOSED,
    SOLUTION_PLAN, CONTINGENCY_PLAN, FAULT_REPORT, ABNORMAL_REPORTED, ABNORMAL_ACKNOWLEDGED,
    /** The device went to the vendor on a repair slip; carries the vendor's return deadline ({@link Milestone#getDueAt}). */
    VENDOR_SENT,
    /** The device is back from the vendor. */
    VENDOR_RETURNED
}
