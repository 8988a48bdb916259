package com.aftercare.sla;

/** Facts of a ticket's life that clocks react to. Recorded once, never changed (RP-2). */
public enum MilestoneKind {
    RECEIVED, LEVEL, POLICY, PAUSED, RESUMED, DISPATCHED, DELAY_REPORTED, RESPONDED, ON_SITE, RESOLVED, REOPENED, CLOSED,
    SOLUTION_PLAN, CONTINGENCY_PLAN, FAULT_REPORT, ABNORMAL_REPORTED, ABNORMAL_ACKNOWLEDGED,
    /** The device went to the vendor on a repair slip; carries the vendor's return deadline ({@link Milestone#getDueAt}). */
    VENDOR_SENT,
    /** The device is back from the vendor. */
    VENDOR_RETURNED,
    /** The desk's first-line step began: remote guidance from the knowledge base starts (IN-4). */
    FIRST_LINE_STARTED,
    /** The desk completed its first-line step: solved at the desk, or handed on to dispatch. */
    FIRST_LINE_FINISHED,
    /**
     * A request type's clock started (or started again); the detail names the clock ({@link ClockName#isRequestClock}),
     * {@link Milestone#getDueAt} carries its deadline.
     */
    REQUEST_CLOCK_STARTED
}
